import type { Orm } from '../../db/orm.js';
import { safeError } from '../../db/faults.js';
import type { Logger } from '../../logger.js';
import { ApiToken } from './api-token.entity.js';

/** How often the last use of tokens is written, at most. */
const FLUSH_INTERVAL_MS = 60_000;

/**
 * When each token was last used, recorded off the request's path: authentication only reads,
 * so a request with a token never waits for (or fails on) a write while another process holds
 * the database. Uses are kept in memory and written once a minute and when the server stops;
 * a failed write is logged and retried at the next flush.
 */
export class TokenUsage {
  private readonly pending = new Map<number, Date>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly orm: Orm,
    private readonly logger: Logger,
    intervalMs = FLUSH_INTERVAL_MS,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  used(tokenId: number, at: Date): void {
    this.pending.set(tokenId, at);
  }

  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pending.size === 0) return Promise.resolve();
    const batch = new Map(this.pending);
    this.pending.clear();
    this.flushing = (async () => {
      try {
        const em = this.orm.em.fork();
        for (const [id, at] of batch) await em.nativeUpdate(ApiToken, { id }, { lastUsedAt: at });
      } catch (error) {
        for (const [id, at] of batch) if (!this.pending.has(id)) this.pending.set(id, at);
        this.logger.warn({ err: safeError(error) }, 'could not record when tokens were last used; will retry');
      } finally {
        this.flushing = undefined;
      }
    })();
    return this.flushing;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
