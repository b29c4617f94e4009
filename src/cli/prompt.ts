// Questions at the terminal: asked on standard error, so that standard output stays the command's
// answer (a script may be reading it). Without a terminal, the answer is standard input's first line.
import { Writable } from 'node:stream';

export const interactive = () => Boolean(process.stdin.isTTY);

async function firstLineOfInput(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0]?.trim() ?? '';
}

/** Reads one answer; a `secret` answer is not echoed. */
export async function ask(question: string, options: { secret?: boolean } = {}): Promise<string> {
  if (!interactive()) return firstLineOfInput();
  const { createInterface } = await import('node:readline/promises');
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({
    input: process.stdin,
    output: options.secret ? muted : process.stderr,
    terminal: true,
  });
  try {
    return (await lines.question('')).trim();
  } finally {
    lines.close();
    if (options.secret) process.stderr.write('\n');
  }
}
