import type { SqlEntityManager } from '@mikro-orm/knex';
import { todayInVietnam } from '@ocop/domain';
import type { CatalogVersion } from '../../cache/catalog-version.js';
import { safeError } from '../../db/faults.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../logger.js';
import { searchIndex, searchIndexLastAsked } from './search.reader.js';

/** How long the catalog must stay unchanged before the index is built again (an import moves it many times). */
const QUIET_MS = 2000;
/** An index asked for within this time before a write is built again after it; one nobody uses is not. */
const IN_USE_MS = 15 * 60_000;

/**
 * Builds the search index again before a buyer's search needs it, once the catalog has stayed
 * unchanged for `quietMs` after a write (every write empties it), if searches used it within
 * `inUseMs`. Otherwise the first search after each change waits for the whole build: about a
 * second at 20,000 products, four at 100,000. The build reads in batches and lets other requests
 * through every few milliseconds (search.reader.ts), but it is a second of work on the thread
 * that answers every request: it is not done for a catalog nobody searches, nor at start.
 * Returns a function that stops it.
 */
export function keepSearchIndexWarm(deps: {
  orm: Orm;
  version: CatalogVersion;
  logger: Logger;
  now: () => Date;
  quietMs?: number;
  inUseMs?: number;
}): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const build = () => {
    timer = undefined;
    if (stopped || Date.now() - searchIndexLastAsked() > (deps.inUseMs ?? IN_USE_MS)) return;
    searchIndex(deps.orm.em.fork() as SqlEntityManager, todayInVietnam(deps.now())).catch((error: unknown) => {
      if (stopped) return;
      deps.logger.warn({ err: safeError(error) }, 'could not build the search index ahead; the next search will');
    });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(build, deps.quietMs ?? QUIET_MS);
    timer.unref();
  };
  const stopFollowing = deps.version.onChange(schedule);
  return () => {
    stopped = true;
    clearTimeout(timer);
    stopFollowing();
  };
}
