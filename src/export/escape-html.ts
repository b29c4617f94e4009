// Text made safe to place in HTML, as element content or inside a quoted attribute: the exported
// HTML pages and the OAuth callback page both quote words they did not write.

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}
