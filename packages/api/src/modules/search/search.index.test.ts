import {
  type CertificationScheme,
  rankSearchResults,
  searchDocument,
  searchTokens,
  vietnameseSortKey,
} from '@ocop/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIEN_GIANG_AS_OF, kienGiangCatalog } from '../../seed/kien-giang.js';
import { productSearchColumns } from '../product/product.entity.js';
import type { RegionNode } from '../transfer/import.model.js';
import { planDocument } from '../transfer/import.plan.js';
import { SearchIndexBuilder, type SearchIndexPlace, type SearchIndexRow } from './search.index.js';

/**
 * The index finds candidates through its word lists and scores them with @ocop/domain's
 * searchScore; ranking every product of the catalog with the domain's rankSearchResults must give
 * the same products in the same order. Built here from the sample catalog, without a database.
 */
const plan = planDocument(kienGiangCatalog.document, 'the sample catalog', KIEN_GIANG_AS_OF);
const regionIds = new Map(plan.regions.creates.map((r, i) => [r, i + 1]));
const producerIds = new Map(plan.producers.creates.map((p, i) => [p, i + 1]));

function lineage(region: RegionNode): RegionNode[] {
  const out: RegionNode[] = [];
  for (let r: RegionNode | null = region; r; r = r.parent) out.push(r);
  return out;
}

const places = new Map<number, SearchIndexPlace>(
  [...regionIds].map(([r, id]) => [id, { path: r.path, names: lineage(r).map((x) => x.nameVi) }]),
);

/** Certifications spread over the sample products, so that the trade filters have something to tell apart. */
const TRADE_CERTIFICATIONS: CertificationScheme[][] = [[], ['VIETGAP'], ['HACCP', 'VIETGAP'], [], ['ORGANIC']];

const rows: SearchIndexRow[] = plan.products.creates.flatMap((p, i) => {
  const certificate = plan.certificates.creates.filter((c) => c.product === p).at(-1);
  if (!certificate) return [];
  return [
    {
      id: i + 1,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      bodyFolded: productSearchColumns(p).bodyFolded,
      category: p.category,
      regionId: regionIds.get(p.region) as number,
      producerId: producerIds.get(p.producer) as number,
      producerName: p.producer.name,
      producerType: p.producer.type,
      nameSortKey: vietnameseSortKey(p.nameVi),
      stars: 3 + (i % 3),
      issuedOn: certificate.issuedOn,
      certificateNumber: certificate.number,
      exportReady: i % 4 === 0,
      certifications: TRADE_CERTIFICATIONS[i % TRADE_CERTIFICATIONS.length] ?? [],
    },
  ];
});

const builder = new SearchIndexBuilder(places);
for (const row of rows) builder.add(row);
const index = builder.finish(plan.regions.creates.flatMap((r) => [r.nameVi, r.nameEn ?? '']));

const documents = rows.map((row) => ({
  row,
  doc: searchDocument({
    names: [row.nameVi, row.nameEn ?? ''],
    producer: row.producerName,
    place: places.get(row.regionId)?.names.join(', '),
    description: row.bodyFolded,
    stars: row.stars,
  }),
}));

/**
 * What the index and ranking every document find: the ids found (as a set) and the score and
 * stars down the list (ties of both are ordered by name in the index, by catalog order in the
 * domain's function).
 */
function both(query: string, typing?: boolean) {
  const q = index.interpret(query, { typing });
  const matches = index.match(q);
  const ids = matches ? index.ordered(matches, {}, 'RELEVANCE', 'DESC') : [];
  const ranked = rankSearchResults(documents, q, (d) => d.doc);
  const rankOf = new Map(ranked.map((r) => [r.item.row.id, `${r.score}|${r.item.row.stars}`]));
  return {
    index: { ids: [...ids].sort((a, b) => a - b), order: ids.map((id) => rankOf.get(id) ?? `${id} not ranked`) },
    domain: {
      ids: ranked.map((r) => r.item.row.id).sort((a, b) => a - b),
      order: ranked.map((r) => rankOf.get(r.item.row.id)),
    },
  };
}

const WORDS = [...new Set(rows.flatMap((r) => searchTokens(`${r.nameVi} ${r.nameEn ?? ''} ${r.producerName}`)))];
const BODY_WORDS = [...new Set(rows.flatMap((r) => r.bodyFolded.split(' ')))];

