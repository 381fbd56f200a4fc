import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, detectDelimiter, parseCsv, toCsv } from './csv.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain and quoted fields, with embedded commas, doubled quotes and line breaks', () => {
    const text = 'slug,description\r\na,"Nước mắm, 40° đạm"\r\nb,"Say ""xin chào""\r\nthen ""tạm biệt"""\r\nc,\r\n';
    expect(fields(text)).toEqual([
      ['slug', 'description'],
      ['a', 'Nước mắm, 40° đạm'],
      ['b', 'Say "xin chào"\nthen "tạm biệt"'],
      ['c', ''],
    ]);
  });

  it('numbers each record by the physical line it starts on, across quoted line breaks', () => {
    const records = parseCsv('h1,h2\n"x\ny\nz",1\n\nlast,2');
    expect(records.map((r) => r.line)).toEqual([1, 2, 6]);
  });

  it('accepts LF, CRLF and lone CR line ends, and a missing final line end', () => {
    expect(fields('a,b\nc,d')).toEqual(fields('a,b\r\nc,d\r\n'));
    expect(fields('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty fields, including a trailing one, and skips empty lines', () => {
    expect(fields(',a,,\n\n\nb,,c,')).toEqual([
      ['', 'a', '', ''],
      ['b', '', 'c', ''],
    ]);
  });

  it('keeps a stray quote inside unquoted text, as spreadsheets do', () => {
    expect(fields('Kích thước 5" x 7",ok')).toEqual([['Kích thước 5" x 7"', 'ok']]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"never closed\n4,5')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,2\n3,"never closed\n4,5');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
      expect((error as Error).message).toMatch(/never closed/);
    }
  });

  it('refuses text right after a closing quote', () => {
    expect(() => parseCsv('a\n"abc"def')).toThrow(/follows a closing quote/);
  });

  it('detects semicolon and tab delimiters from the header (Excel in Vietnamese locales uses ";")', () => {
    expect(detectDelimiter('Tên sản phẩm;Nhóm;"a,b"\nx;y;z')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('only')).toBe(',');
    expect(fields('Điểm A;Điểm B\n"33,5";20')).toEqual([
      ['Điểm A', 'Điểm B'],
      ['33,5', '20'],
    ]);
  });
});

describe('toCsv', () => {
  it('quotes only what needs it and writes a UTF-8 BOM and CRLF line ends (RFC 4180, Excel)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(toCsv(['a', 'b'], [['1', 'x\ny']])).toBe('\uFEFFa,b\r\n1,"x\r\ny"\r\n');
  });

  it('round-trips any text through parseCsv', () => {
    const samples = ['', 'Nước mắm', 'a,b', '"', '""x""', 'line\nbreak', ' lead', 'trail ', 'é\u0301', ';', '\t'];
    const rows = samples.map((s, i) => [String(i), s, `${s}|${s}`]);
    const parsed = parseCsv(toCsv(['n', 'value', 'twice'], rows).slice(1)).map((r) => r.fields);
    expect(parsed).toEqual([['n', 'value', 'twice'], ...rows]);
  });
});
