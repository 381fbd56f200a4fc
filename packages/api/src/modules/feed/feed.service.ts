import { createHash } from 'node:crypto';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { type IsoDate, isTradeEmpty, normalizeTrade, type ProductTrade } from '@ocop/domain';
import { chunks, placeholders } from '../../db/rows.js';
import { dialectOf } from '../product/product.query.js';
import { pathNames } from '../region/region.reader.js';

/**
 * The change feed: every write that can change what the public sees records, in its own
 * transaction, which published products appeared, changed or went away. Nothing is lost if a
 * process dies between the write and telling others about it: the entries are in the database
 * with the write, and readers (other API processes, the site, partners) catch up from a cursor.
 *
 * How: `catalog_public_state` holds each published product as the feed last recorded it (its
 * stars, certificate and a fingerprint of everything a public page shows of it). Bringing the
 * state up to date for some products (or all) compares it with what is published today and
 * appends PUBLISHED, UPDATED or WITHDRAWN entries to `catalog_change` for the differences. Every
 * write path calls it before committing (mutations: audit/mutation.ts; imports; the sample
 * loader); a full pass runs at start and when the day turns in Vietnam, so certificates that
 * begin or end that day, and anything written behind the API's back, are caught up.
 */

export const CHANGE_KINDS = ['PUBLISHED', 'UPDATED', 'WITHDRAWN'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Which products to look at: those a write touched, or all of them. */
export type FeedScope = { all: true } | { productIds: Iterable<number> };

/** The PostgreSQL channel every write notifies, and its advisory lock (numbers entries in commit order). */
export const FEED_CHANNEL = 'ocop_catalog';
export const FEED_LOCK = 727_001;

/** Products read at a time by a full pass. */
const FULL_PASS_PAGE = 1000;

export interface FeedSync {
  /** Entries appended. */
  entries: number;
}

interface PublicRow {
  id: number | string;
  slug: string;
  category: string;
  stars: number | string;
  number: string;
  [column: string]: unknown;
}

interface StateRow {
  product_id: number | string;
  fingerprint: string;
}

/** Everything a public page shows of a product, from its own row, its certificate, producer and places. */
const PUBLIC_COLUMNS = `p.id, p.slug, p.name_vi, p.name_en, p.description_vi, p.description_en, p.story_vi, p.story_en,
  p.images, p.trade, p.category, p.cycle_stage, p.region_id, p.producer_id,
  c.number, c.stars, c.issued_on, c.expires_on, c.decision_number, c.decision_date, c.issuing_level,
  pr.slug as producer_slug, pr.name as producer_name, pr.type as producer_type, pr.representative, pr.address,
  pr.phone, pr.email, pr.website, pr.region_id as producer_region_id`;

function tradeOf(row: PublicRow): { trade?: ProductTrade } {
  const trade = typeof row.trade === 'string' ? JSON.parse(row.trade) : (row.trade as ProductTrade | null);
  return isTradeEmpty(trade) ? {} : { trade: normalizeTrade(trade) };
}

/**
 * A hash of everything a public page shows of a product, written the same way whichever database
 * read it (numbers as numbers, dates as text, JSON parsed): equal fingerprints, unchanged page.
 */
function fingerprint(row: PublicRow, places: Map<number, string>): string {
  const { id: _id, trade: _trade, ...rest } = row;
  const json = JSON.stringify({
    ...rest,
    stars: Number(row.stars),
    issued_on: String(row.issued_on),
    expires_on: String(row.expires_on),
    decision_date: String(row.decision_date),
    images: typeof row.images === 'string' ? JSON.parse(row.images) : row.images,
    // Absent when empty, so products without trade information keep the fingerprints they had
    // before it existed; in one fixed key order otherwise (jsonb hands keys back in its own).
    ...tradeOf(row),
    places: [places.get(Number(row.region_id)), places.get(Number(row.producer_region_id))],
  });
  return createHash('sha1').update(json).digest('base64url');
}

/** The names along the paths of the regions the rows need, so renaming a district changes the pages under it. */
function placeNames(tx: EntityManager, rows: PublicRow[]): Promise<Map<number, string>> {
  return pathNames(tx, [...new Set(rows.flatMap((r) => [Number(r.region_id), Number(r.producer_region_id)]))]);
}

/**
 * Brings the public state up to date for `scope` as of `today`, appending an entry per
 * difference, inside the caller's transaction (`tx` must be transactional). On PostgreSQL it
 * takes the feed's advisory lock first, so entries are numbered in commit order, and notifies
 * FEED_CHANNEL (delivered at commit) so other processes drop their caches at once.
 */
export async function syncPublicState(
  tx: EntityManager,
  today: IsoDate,
  scope: FeedScope,
  at: Date = new Date(),
): Promise<FeedSync> {
  const postgres = dialectOf(tx) === 'postgresql';
  if (postgres) await tx.execute('select pg_advisory_xact_lock(?)', [FEED_LOCK]);
  const published = `from product p
    join certificate c on c.product_id = p.id and c.status = 'ISSUED' and c.issued_on <= ? and c.expires_on >= ?
    join producer pr on pr.id = p.producer_id`;

  // What the feed keeps of a product that appeared or changed: its entry's columns and its print.
  type Change = {
    kind: ChangeKind;
    id: number;
    slug: string;
    category?: string;
    stars?: number;
    number?: string;
    print?: string;
  };
  const changes: Change[] = [];
  const now = new Set<number>();
  let before: Map<number, string>;
  /** Compares one page of published rows with the state before, keeping only what the entries need. */
  const compare = async (rows: PublicRow[]) => {
    const places = await placeNames(tx, rows);
    for (const row of rows) {
      const id = Number(row.id);
      // One row a product: a product has one issued certificate valid on a day.
      if (now.has(id)) continue;
      now.add(id);
      const print = fingerprint(row, places);
      const old = before.get(id);
      if (old === print) continue;
      const { slug, category, number } = row;
      changes.push({
        kind: old === undefined ? 'PUBLISHED' : 'UPDATED',
        id,
        slug,
        category,
        stars: Number(row.stars),
        number,
        print,
      });
    }
  };
  if ('all' in scope) {
    const state = await tx.execute<StateRow[]>('select product_id, fingerprint from catalog_public_state', []);
    before = new Map(state.map((s) => [Number(s.product_id), s.fingerprint]));
    // In pages by id: the whole catalog's public text at once would not fit the server's heap
    // (100,000 products are more than 128 MB of strings).
    let after = 0;
    for (;;) {
      const rows = await tx.execute<PublicRow[]>(
        `select ${PUBLIC_COLUMNS} ${published} where p.id > ? order by p.id limit ${FULL_PASS_PAGE}`,
        [today, today, after],
      );
      if (rows.length === 0) break;
      await compare(rows);
      after = Number(rows.at(-1)?.id);
      if (rows.length < FULL_PASS_PAGE) break;
    }
  } else {
    const ids = [...new Set(scope.productIds)].filter((id) => Number.isInteger(id));
    before = new Map();
    for (const part of chunks(ids)) {
      const state = await tx.execute<StateRow[]>(
        `select product_id, fingerprint from catalog_public_state where product_id in (${placeholders(part.length)})`,
        part,
      );
      for (const s of state) before.set(Number(s.product_id), s.fingerprint);
      await compare(
        await tx.execute<PublicRow[]>(
          `select ${PUBLIC_COLUMNS} ${published} where p.id in (${placeholders(part.length)}) order by p.id`,
          [today, today, ...part],
        ),
      );
    }
  }
  const gone = [...before.keys()].filter((id) => !now.has(id));
  if (gone.length > 0) {
    const slugs = new Map<number, string>();
    for (const part of chunks(gone)) {
      const found = await tx.execute<{ product_id: number; slug: string }[]>(
        `select product_id, slug from catalog_public_state where product_id in (${placeholders(part.length)})`,
        part,
      );
      for (const r of found) slugs.set(Number(r.product_id), r.slug);
    }
    for (const id of gone) changes.push({ kind: 'WITHDRAWN', id, slug: slugs.get(id) ?? '' });
  }
  changes.sort((a, b) => a.id - b.id);

  for (const part of chunks(changes, 200)) {
    const values: unknown[] = [];
    for (const c of part) {
      values.push(at, c.kind, c.id, c.slug, c.category ?? null, c.stars ?? null, c.number ?? null);
    }
    await tx.execute(
      `insert into catalog_change (at, kind, product_id, slug, category, stars, certificate_number) values ${part
        .map(() => '(?, ?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      values,
    );
  }
  if (changes.length > 0) {
    const [head] = await tx.execute<{ seq: number | string }[]>('select max(seq) as seq from catalog_change', []);
    const seq = Number(head?.seq ?? 0);
    const withdrawn = changes.filter((c) => c.kind === 'WITHDRAWN').map((c) => c.id);
    for (const part of chunks(withdrawn)) {
      await tx.execute(`delete from catalog_public_state where product_id in (${placeholders(part.length)})`, part);
    }
    const kept = changes.filter((c) => c.kind !== 'WITHDRAWN');
    for (const part of chunks(kept)) {
      await tx.execute(
        `delete from catalog_public_state where product_id in (${placeholders(part.length)})`,
        part.map((c) => c.id),
      );
    }
    for (const part of chunks(kept, 200)) {
      const values: unknown[] = [];
      for (const c of part) {
        values.push(c.id, c.slug, c.category, c.stars, c.number, c.print, seq);
      }
      await tx.execute(
        `insert into catalog_public_state (product_id, slug, category, stars, certificate_number, fingerprint, seq) values ${part
          .map(() => '(?, ?, ?, ?, ?, ?, ?)')
          .join(', ')}`,
        values,
      );
    }
  }
  if ('all' in scope) {
    await tx.execute('delete from catalog_feed_state', []);
    await tx.execute('insert into catalog_feed_state (id, synced_on, synced_at) values (1, ?, ?)', [today, at]);
  }
  if (postgres) await tx.execute('select pg_notify(?, ?)', [FEED_CHANNEL, String(changes.length)]);
  return { entries: changes.length };
}

/** The day the public state was last brought up to date as a whole, or undefined before the first time. */
export async function lastSyncedDay(em: EntityManager): Promise<IsoDate | undefined> {
  const [row] = await em.execute<{ synced_on: string | Date }[]>(
    'select synced_on from catalog_feed_state where id = 1',
    [],
  );
  if (!row) return undefined;
  return (row.synced_on instanceof Date ? row.synced_on.toISOString() : String(row.synced_on)).slice(0, 10) as IsoDate;
}

/**
 * Brings the whole public state up to date in its own transaction, unless another process did
 * so already for `today`: at start, and when the day turns (certificates that begin or end that
 * day). Returns the entries appended, or undefined when there was nothing to do.
 */
export async function catchUp(em: EntityManager, today: IsoDate, at: Date = new Date()): Promise<FeedSync | undefined> {
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    if (dialectOf(t) === 'postgresql') await t.execute('select pg_advisory_xact_lock(?)', [FEED_LOCK]);
    const synced = await lastSyncedDay(t);
    if (synced !== undefined && synced >= today) return undefined;
    return syncPublicState(t, today, { all: true }, at);
  });
}

/** Products a change to a record can show on: the product itself, a certificate's product, a producer's or a region's products. */
export async function productsOf(tx: EntityManager, entityType: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const out: number[] = [];
  for (const part of chunks(ids)) {
    let sql: string | undefined;
    if (entityType === 'Product') {
      out.push(...part);
      continue;
    }
    if (entityType === 'Certificate')
      sql = `select product_id as id from certificate where id in (${placeholders(part.length)})`;
    if (entityType === 'Producer') sql = `select id from product where producer_id in (${placeholders(part.length)})`;
    if (entityType === 'Evaluation')
      sql = `select product_id as id from evaluation where id in (${placeholders(part.length)})`;
    if (entityType === 'Region')
      sql = `select p.id from product p join region r on r.id = p.region_id join region a on r.path like a.path || '%' where a.id in (${placeholders(part.length)})`;
    if (!sql) continue;
    const rows = await tx.execute<{ id: number | string }[]>(sql, part);
    out.push(...rows.map((r) => Number(r.id)));
  }
  return out;
}
