import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';

/**
 * The catalog's version in this process: it moves whenever the catalog may have changed, and
 * every cache of the process is emptied when it does (cache/catalog-cache.ts). It moves on
 * - a write through this process's ORM (a mutation, an import, the day-turn pass), at flush and
 *   again at commit;
 * - a write by another process, as the change feed reports it (cache/feed-listener.ts): on
 *   PostgreSQL a NOTIFY sent inside the writing transaction, on SQLite `pragma data_version`.
 * This is the one freshness rule: nothing read from the database is reused once it moved.
 */
export class CatalogVersion implements EventSubscriber {
  private value = 0;
  private readonly listeners = new Set<() => void>();

  get current(): number {
    return this.value;
  }

  bump(): void {
    this.value++;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` each time the version moves; returns a function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  afterFlush(args: FlushEventArgs): void {
    if (args.uow.getChangeSets().length > 0) this.bump();
  }

  /**
   * A flush inside a transaction happens before the commit: a reader in between could cache
   * the old data under the new version. Moving again at commit drops anything cached meanwhile.
   * Native inserts (imports) and the feed's own SQL do not flush changesets; the commit moves it.
   */
  afterTransactionCommit(): void {
    this.bump();
  }
}

/** One per process: every ORM of the process reports its writes here. */
export const catalogVersion = new CatalogVersion();
