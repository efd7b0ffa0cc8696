// Text that enters the model (the outline, CSV files) must decode as UTF-8 and hold only characters that
// XML 1.0 can carry and a slide can show. Both checks say where the first bad byte or character is, as a
// line and column of the file, so that a user can find it.

/** A position in a text file: 1-based line, and column counted in characters as the editor shows them. */
export interface TextPosition {
  line: number;
  col: number;
}

export type Decoded = { text: string } | { offset: number; at: TextPosition; message: string; hint: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 strictly: a byte sequence that is not UTF-8 is reported, never turned into U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    // fall through: find and describe the first bad byte
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { offset: 0, at: { line: 1, col: 1 }, message: 'the file is saved as UTF-16, not UTF-8', hint: 'save it with the encoding UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding")' };
  }
  const offset = firstInvalidUtf8(bytes);
  const byte = bytes[offset]!;
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const col = strict.decode(bytes.subarray(lineStart, offset)).length + 1;
  // A lone byte from 0x80 up is most often Latin-1 or Windows-1252 text: show what it would have been.
  const guess = byte >= 0x80 ? new TextDecoder('windows-1252').decode(Uint8Array.of(byte)) : '';
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    offset,
    at: { line, col },
    message: `byte ${hex} is not UTF-8${guess && /\p{L}|\p{S}|\p{P}/u.test(guess) ? ` (in Windows-1252 or Latin-1 it would be \`${guess}\`)` : ''}`,
    hint: 'save the file with the encoding UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding"), then check the accented letters',
  };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const cont = (j: number, lo = 0x80, hi = 0xbf): boolean => j < b.length && b[j]! >= lo && b[j]! <= hi;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    if (c < 0x80) n = 1;
    else if (c >= 0xc2 && c <= 0xdf) n = cont(i + 1) ? 2 : 0;
    else if (c === 0xe0) n = cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
    else if (c === 0xed) n = cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0; // not a surrogate
    else if (c >= 0xe1 && c <= 0xef) n = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (c === 0xf0) n = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (c >= 0xf1 && c <= 0xf3) n = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (c === 0xf4) n = cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else n = 0;
    if (n === 0) return i;
    i += n;
  }
  return b.length;
}

/**
 * Characters that may not reach a slide: those XML 1.0 forbids (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF; surrogates that are not part of a pair, which only escapes such as
 * "\ud800" can make) and invisible controls XML tolerates but no slide should hold (DEL, C1 controls,
 * usually left by text decoded with the wrong encoding).
 */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface IllegalCharacter {
  /** Index in the text (UTF-16 units). */
  index: number;
  /** `U+FFFE`, `U+0007`, `U+D800` */
  code: string;
  /** What the character is, for the message. */
  what: string;
}

export function firstIllegalCharacter(text: string): IllegalCharacter | undefined {
  const m = ILLEGAL.exec(text);
  if (!m) return undefined;
  const unit = m[0].charCodeAt(0);
  const code = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  const what =
    unit >= 0xd800 && unit <= 0xdfff
      ? `half of a surrogate pair (${code}), which is not a character`
      : unit === 0xfffe || unit === 0xffff
        ? `the non-character ${code}`
        : unit === 0
          ? 'a NUL character (U+0000)'
          : `the invisible control character ${code}`;
  return { index: m.index, code, what };
}

/** Line and column (1-based) of a UTF-16 index in `text`. */
export function positionOf(text: string, index: number): TextPosition {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: index - start + 1 };
}

export const ILLEGAL_CHARACTER_HINT = 'delete it or type it again (it often comes from copying out of a PDF or a spreadsheet, or from a file saved in another encoding)';
