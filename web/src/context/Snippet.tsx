// A search snippet with its matched words marked. Its pieces become text and <mark> elements,
// never HTML, so markup stored in an entry stays text whatever the server sends.
import { snippetPieces } from './snippet-pieces.ts';

export function Snippet({ html }: { html: string }) {
  return (
    <>
      {snippetPieces(html).map((piece) =>
        piece.marked ? <mark key={piece.key}>{piece.text}</mark> : <span key={piece.key}>{piece.text}</span>,
      )}
    </>
  );
}
