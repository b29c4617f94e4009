// A search snippet: the API escapes the entry's text and marks matched words with <b>…</b>.
// It is read back into text and <mark> elements here, never set as HTML, so markup stored in an
// entry stays text whatever the server sends.
const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

function decodeEntities(text: string) {
  return text.replace(/&(amp|lt|gt|quot);/g, (entity) => entities[entity] ?? entity);
}

/** The snippet's pieces, each keyed by where it starts (pieces never move while shown). */
function pieces(html: string) {
  let offset = 0;
  return html
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

export function Snippet({ html }: { html: string }) {
  return (
    <>
      {pieces(html).map((piece) =>
        piece.marked ? <mark key={piece.key}>{piece.text}</mark> : <span key={piece.key}>{piece.text}</span>,
      )}
    </>
  );
}
