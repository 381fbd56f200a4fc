/**
 * Waiting in tests for something that happens in another process or on a timer, with a failure
 * that names what never came.
 */

/**
 * Asks `check` every `intervalMs` until it gives a value other than `undefined` or `false`, and
 * resolves with that value and the milliseconds it took; rejects after `timeoutMs` naming `what`.
 */
export async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves with the milliseconds `promise` took, or rejects after `ms` naming `what`. */
export async function within<T>(what: string, promise: Promise<T>, ms: number): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      promise,
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`${what}: not within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - started;
}
