// The standard PDF fonts cover the WinAnsi character set (Western European text) and nothing
// more. Rather than embed a Unicode font (megabytes per export, and a font file to ship), text is
// brought into that set: accents that WinAnsi lacks are dropped (ő → o), common symbols get an
// ASCII stand-in (→ becomes ->), and anything else (CJK, emoji) becomes "?". The HTML export keeps
// every character; only the PDF is limited.

// WinAnsi (Windows-1252) as Unicode: Latin-1's printable range plus the characters 1252 puts in
// 0x80-0x9f.
const windows1252Extras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

function inWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || windows1252Extras.includes(character)
  );
}

const standIns: Record<string, string> = {
  '\t': '    ',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '≈': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '′': "'",
  '″': '"',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
  '★': '*',
  '☆': '*',
  '●': '•',
  '◦': '•',
  '▪': '•',
  '‣': '•',
  '\u2028': ' ',
  '\u2029': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  ſ: 's',
};

const invisible = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;

/** Text that the standard PDF fonts can draw, as close to the original as WinAnsi allows. */
export function standardFontText(text: string): string {
  let result = '';
  for (const character of text.replace(invisible, '')) {
    if (inWinAnsi(character)) {
      result += character;
      continue;
    }
    const standIn = standIns[character];
    if (standIn !== undefined) {
      result += standIn;
      continue;
    }
    const stripped = character.normalize('NFKD').replace(/\p{M}/gu, '');
    result += stripped !== '' && [...stripped].every(inWinAnsi) ? stripped : character < ' ' ? '' : '?';
  }
  return result;
}
