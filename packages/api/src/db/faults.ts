/**
 * Telling a database fault from a bug. A database that is down, frozen or locked by another
 * process is not the client's fault and not a bug of ours: the request gets 503 with
 * Retry-After and a stable code, so clients and load balancers know to try again later.
 */

export type DatabaseFault = 'DATABASE_UNAVAILABLE' | 'DATABASE_BUSY';

/** How long a client should wait before retrying after each fault, in seconds. */
export const RETRY_AFTER_SECONDS: Record<DatabaseFault, number> = {
  DATABASE_UNAVAILABLE: 5,
  DATABASE_BUSY: 2,
};

export const FAULT_MESSAGES: Record<DatabaseFault, string> = {
  DATABASE_UNAVAILABLE:
    'The catalog database is not answering right now, so this request could not be served. Nothing was changed; try again in a few seconds.',
  DATABASE_BUSY:
    'The catalog database is busy with another change (such as an import), so this request could not be served in time. Nothing was changed; try again in a few seconds.',
};

/** Node's socket errors that mean the server is out of reach. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** PostgreSQL SQLSTATEs of an unavailable server: connection exceptions (08…), shutdown and restart (57P…), too many connections, a cancelled (timed-out) statement. */
function isUnavailableSqlState(state: string): boolean {
  return /^08/.test(state) || /^57P0[1-4]$/.test(state) || state === '53300' || state === '57014';
}

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Connection ended unexpectedly/i,
  /timeout exceeded when trying to connect/i,
  // pg's own connection timeout (connectionTimeoutMillis), when a new connection is opened to a
  // server that accepts it but never answers (frozen).
  /^timeout expired$/i,
  /Query read timeout/i,
  /Timeout acquiring a connection/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /canceling statement due to statement timeout/i,
  /Connection is closed/i,
];

/** The fault behind `error` (looking through wrapped causes), or undefined for anything else. */
export function databaseFault(error: unknown): DatabaseFault | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; sqlState?: unknown; message?: unknown; name?: unknown; cause?: unknown };
    const code = typeof e.code === 'string' ? e.code : '';
    const state = typeof e.sqlState === 'string' ? e.sqlState : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (
      /^SQLITE_(BUSY|LOCKED)/.test(code) ||
      e.name === 'LockWaitTimeoutException' ||
      /database is locked/i.test(message)
    )
      return 'DATABASE_BUSY';
    if (NETWORK_CODES.has(code) || isUnavailableSqlState(state) || isUnavailableSqlState(code))
      return 'DATABASE_UNAVAILABLE';
    if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException') return 'DATABASE_UNAVAILABLE';
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return 'DATABASE_UNAVAILABLE';
    current = e.cause ?? (e as { previous?: unknown }).previous;
  }
  return undefined;
}

/**
 * An error as it may be logged: its type, code and message with every quoted value, number and
 * key detail of the SQL replaced by '?'. Driver errors quote the statement with its values
 * (a producer's name, phone and e-mail in a failed insert); logs must hold none of them.
 */
export function safeError(error: unknown): { type: string; code?: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrub(error.message),
    stack: error.stack ? scrub(error.stack.split('\n').slice(1).join('\n')) : undefined,
  };
}

/** Removes values from a message: quoted strings, numbers in value lists, `(key)=(value)` details. */
export function scrub(text: string): string {
  return text
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/=\((?:[^()]|\([^()]*\))*\)/g, '=(?)')
    .replace(/\bvalues\s*\((?:[^()]|\([^()]*\))*\)/gi, 'values (?)')
    .slice(0, 2000);
}
