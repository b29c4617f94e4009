// How each kind of file shows in its preview. Nothing from a file is ever run: HTML and SVG show
// as their source text, pictures and PDFs come from the content route served inline (sandboxed),
// everything else as text or as a download.
import type { ReactNode } from 'react';
import { parseCsv, wholeRows } from './csv.ts';
import type { ContentStart } from './file-content.ts';
import { previewBytes } from './file-content.ts';
import { sizeInWords } from './file-words.ts';

/** How many rows of a table a preview shows. */
export const shownRows = 500;

export function inlinePath(contentPath: string): string {
  return `${contentPath}?disposition=inline`;
}

export function CutNotice({ content, sizeBytes }: { content: ContentStart; sizeBytes: number }) {
  if (!content.cut) return null;
  return (
    <p className="notice">
      This file is {sizeInWords(sizeBytes)}: the preview shows its first {sizeInWords(previewBytes)}. Download
      it to see all of it.
    </p>
  );
}

/** A block of text that scrolls inside itself, reachable by keyboard. */
function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus.
    <section className="preview-box" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

export function TextPreview({ name, text }: { name: string; text: string }) {
  if (text.length === 0) return <p className="muted">This file is empty.</p>;
  return (
    <ScrollBox label={`Content of ${name}`}>
      <pre className="preview-text">{text}</pre>
    </ScrollBox>
  );
}

export function HtmlPreview({ name, text }: { name: string; text: string }) {
  return (
    <>
      <p className="notice">
        Shown as its source text: a web page saved by a run is never opened inside Orca, as it could run code.
        Download it to open it in a browser of its own.
      </p>
      <TextPreview name={name} text={text} />
    </>
  );
}

export function JsonPreview({ name, content }: { name: string; content: ContentStart }) {
  let pretty: string | undefined;
  if (!content.cut) {
    try {
      pretty = JSON.stringify(JSON.parse(content.text), null, 2);
    } catch {
      pretty = undefined;
    }
  }
  return (
    <>
      {pretty === undefined && !content.cut ? (
        <p className="notice">This file is not valid JSON: it is shown as it is.</p>
      ) : null}
      <TextPreview name={name} text={pretty ?? content.text} />
    </>
  );
}

export function CsvPreview({ name, content }: { name: string; content: ContentStart }) {
  const text = content.cut ? wholeRows(content.text) : content.text;
  const table = parseCsv(text, shownRows + 1);
  const [header, ...rows] = table.rows;
  if (!header) return <p className="muted">This table is empty.</p>;
  const totalRows = Math.max(0, table.totalRows - 1);
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, index) => header[index] || `Column ${index + 1}`);
  return (
    <>
      <p className="muted" data-testid="row-count">
        {rows.length < totalRows || content.cut
          ? `Showing ${rows.length.toLocaleString()} of ${totalRows.toLocaleString()}${content.cut ? '+' : ''} rows`
          : `${totalRows.toLocaleString()} ${totalRows === 1 ? 'row' : 'rows'}`}
        {table.delimiter === ';'
          ? ', separated by semicolons'
          : table.delimiter === '\t'
            ? ', separated by tabs'
            : ''}
        .
      </p>
      <ScrollBox label={`Table ${name}`}>
        <table className="preview-table">
          <caption className="visually-hidden">{name}</caption>
          <thead>
            <tr>
              {columns.map((column, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions; names may repeat.
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a file that never changes.
              <tr key={rowIndex}>
                {columns.map((_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in their row.
                  <td key={index}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}

export function ImagePreview({ name, contentPath }: { name: string; contentPath: string }) {
  return (
    <figure className="preview-image">
      <img src={inlinePath(contentPath)} alt={name} />
    </figure>
  );
}

export function PdfPreview({ name, contentPath }: { name: string; contentPath: string }) {
  return (
    <>
      <iframe className="preview-pdf" title={`PDF ${name}`} src={inlinePath(contentPath)} />
      <p className="muted">
        Nothing showing? Some browsers do not show PDFs inside a page: download it to open it.
      </p>
    </>
  );
}
