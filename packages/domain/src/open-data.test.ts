import { describe, expect, it } from 'vitest';
import { csvField, OPEN_DATA_COLUMNS, OPEN_DATA_KINDS, toCsv } from './open-data.js';

describe('open-data CSV', () => {
  it('quotes only what must be quoted', () => {
    expect(csvField('Nước mắm')).toBe('Nước mắm');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('writes a BOM, CRLF line ends and line breaks inside fields as CRLF', () => {
    expect(toCsv(['slug', 'story_vi'], [['x', 'dòng 1\ndòng 2']])).toBe(
      '\uFEFFslug,story_vi\r\nx,"dòng 1\r\ndòng 2"\r\n',
    );
  });

  it('has columns for every kind, each starting with its natural key', () => {
    expect(OPEN_DATA_KINDS.map((k) => OPEN_DATA_COLUMNS[k][0])).toEqual(['code', 'slug', 'slug', 'number']);
  });
});
