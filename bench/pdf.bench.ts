// PDF and HTML export time for a 10-page Markdown deliverable with a letterhead (median of runs).
import { exportFile } from '../src/export/deliverable-export.ts';
import { bannerPng } from '../test/support/pdf-pages.ts';

const sections = Array.from({ length: 24 }, (_, index) =>
  [
    `## Section ${index + 1}`,
    'Some **bold** and *italic* text with a [link](https://example.com). '.repeat(4),
    '- one\n- two\n- three',
    '| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |',
  ].join('\n\n'),
);
const markdown = Buffer.from(`# Benchmark report\n\n${sections.join('\n\n')}`);
const profile = {
  settings: {
    accentColor: '#1f4e79',
    bodyFont: 'Times' as const,
    headingFont: 'Helvetica' as const,
    contactBlock: 'Acme\nhello@acme.test',
    footerText: 'Confidential',
  },
  letterhead: { contentType: 'image/png' as const, bytes: bannerPng(1600, 200, [20, 120, 200]) },
};
const source = { name: 'report.md', contentType: 'text/markdown', content: markdown };

async function median(format: 'pdf' | 'html', runs: number) {
  const times: number[] = [];
  let size = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const file = await exportFile(source, format, profile);
    times.push(performance.now() - started);
    size = file.content.byteLength;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]?.toFixed(1), bytes: size };
}

await median('pdf', 2);
console.log('pdf export (10-page Markdown, letterhead):', await median('pdf', 9));
console.log('html export (same document):', await median('html', 9));
