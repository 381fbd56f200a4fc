import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { ChangeKind } from './feed.service.js';

/** How long changes are kept, and so how long a partner's cursor stays valid. */
export const FEED_RETENTION_DAYS = 90;

export interface ChangeRow {
  seq: number;
  kind: ChangeKind;
  at: string;
  productId: number;
  slug: string;
  category: string | null;
  stars: number | null;
  certificateNumber: string | null;
}

interface RawChange {
  seq: number | string;
  kind: ChangeKind;
  at: number | string | Date;
  product_id: number | string;
  slug: string;
  category: string | null;
  stars: number | string | null;
  certificate_number: string | null;
}

/** Reads the change feed (catalog_change), for catalogChanges and the site's publisher. */
export class FeedReader {
  constructor(private readonly em: EntityManager) {}

  async after(sequence: number, limit: number): Promise<ChangeRow[]> {
    const rows = await this.em
      .getConnection()
      .execute<RawChange[]>(
        'select seq, kind, at, product_id, slug, category, stars, certificate_number from catalog_change where seq > ? order by seq limit ?',
        [sequence, limit],
      );
    return rows.map((r) => ({
      seq: Number(r.seq),
      kind: r.kind,
      at: new Date(typeof r.at === 'string' && /^\d+$/.test(r.at) ? Number(r.at) : r.at).toISOString(),
      productId: Number(r.product_id),
      slug: r.slug,
      category: r.category,
      stars: r.stars === null ? null : Number(r.stars),
      certificateNumber: r.certificate_number,
    }));
  }

  /** The oldest and newest sequence kept (null when the feed is empty). */
  async bounds(): Promise<{ oldest: number | null; newest: number | null }> {
    const [row] = await this.em
      .getConnection()
      .execute<{ oldest: number | string | null; newest: number | string | null }[]>(
        'select min(seq) as oldest, max(seq) as newest from catalog_change',
      );
    return {
      oldest: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest),
      newest: row?.newest === null || row?.newest === undefined ? null : Number(row.newest),
    };
  }

  /** Forgets changes older than the retention period; returns how many. */
  async prune(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - FEED_RETENTION_DAYS * 86_400_000);
    const result = await this.em.getConnection().execute('delete from catalog_change where at < ?', [cutoff], 'run');
    return Number((result as { affectedRows?: number; changes?: number }).affectedRows ?? 0);
  }
}
