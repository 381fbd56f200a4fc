import { compareIsoDates, type IsoDate } from '@ocop/domain';
import type { Problem, SourceRow, SourceTable } from './import.sources.js';
import { foldKey, LENGTH, type Parsed, parseDate } from './values.js';

/** Reading the rows of an import: one row's cells and problems, and the indexes rows are matched by. */

/** Longest value per kind of cell: the domain's field rules (see values.ts). */
export { LENGTH };

/** One row being checked: reads its cells and records its problems. */
export class RowCheck {
  bad = false;

  constructor(
    private readonly row: SourceRow,
    private readonly table: SourceTable,
    private readonly problems: Problem[],
  ) {}

  get where(): string {
    return this.row.where;
  }

  /** The file the row is in, as named on the command line. */
  get file(): string {
    return this.table.file;
  }

  /** Where the row is within its file: "line 12" in a CSV file, its path in a JSON document. */
  get place(): string {
    return this.row.line > 0 ? `line ${this.row.line}` : this.row.where;
  }

  has(key: string): boolean {
    return this.row.values.has(key);
  }

  text(key: string): string {
    return this.row.values.get(key) ?? '';
  }

  problem(key: string | undefined, message: string): void {
    this.bad = true;
    this.problems.push({
      where: this.row.where,
      ...(key ? { column: this.table.headerOf.get(key) ?? key } : {}),
      message,
    });
  }

  /** The cell, or undefined (with a problem) when it is empty or too long. */
  required(key: string, why: string, maxLength?: number): string | undefined {
    const value = this.text(key);
    if (value === '') {
      this.problem(key, `empty, but ${why}.`);
      return undefined;
    }
    return this.checkLength(key, value, maxLength);
  }

  /** The cell, or null when empty; undefined (with a problem) when too long. */
  optional(key: string, maxLength?: number): string | null | undefined {
    const value = this.text(key);
    if (value === '') return null;
    return this.checkLength(key, value, maxLength);
  }

  private checkLength(key: string, value: string, maxLength?: number): string | undefined {
    if (maxLength !== undefined && value.length > maxLength) {
      this.problem(key, `${value.length} characters long; at most ${maxLength} fit. Shorten it.`);
      return undefined;
    }
    return value;
  }

  /** A parsed cell; undefined when empty (a problem too if `required`) or invalid. */
  parse<T>(key: string, parser: (text: string) => Parsed<T>, required?: string): T | undefined {
    const value = this.text(key);
    if (value === '') {
      if (required) this.problem(key, `empty, but ${required}.`);
      return undefined;
    }
    const parsed = parser(value);
    if (!parsed.ok) {
      this.problem(key, `${parsed.message}.`);
      return undefined;
    }
    return parsed.value;
  }
}

/** A many-valued index: folded name → nodes. */
export class NameIndex<N> {
  private readonly map = new Map<string, N[]>();

  add(name: string, node: N): void {
    const key = foldKey(name);
    if (key === '') return;
    const list = this.map.get(key);
    if (!list) this.map.set(key, [node]);
    else if (!list.includes(node)) list.push(node);
  }

  get(name: string): N[] {
    return this.map.get(foldKey(name)) ?? [];
  }
}

/** Adds `value` to the list kept under `key`. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function quote(text: string): string {
  return `"${text}"`;
}

/** A date that must not be later than today. */
export function pastDate(check: RowCheck, today: IsoDate, key: string, required?: string): IsoDate | undefined {
  const d = check.parse(key, parseDate, required);
  if (d && compareIsoDates(d, today) > 0) {
    check.problem(key, `${d} is in the future (today is ${today}); record what has happened.`);
    return undefined;
  }
  return d;
}
