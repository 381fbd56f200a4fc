import { describe, expect, it } from 'vitest';
import { decodeUtf8, EncodingError } from './decode.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (s: string) => new TextEncoder().encode(s);

function failure(input: Uint8Array): EncodingError {
  try {
    decodeUtf8(input);
  } catch (error) {
    if (error instanceof EncodingError) return error;
    throw error;
  }
  throw new Error('decodeUtf8 accepted the input');
}

describe('decodeUtf8', () => {
  it('returns UTF-8 text without its byte order mark', () => {
    expect(decodeUtf8(utf8('\uFEFFTên sản phẩm\nNước mắm'))).toBe('Tên sản phẩm\nNước mắm');
    expect(decodeUtf8(utf8('plain'))).toBe('plain');
  });

  it('refuses UTF-16 (Excel "Unicode Text") and says how to save UTF-8', () => {
    expect(failure(bytes(0xff, 0xfe, 0x54, 0x00)).message).toMatch(/UTF-16.*CSV UTF-8/);
    expect(failure(bytes(0xfe, 0xff, 0x00, 0x54)).message).toMatch(/UTF-16/);
    expect(failure(bytes(0x54, 0x00, 0x65, 0x00)).message).toMatch(/NUL bytes/);
  });

  it('refuses a legacy Vietnamese encoding, naming the line and the byte', () => {
    // "Tên" in Windows-1258 is 54 EA 6E; the first line is fine.
    const error = failure(Uint8Array.from([...utf8('slug,name\nok,fine\nx,'), 0x54, 0xea, 0x6e, 0x0a]));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/byte 0xEA is not UTF-8/);
    expect(error.message).toMatch(/Windows-1258/);
  });

  it('refuses overlong and surrogate encodings, which are not valid UTF-8 either', () => {
    expect(failure(bytes(0xc0, 0xaf)).message).toMatch(/not UTF-8/);
    expect(failure(bytes(0xed, 0xa0, 0x80)).message).toMatch(/not UTF-8/);
    expect(failure(bytes(0xe1, 0xba)).message).toMatch(/not UTF-8/);
  });

  it('recognises an Excel workbook saved with a .csv name', () => {
    expect(failure(bytes(0x50, 0x4b, 0x03, 0x04, 0x14)).message).toMatch(/Excel workbook/);
  });
});
