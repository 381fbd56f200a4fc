import { DomainError, ERROR_CODES } from '@ocop/domain';
import { decodeCursor, encodeCursor } from './relay.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Checks `first`/`last`: 1–100, default 20, with a message that says what to send instead. */
export function pageSize(value: number | null | undefined, argument: 'first' | 'last'): number {
  if (value === undefined || value === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw DomainError.argument(
      ERROR_CODES.PAGE_SIZE_TOO_LARGE,
      `\`${argument}: ${value}\` is out of range: pages hold 1 to ${MAX_PAGE_SIZE} items. Ask for at most ${MAX_PAGE_SIZE} and follow \`pageInfo.endCursor\` for more.`,
      argument,
    );
  }
  return value;
}

/** Relay arguments of a connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageWindow {
  offset: number;
  limit: number;
}

/**
 * Cursors are positions in one particular ordering, tagged with that ordering so a cursor from
 * a different sort cannot be replayed silently. Relay's `first/after` and `last/before` map to an
 * offset window over the total.
 */
export function pageWindow(args: PageArgs, ordering: string, total: number): PageWindow {
  if (args.first != null && args.last != null) {
    throw DomainError.argument(
      ERROR_CODES.VALIDATION_FAILED,
      'Pass either `first` (with `after`) or `last` (with `before`), not both.',
      'last',
    );
  }
  const position = (cursor: string, argument: 'after' | 'before') => {
    const [tag, index] = decodeCursor(cursor, argument, 2);
    if (tag !== ordering || typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
      throw DomainError.argument(
        ERROR_CODES.INVALID_CURSOR,
        `The cursor given as \`${argument}\` belongs to a different list or sort order. Pass a cursor from this same query unchanged, or leave \`${argument}\` out to start from the beginning.`,
        argument,
      );
    }
    return index;
  };
  const start = args.after ? position(args.after, 'after') + 1 : 0;
  const end = Math.max(start, Math.min(total, args.before ? position(args.before, 'before') : total));
  if (args.last != null) {
    const size = pageSize(args.last, 'last');
    const offset = Math.max(start, end - size);
    return { offset, limit: end - offset };
  }
  const size = pageSize(args.first, 'first');
  return { offset: start, limit: Math.min(size, end - start) };
}

export interface ConnectionShape<T> {
  edges: Promise<{ cursor: string; node: T }[]>;
  nodes: Promise<T[]>;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * One page of a list as a Relay connection. `read` fetches the page's items, once, and only if
 * the query asks for `nodes` or `edges`: a count or `pageInfo` alone needs the total and the
 * window, not the rows, so a partner counting products per district reads no product rows.
 * Positions in the ordering, and so the cursors and `hasNextPage`, come from the window.
 */
export function toConnection<T>(
  window: PageWindow,
  ordering: string,
  total: number,
  read: (window: PageWindow) => Promise<T[]>,
): ConnectionShape<T> {
  let page: Promise<T[]> | undefined;
  const items = () => (page ??= window.limit > 0 ? read(window) : Promise.resolve([]));
  const cursor = (i: number) => encodeCursor([ordering, window.offset + i]);
  return {
    get nodes() {
      return items();
    },
    get edges() {
      return items().then((list) => list.map((node, i) => ({ node, cursor: cursor(i) })));
    },
    totalCount: total,
    pageInfo: {
      hasNextPage: window.offset + window.limit < total,
      hasPreviousPage: window.offset > 0,
      startCursor: window.limit > 0 ? cursor(0) : null,
      endCursor: window.limit > 0 ? cursor(window.limit - 1) : null,
    },
  };
}
