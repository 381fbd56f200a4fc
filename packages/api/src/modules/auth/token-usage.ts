import { type IsoDate, todayInVietnam } from '@ocop/domain';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { catalogVersion } from '../../cache/catalog-version.js';
import { safeError } from '../../db/faults.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../logger.js';

/** How often what tokens used is written, at most. */
const FLUSH_INTERVAL_MS = 60_000;

interface Tally {
  tokenId: number;
  day: IsoDate;
  requests: number;
  units: number;
  lastUsedAt: Date;
}

/**
 * What each token used, recorded off the request's path: authentication only reads, so a request
 * with a token never waits for (or fails on) a write while another process holds the database.
 * Requests and allowance units per token and day (Vietnam's calendar) are kept in memory and
 * added to api_token_usage once a minute and when the server stops, with each token's last use;
 * a failed write is logged and retried at the next flush.
 */
export class TokenUsage {
  private pending = new Map<string, Tally>();
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

  private tally(tokenId: number, at: Date): Tally {
    const day = todayInVietnam(at);
    const key = `${tokenId}|${day}`;
    let tally = this.pending.get(key);
    if (!tally) {
      tally = { tokenId, day, requests: 0, units: 0, lastUsedAt: at };
      this.pending.set(key, tally);
    }
    if (at > tally.lastUsedAt) tally.lastUsedAt = at;
    return tally;
  }

  /** One request with the token, at `at`. */
  used(tokenId: number, at: Date): void {
    const tally = this.tally(tokenId, at);
    tally.requests++;
    tally.units++;
  }

  /** Allowance units a request of the token cost beyond its first (its query's cost). */
  charged(tokenId: number, at: Date, units: number): void {
    this.tally(tokenId, at).units += units;
  }

  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pending.size === 0) return Promise.resolve();
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = (async () => {
      try {
        const em = this.orm.em.fork() as SqlEntityManager;
        // No cached read depends on what tokens used: the catalog's caches stay as they are.
        await catalogVersion.unchangedBy(() =>
          em.transactional(async (tx) => {
            const t = tx as SqlEntityManager;
            for (const u of batch) {
              await t.execute(
                `insert into api_token_usage (token_id, day, requests, units) values (?, ?, ?, ?)
               on conflict (token_id, day) do update set requests = api_token_usage.requests + excluded.requests,
               units = api_token_usage.units + excluded.units`,
                [u.tokenId, u.day, u.requests, u.units],
              );
              await t.execute(
                'update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)',
                [u.lastUsedAt, u.tokenId, u.lastUsedAt],
              );
            }
          }),
        );
      } catch (error) {
        for (const u of batch) {
          const tally = this.tally(u.tokenId, u.lastUsedAt);
          tally.requests += u.requests;
          tally.units += u.units;
        }
        this.logger.warn({ err: safeError(error) }, 'could not record what tokens used; will retry');
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
