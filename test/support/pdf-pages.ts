// Reads a PDF the way a person would see it, with Debian's poppler-utils: its text (pdftotext),
// its page count, and its pages as pixels (pdftoppm's PPM output, a header and raw RGB bytes).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { solidPng } from './tiny-files.ts';

function withFile<T>(pdf: Uint8Array, work: (file: string, directory: string) => T): T {
  const directory = mkdtempSync(path.join(tmpdir(), 'orca-pdf-'));
  try {
    const file = path.join(directory, 'document.pdf');
    writeFileSync(file, pdf);
    return work(file, directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

export function pdfPageCount(pdf: Uint8Array): number {
  const text = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/^Pages:\s+(\d+)/m.exec(text)?.[1] ?? 0);
}

export interface Raster {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

/** The first page at 50 dots an inch. */
export function firstPageRaster(pdf: Uint8Array): Raster {
  const bytes = withFile(pdf, (file, directory) => {
    execFileSync('pdftoppm', [
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(directory, 'page'),
    ]);
    return readFileSync(path.join(directory, 'page.ppm'));
  });
  // "P6\n<width> <height>\n255\n" then width × height RGB triples.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return {
    width,
    height,
    pixel: (x, y) => {
      const at = offset + (y * width + x) * 3;
      return [bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0];
    },
  };
}

/** How many pixels in the rows from `top` to `bottom` are within `tolerance` of the colour. */
export function countColour(
  raster: Raster,
  colour: [number, number, number],
  top: number,
  bottom: number,
  tolerance = 40,
) {
  let count = 0;
  for (let y = top; y < Math.min(bottom, raster.height); y++) {
    for (let x = 0; x < raster.width; x++) {
      const [red, green, blue] = raster.pixel(x, y);
      if (Math.abs(red - colour[0]) + Math.abs(green - colour[1]) + Math.abs(blue - colour[2]) <= tolerance)
        count++;
    }
  }
  return count;
}

/** A PNG banner of one colour, as a letterhead. */
export function bannerPng(
  width: number,
  height: number,
  colour: [number, number, number],
): Uint8Array<ArrayBuffer> {
  return solidPng(width, height, colour);
}
