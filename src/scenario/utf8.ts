// Where a byte buffer stops being UTF-8: files are read as bytes and refused, with a place, rather than decoded with
// replacement characters that would turn into baffling messages ("unknown site dc\ufffd") further on.

import { isUtf8 } from "node:buffer";

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1 when the whole buffer is UTF-8. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  if (isUtf8(buf)) return -1;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // overlong three- and four-byte forms, surrogates, and code points past U+10FFFF
    const c1 = buf[i + 1]!;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) {
      return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in bytes) of an offset. */
export function lineAndColumn(buf: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}
