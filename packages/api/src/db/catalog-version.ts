import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';

/**
 * A counter that moves whenever this process writes anything through the ORM. Response caches
 * key their entries on it, so a mutation is visible to the very next request.
 */
export class CatalogVersion implements EventSubscriber {
  private value = 0;

  get current(): number {
    return this.value;
  }

  bump(): void {
    this.value++;
  }

  afterFlush(args: FlushEventArgs): void {
    if (args.uow.getChangeSets().length > 0) this.bump();
  }

  /**
   * A flush inside a transaction happens before the commit: a reader in between could cache
   * the old data under the new version. Moving again at commit drops anything cached meanwhile.
   */
  afterTransactionCommit(): void {
    this.bump();
  }
}

/**
 * How long anything read from the database is reused at most. Writes through this process move
 * the version at once; this bounds how long a write by another process (an `ocop import` while
 * the server runs, on PostgreSQL) can stay unseen: the minute the API's Cache-Control allows.
 */
export const CACHE_TTL_MS = 60_000;

/** One per process: every ORM of the process reports its writes here. */
export const catalogVersion = new CatalogVersion();