describe('the search index', () => {
  it('matches and ranks what ranking every product would, for the queries of issue 14', () => {
    for (const query of [
      'nuoc mam',
      'tieu den',
      'honney',
      'banh phongg',
      'khoo muc',
      'xoai sayy',
      'xoaif saays',
      'duwaf',
      'xoa2i sa61y',
      'banhtrang',
      'kho mcu',
      'nuocmam',
      'peper',
      'tie',
      'hon dat',
      'mat ong u minh',
      'thuc pham',
      'fish sauce phu quoc',
      'a',
      'xyzzy',
    ]) {
      for (const typing of [true, false]) {
        const { index: fromIndex, domain } = both(query, typing);
        expect(fromIndex, `${query} (typing: ${typing})`).toEqual(domain);
      }
    }
  });

  it('matches and ranks what ranking every product would, for any words of the catalog, typos and prefixes', () => {
    const word = fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...BODY_WORDS),
      fc.constantFrom(...WORDS).map((w) => w.slice(0, Math.max(1, w.length - 2))),
      fc.constantFrom(...WORDS).map((w) => `${w}${w.at(-1)}`),
      fc.constantFrom(...WORDS, ...WORDS).chain((a) => fc.constantFrom(...WORDS).map((b) => `${a}${b}`)),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (words, typing) => {
        const { index: fromIndex, domain } = both(words.join(' '), typing);
        expect(fromIndex).toEqual(domain);
      }),
      { numRuns: 300 },
    );
  });

  it('orders by relevance as score, then stars, then Vietnamese name, then id, both ways', () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const query of ['phu quoc', 'nuoc mam', 'a', 'tie', 'kho mcu']) {
      const q = index.interpret(query);
      const matches = index.match(q);
      if (!matches) throw new Error(query);
      const score = new Map(Array.from(matches.slots, (slot, i) => [index.idAt(slot), matches.scores[i] ?? 0]));
      const name = (id: number) => byId.get(id)?.nameSortKey ?? '';
      for (const direction of ['DESC', 'ASC'] as const) {
        const sign = direction === 'DESC' ? -1 : 1;
        const expected = [...score.keys()].sort(
          (a, b) =>
            sign * ((score.get(a) ?? 0) - (score.get(b) ?? 0)) ||
            (byId.get(b)?.stars ?? 0) - (byId.get(a)?.stars ?? 0) ||
            (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a - b),
        );
        expect(index.ordered(matches, {}, 'RELEVANCE', direction), `${query} ${direction}`).toEqual(expected);
      }
    }
  });

  it('finds the product a certificate number publishes, alone or with words', () => {
    const row = rows[3] as SearchIndexRow;
    const byNumber = index.match(index.interpret(row.certificateNumber.toLowerCase().replaceAll('-', ' ')));
    expect(byNumber && index.ordered(byNumber, {}, 'RELEVANCE', 'DESC')).toEqual([row.id]);
    const withWord = index.match(index.interpret(`${row.certificateNumber} ${searchTokens(row.nameVi)[0]}`));
    expect(withWord && index.ordered(withWord, {}, 'RELEVANCE', 'DESC')).toEqual([row.id]);
    const unknown = index.match(index.interpret('KG-OCOP-2019-9999'));
    expect(unknown?.slots.length).toBe(0);
    expect(index.match(index.interpret('  !!! '))).toBeNull();
  });

  it('filters, counts and orders like the SQL listings: by stars, then Vietnamese name, then id', () => {
    const matches = index.match(index.interpret('phu quoc'));
    if (!matches) throw new Error('no reading');
    const all = index.ordered(matches, {}, 'STARS', 'DESC');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const expected = [...all].sort(
      (a, b) =>
        (byId.get(b)?.stars ?? 0) - (byId.get(a)?.stars ?? 0) ||
        ((byId.get(a)?.nameSortKey ?? '') < (byId.get(b)?.nameSortKey ?? '') ? -1 : 1),
    );
    expect(all).toEqual(expected);
    const fourUp = index.ordered(matches, { minStars: 4 }, 'NAME', 'ASC');
    expect(fourUp.length).toBe(index.count(matches, { minStars: 4 }));
    for (const id of fourUp) expect(byId.get(id)?.stars).toBeGreaterThanOrEqual(4);
    const stars = index.countBy(matches, { minStars: 4 }, 'stars', 'stars');
    expect(stars.reduce((n, s) => n + s.count, 0)).toBe(all.length);
    const food = index.countBy(matches, { categories: ['FOOD'] }, 'category');
    expect(food).toEqual([{ value: 'FOOD', count: index.count(matches, { categories: ['FOOD'] }) }]);
  });

  it('filters and counts by readiness to export and by other certifications, as a scan of every match would', () => {
    const matches = index.match(index.interpret('a'));
    if (!matches) throw new Error('a matches');
    const found = new Set(Array.from(matches.slots, (slot) => index.idAt(slot)));
    const hits = rows.filter((r) => found.has(r.id));
    const holds = (r: SearchIndexRow, wanted: CertificationScheme[]) =>
      wanted.every((s) => r.certifications.includes(s));
    for (const filter of [
      { exportReady: true },
      { certifications: ['VIETGAP'] as CertificationScheme[] },
      { certifications: ['VIETGAP', 'HACCP'] as CertificationScheme[] },
      { exportReady: true, certifications: ['ORGANIC'] as CertificationScheme[] },
    ]) {
      const expected = hits.filter(
        (r) => (!filter.exportReady || r.exportReady) && holds(r, filter.certifications ?? []),
      );
      expect(index.count(matches, filter), JSON.stringify(filter)).toBe(expected.length);
      expect(new Set(index.ordered(matches, filter, 'NAME', 'ASC'))).toEqual(new Set(expected.map((r) => r.id)));
      // Each facet leaves its own filter out and counts a product once under each scheme it holds.
      const others = hits.filter((r) => holds(r, filter.certifications ?? []));
      expect(index.countBy(matches, filter, 'exportReady', 'exportReady')).toEqual(
        others.some((r) => r.exportReady) ? [{ value: 'true', count: others.filter((r) => r.exportReady).length }] : [],
      );
      const perScheme = new Map<string, number>();
      for (const r of hits.filter((r) => !filter.exportReady || r.exportReady)) {
        for (const scheme of r.certifications) perScheme.set(scheme, (perScheme.get(scheme) ?? 0) + 1);
      }
      const counted = index.countBy(matches, filter, 'certification', 'certification');
      expect(new Map(counted.map((c) => [c.value, c.count]))).toEqual(perScheme);
    }
  });
});
