import type { SqlEntityManager } from '@mikro-orm/knex';
import { type IsoDate, todayInVietnam } from '@ocop/domain';
import { safeError } from '../../db/faults.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../logger.js';
import { FeedReader } from './feed.reader.js';
import { catchUp, FEED_LOCK, syncPublicState } from './feed.service.js';
import { dialectOf } from '../product/product.query.js';

/**
 * Keeps the change feed true without anyone writing: at start it compares the whole public
 * state with what is published today (catching up a day turn missed while everything was
 * stopped, and any write made behind the API's back), and each second it checks whether the
 * day has turned in Vietnam; when it has, certificates that end or begin that day produce their
 * WITHDRAWN and PUBLISHED entries, and changes older than the retention period are forgotten.
 * Several API processes may run this at once: the work is done by whichever takes the feed's
 * lock first, and the others find nothing left to do.
 */
export function keepFeed(options: { orm: Orm; now: () => Date; logger: Logger; intervalMs?: number }): {
  ready: Promise<void>;
  stop(): void;
} {
  const { orm, now, logger } = options;
  let day: IsoDate | undefined;
  let running: Promise<void> | undefined;
  let failures = 0;

  const pass = async (full: boolean) => {
    const at = now();
    const today = todayInVietnam(at);
    const em = orm.em.fork() as SqlEntityManager;
    const result = full
      ? await em.transactional(async (tx) => {
          const t = tx as SqlEntityManager;
          if (dialectOf(t) === 'postgresql') await t.execute('select pg_advisory_xact_lock(?)', [FEED_LOCK]);
          return syncPublicState(t, today, { all: true }, at);
        })
      : await catchUp(em, today, at);
    if (day !== undefined && day !== today) await new FeedReader(orm.em.fork() as SqlEntityManager).prune(at);
    day = today;
    failures = 0;
    if (result && result.entries > 0) logger.info({ today, entries: result.entries }, 'change feed brought up to date');
  };

  const tick = () => {
    if (running) return;
    if (day !== undefined && todayInVietnam(now()) === day && failures === 0) return;
    running = pass(false)
      .catch((error) => {
        failures++;
        logger.warn({ err: safeError(error), failures }, 'could not bring the change feed up to date; will retry');
      })
      .finally(() => {
        running = undefined;
      });
  };

  const ready = pass(true);
  const timer = setInterval(tick, options.intervalMs ?? 1000);
  timer.unref();
  return {
    ready,
    stop: () => clearInterval(timer),
  };
}
