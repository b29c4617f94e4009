// A search snippet read back into pieces of plain text: the API escapes the entry's text and
// marks matched words with <b>…</b>; nothing else in it is markup.
const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

function decodeEntities(text: string) {
  return text.replace(/&(amp|lt|gt|quot);/g, (entity) => entities[entity] ?? entity);
}

export interface SnippetPiece {
  /** Where the piece starts in the snippet: pieces never move while shown. */
  key: string;
  marked: boolean;
  text: string;
}

export function snippetPieces(snippet: string): SnippetPiece[] {
  let offset = 0;
  return snippet
    .split(/(<b>.*?<\/b>)/g)
    .filter(Boolean)
    .map((part) => {
      const marked = /^<b>(.*)<\/b>$/.exec(part);
      const piece = {
        key: String(offset),
        marked: Boolean(marked),
        text: decodeEntities(marked ? (marked[1] ?? '') : part),
      };
      offset += part.length;
      return piece;
    });
}
