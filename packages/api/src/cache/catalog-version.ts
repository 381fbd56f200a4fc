import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';

/** Set while a write that no cached read depends on runs (CatalogVersion.unchangedBy). */
const bookkeeping = new AsyncLocalStorage<true>();

/**
 * The catalog's version in this process: it moves whenever the catalog may have changed, and
 * every cache of the process is emptied when it does (cache/catalog-cache.ts). It moves on
 * - a write through this process's ORM (a mutation, an import, the day-turn pass), at flush and
 *   again at commit;
 * - a write by another process, as the change feed reports it (cache/feed-listener.ts): on
 *   PostgreSQL a NOTIFY sent inside the writing transaction, on SQLite the catalog_generation counter.
 * This is the one freshness rule: nothing read from the database is reused once it moved.
 *
 * Writes that no cached read depends on do not move it: a buyer's quote request and what tokens
 * used run inside unchangedBy; the webhook dispatcher's writes are plain statements outside any
 * ORM transaction. Each emptied every cache, and a cold search over a national catalog rebuilds
 * its index for seconds. On SQLite the tables of such writes have no trigger on
 * catalog_generation (migrations), so other processes do not see them either.
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

  /**
   * Runs `fn`, whose writes change nothing that any cache holds (no catalog table: a quote
   * request, token usage): the version does not move for its flushes and commits.
   * Other writes meanwhile still move it.
   */
  unchangedBy<T>(fn: () => Promise<T>): Promise<T> {
    return bookkeeping.run(true, fn);
  }

  afterFlush(args: FlushEventArgs): void {
    if (bookkeeping.getStore()) return;
    if (args.uow.getChangeSets().length > 0) this.bump();
  }

  /**
   * A flush inside a transaction happens before the commit: a reader in between could cache
   * the old data under the new version. Moving again at commit drops anything cached meanwhile.
   * Native inserts (imports) and the feed's own SQL do not flush changesets; the commit moves it.
   */
  afterTransactionCommit(): void {
    if (bookkeeping.getStore()) return;
    this.bump();
  }
}

/** One per process: every ORM of the process reports its writes here. */
export const catalogVersion = new CatalogVersion();
