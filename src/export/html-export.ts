// A branded, standalone HTML page of the document: one file that shows the same anywhere. Written
// from the export blocks only, every text escaped; the letterhead is embedded as a data URI and
// the page's own policy forbids loading anything else, so opening it fetches nothing.
import { cssFontStacks } from '../domain/export-profile.ts';
import type { BrandProfile } from './brand-profile.ts';
import type { Block, ExportDocument, Inline } from './document-blocks.ts';
import { checkExportable } from './document-limits.ts';
import { escapeHtml } from './escape-html.ts';

/** Only web and mail addresses become links; anything else (javascript:, data:) stays text. */
function safeHref(href: string): string | undefined {
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : undefined;
}

function inlineHtml(inline: Inline): string {
  let html = escapeHtml(inline.text).replace(/\n/g, '<br>');
  if (inline.code) html = `<code>${html}</code>`;
  if (inline.bold) html = `<strong>${html}</strong>`;
  if (inline.italic) html = `<em>${html}</em>`;
  return html;
}

function inlinesHtml(inlines: readonly Inline[]): string {
  let html = '';
  for (let index = 0; index < inlines.length; index++) {
    const inline = inlines[index] as Inline;
    const href = inline.href ? safeHref(inline.href) : undefined;
    if (!inline.href) {
      html += inlineHtml(inline);
      continue;
    }
    let inner = '';
    let end = index;
    while (end < inlines.length && inlines[end]?.href === inline.href) {
      inner += inlineHtml(inlines[end] as Inline);
      end++;
    }
    index = end - 1;
    html += href
      ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${inner}</a>`
      : `${inner} <span class="address">(${escapeHtml(inline.href)})</span>`;
  }
  return html;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inlinesHtml(block.inlines)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case 'list': {
      const items = block.items.map((item) => `<li>${item.map(blockHtml).join('\n')}</li>`).join('\n');
      return block.ordered
        ? `<ol${block.start !== 1 ? ` start="${block.start}"` : ''}>\n${items}\n</ol>`
        : `<ul>\n${items}\n</ul>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'table': {
      const head =
        block.header.length > 0
          ? `<thead><tr>${block.header.map((cell) => `<th>${inlinesHtml(cell)}</th>`).join('')}</tr></thead>`
          : '';
      const body = block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${inlinesHtml(cell)}</td>`).join('')}</tr>`)
        .join('\n');
      return `<table>${head}<tbody>\n${body}\n</tbody></table>`;
    }
    case 'quote':
      return `<blockquote>${block.blocks.map(blockHtml).join('\n')}</blockquote>`;
    case 'rule':
      return '<hr>';
  }
}

function stylesheet(profile: BrandProfile): string {
  const { accentColor, bodyFont, headingFont } = profile.settings;
  return `
:root { --accent: ${accentColor}; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1c1f24; font-family: ${cssFontStacks[bodyFont]}; font-size: 15px; line-height: 1.5; }
.sheet { max-width: 52rem; margin: 2rem auto; background: #fff; padding: 2.5rem 3rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.letterhead { border-bottom: 3px solid var(--accent); padding-bottom: .75rem; margin-bottom: 1.5rem; }
.letterhead img { display: block; max-width: 100%; max-height: 128px; }
.contact { font-style: normal; text-align: right; color: #6b7280; font-size: 12px; white-space: pre-line; margin-top: .5rem; }
h1, h2, h3, h4, h5, h6 { font-family: ${cssFontStacks[headingFont]}; color: var(--accent); line-height: 1.25; margin: 1.4em 0 .5em; }
h1 { font-size: 1.9em; border-bottom: 2px solid var(--accent); padding-bottom: .2em; }
h2 { font-size: 1.5em; border-bottom: 1px solid var(--accent); padding-bottom: .15em; }
h3 { font-size: 1.25em; }
hr { border: 0; border-top: 1px solid var(--accent); margin: 1.5em 0; }
a { color: var(--accent); }
.address { color: #6b7280; font-size: .85em; }
code { font-family: ${cssFontStacks.Courier}; font-size: .92em; }
pre { background: #f2f4f6; padding: .75em 1em; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #9ca3af; color: #374151; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: .92em; }
th { background: color-mix(in srgb, var(--accent) 14%, white); border-bottom: 2px solid var(--accent); text-align: left; }
th, td { padding: .35em .6em; vertical-align: top; }
td { border-bottom: 1px solid #d1d5db; }
.footer { border-top: 1px solid var(--accent); margin-top: 2rem; padding-top: .5rem; color: #6b7280; font-size: 12px; }
@media print {
  body { background: #fff; }
  .sheet { box-shadow: none; margin: 0; max-width: none; padding: 0; }
  @page { margin: 2cm; }
}`;
}

/** A branded standalone HTML page of the document. */
export function exportHtml(document: ExportDocument, profile: BrandProfile): string {
  checkExportable(document.blocks);
  const { contactBlock, footerText } = profile.settings;
  const image = profile.letterhead
    ? `<img src="data:${profile.letterhead.contentType};base64,${Buffer.from(profile.letterhead.bytes).toString('base64')}" alt="Letterhead">`
    : '';
  const contact = contactBlock.trim()
    ? `<address class="contact">${escapeHtml(contactBlock.trim())}</address>`
    : '';
  const header = image || contact ? `<header class="letterhead">${image}${contact}</header>` : '';
  const footer = footerText.trim() ? `<footer class="footer">${escapeHtml(footerText.trim())}</footer>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="generator" content="Orca">
<title>${escapeHtml(document.title)}</title>
<style>${stylesheet(profile)}
</style>
</head>
<body>
<div class="sheet">
${header}
<main>
${document.blocks.map(blockHtml).join('\n')}
</main>
${footer}
</div>
</body>
</html>
`;
}
