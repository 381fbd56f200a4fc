/**
 * CSV as RFC 4180 writes it and as spreadsheets save it: quoted fields with embedded delimiters,
 * line breaks and doubled quotes; CRLF, LF or CR line ends; a comma, semicolon (Excel in
 * Vietnamese locales, where the comma is the decimal mark) or tab delimiter, detected from the
 * header. Small enough to keep here rather than add a dependency.
 */

/** One record of a CSV file: its fields and the physical line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

/** A syntax error: the line it was found on and what is wrong. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter of the first record: whichever of comma, semicolon and tab occurs most often
 * outside quotes on it. A header with a single column has none of them and gets a comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter))
      counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Splits CSV text into records. Line breaks inside quoted fields are kept (as '\n'); empty
 * lines between records are skipped. Throws CsvSyntaxError for a quote that is never closed or
 * text right after a closing quote ('"abc"def'), naming the line.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  const DELIM = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  let i = 0;
  let line = 1;
  // Fields are cut out with slice() rather than built a character at a time: a 20 MB file
  // would otherwise make millions of short-lived strings.
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === CR || first === LF) {
      // An empty line between records.
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            throw new CsvSyntaxError(
              openedOn,
              'a quoted field is never closed: a " opens it but no matching " ends it. Look for a stray quote in this row.',
            );
          }
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        if (value.includes('\r') || value.includes('\n')) {
          line += (value.match(/\r\n|\r|\n/gu) ?? []).length;
          value = value.replace(/\r\n?/gu, '\n');
        }
        fields.push(value);
        const next = text.charCodeAt(i);
        if (i < n && next !== DELIM && next !== CR && next !== LF) {
          throw new CsvSyntaxError(
            line,
            `text follows a closing quote (…"${text[i]}); a field that starts with a quote must end with one, and quotes inside it are written twice ("").`,
          );
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === DELIM || c === CR || c === LF) break;
          j++;
        }
        // A stray quote inside unquoted text is kept as it is, as spreadsheets read it.
        fields.push(text.slice(i, j));
        i = j;
      }
      const c = text.charCodeAt(i);
      if (c === DELIM) {
        i++;
        continue;
      }
      if (c === CR || c === LF) {
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      }
      break;
    }
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** Writing CSV is shared with the site's open-data downloads, so it lives in the domain package. */
export { csvField, toCsv } from '@ocop/domain';
