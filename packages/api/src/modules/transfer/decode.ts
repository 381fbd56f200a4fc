/**
 * Turns a file's bytes into text, accepting UTF-8 only (with or without a byte order mark).
 * Spreadsheets also save UTF-16, legacy Vietnamese code pages (Windows-1258, TCVN3/ABC, VNI) or
 * a workbook renamed .csv; each is refused with a message that says how to save the file again,
 * because guessing a legacy encoding would store wrong diacritics without anyone noticing.
 */

/** Why the bytes are not UTF-8 text, and where. */
export class EncodingError extends Error {
  constructor(
    /** The 1-based line of the first bad byte, when one can be named. */
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'EncodingError';
  }
}

const SAVE_AS_UTF8 =
  'In Excel use "Save As" → "CSV UTF-8 (Comma delimited)"; in LibreOffice tick "Edit filter settings" and pick "Unicode (UTF-8)".';

/** The line (1-based) of byte `offset`, counting LF and lone CR line ends. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/**
 * The text of a UTF-8 file, without its byte order mark. Throws EncodingError for a workbook
 * (.xlsx/.xls), UTF-16 or UTF-32 text, NUL bytes, or the first byte that is not UTF-8, naming
 * its line, the byte, and how to save the file as UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const startsWith = (...sig: number[]) => sig.every((b, k) => bytes[k] === b);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new EncodingError(
      undefined,
      `this is an Excel workbook, not a CSV file. Open it in Excel and save it as CSV: ${SAVE_AS_UTF8}`,
    );
  }
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff)) {
    const which = startsWith(0xff, 0xfe, 0x00, 0x00) ? 'UTF-32' : 'UTF-16';
    throw new EncodingError(
      undefined,
      `the file is saved as ${which} ("Unicode Text"), but imports must be UTF-8. ${SAVE_AS_UTF8}`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new EncodingError(
      lineOfByte(bytes, nul),
      `the file holds NUL bytes, so it is not UTF-8 text (UTF-16 without a byte order mark, or not a text file at all). ${SAVE_AS_UTF8}`,
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const byte = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
    throw new EncodingError(
      lineOfByte(bytes, bad),
      `byte 0x${byte} is not UTF-8: the file seems saved in a legacy encoding (Windows-1258, TCVN3 or VNI), which would garble Vietnamese letters. ${SAVE_AS_UTF8}`,
    );
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
