import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretQuery, type QueryInterpretation } from './interpret.js';
import {
  compareSearchResults,
  queryNames,
  rankSearchResults,
  SEARCH_TIERS,
  type SearchDocument,
  searchDocument,
  searchScore,
  searchScoreByRuns,
} from './ranking.js';
import { searchTokens } from '../text.js';
import { CATALOG_TEXTS } from './search.fixture.js';
import { SearchVocabulary } from './vocabulary.js';

const vocabulary = SearchVocabulary.build(CATALOG_TEXTS);
const read = (query: string, typing = false) => interpretQuery(query, vocabulary, { typing });

const products = {
  khoMuc: searchDocument({ names: ['Khô mực'], place: 'Phú Quốc', stars: 3 }),
  khoMucCau: searchDocument({
    names: ['Khô mực câu Phú Quốc', 'Phú Quốc dried jigged squid'],
    producer: 'Cơ sở Khô mực Út Hạnh',
    place: 'Phú Quốc, Kiên Giang',
    stars: 4,
  }),
  khoMucLoiTrai: searchDocument({ names: ['Khô cá và mực lột'], stars: 5 }),
  mucKho: searchDocument({ names: ['Mực khô Thổ Châu', 'Thổ Châu dried squid'], stars: 3 }),
  byProducer: searchDocument({ names: ['Bánh phồng mực'], producer: 'Cơ sở Khô mực Út Hạnh', stars: 3 }),
  byDescription: searchDocument({
    names: ['Chả cá thu Rạch Giá'],
    description: 'Ăn kèm khô mực nướng; đóng gói hút chân không.',
    stars: 5,
  }),
  unrelated: searchDocument({ names: ['Xoài sấy dẻo Sơn Kiên'], description: 'Xoài cát chu sấy dẻo.', stars: 5 }),
};

const tierOf = (score: number) => Math.ceil(score / 100);

describe('searchScore', () => {
  it('ranks an exact name, then words in order, then any order, then producer, then description', () => {
    const q = read('kho muc');
    const tiers = Object.fromEntries(Object.entries(products).map(([k, doc]) => [k, tierOf(searchScore(doc, q))]));
    expect(tiers).toEqual({
      khoMuc: SEARCH_TIERS.exactName,
      khoMucCau: SEARCH_TIERS.namePhrase,
      khoMucLoiTrai: SEARCH_TIERS.nameInOrder,
      mucKho: SEARCH_TIERS.nameAnyOrder,
      byProducer: SEARCH_TIERS.producerOrPlace,
      byDescription: SEARCH_TIERS.description,
      unrelated: 0,
    });
    expect(searchScore(products.khoMuc, q)).toBe(600);
  });

  it('finds words across names in both languages and in the place', () => {
    expect(tierOf(searchScore(products.khoMucCau, read('squid phu quoc')))).toBe(SEARCH_TIERS.nameAnyOrder);
    expect(tierOf(searchScore(products.khoMuc, read('kho muc phu quoc')))).toBe(SEARCH_TIERS.producerOrPlace);
  });

  it('scores a corrected, decoded or completed reading below the exact one in the same tier', () => {
    const exact = searchScore(products.khoMuc, read('kho muc'));
    const decoded = searchScore(products.khoMuc, read('khoo muc'));
    const completed = searchScore(products.khoMuc, read('kho mu', true));
    const corrected = searchScore(products.khoMuc, read('kho mcu'));
    expect(exact).toBe(600);
    expect(decoded).toBe(597.5);
    expect(completed).toBe(595);
    expect(corrected).toBe(590);
    for (const s of [decoded, completed, corrected]) expect(tierOf(s)).toBe(SEARCH_TIERS.exactName);
  });

  it('matches a split word as adjacent words, and a joined one as one word', () => {
    const banhTrang = searchDocument({ names: ['Bánh tráng Hòa An'] });
    const trangBanh = searchDocument({ names: ['Tráng bánh'] });
    const q = read('banhtrang');
    expect(tierOf(searchScore(banhTrang, q))).toBe(SEARCH_TIERS.namePhrase);
    expect(searchScore(trangBanh, q)).toBe(0);
    const homestay = searchDocument({ names: ['Homestay rừng tràm Chín Lâm'] });
    expect(tierOf(searchScore(homestay, read('home stay')))).toBe(SEARCH_TIERS.namePhrase);
  });

  it('needs every term somewhere, and nothing matches an empty or certificate-only query', () => {
    expect(searchScore(products.khoMuc, read('kho muc xoai'))).toBe(0);
    expect(searchScore(products.khoMuc, read(''))).toBe(0);
    expect(searchScore(products.khoMuc, read('KG-OCOP-2024-0012'))).toBe(0);
  });

  it('never scores a product higher for readings that cost more', () => {
    const docs = Object.values(products);
    const cost = fc.constantFrom(0, 0.25, 0.5, 1, 2);
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.array(cost, { minLength: 4, maxLength: 4 }), (doc, extra) => {
        const q = read('kho muc');
        const dearer: QueryInterpretation = {
          ...q,
          terms: q.terms.map((t, i) => ({
            ...t,
            alternatives: t.alternatives.map((a) => ({ ...a, cost: a.cost + (extra[i] ?? 0) })),
          })),
        };
        const before = searchScore(doc, q);
        const after = searchScore(doc, dearer);
        expect(after).toBeLessThanOrEqual(before);
        expect(tierOf(after)).toBe(tierOf(before));
      }),
    );
  });
});

describe('rankSearchResults', () => {
  it('orders by score, then stars, then the given order, leaving out non-matches', () => {
    const items = Object.entries(products);
    const ranked = rankSearchResults(items, read('kho muc'), ([, doc]) => doc);
    expect(ranked.map(({ item: [name] }) => name)).toEqual([
      'khoMuc',
      'khoMucCau',
      'khoMucLoiTrai',
      'mucKho',
      'byProducer',
      'byDescription',
    ]);
  });

  it('breaks ties by stars', () => {
    const a = { score: 500, stars: 3 };
    const b = { score: 500, stars: 5 };
    const c = { score: 600, stars: 3 };
    expect([a, b, c].sort(compareSearchResults)).toEqual([c, b, a]);
    const three: SearchDocument = searchDocument({ names: ['Khô mực'], stars: 3 });
    const five: SearchDocument = searchDocument({ names: ['Khô mực'], stars: 5 });
    expect(rankSearchResults([three, five], read('kho muc'), (d) => d).map((r) => r.item)).toEqual([five, three]);
  });
});

describe('ranking corrections', () => {
  it('ranks products of the likeliest correction first when a typo is one edit from several words', () => {
    const q = read('peper');
    const [likeliest, other] = q.terms[0]?.alternatives ?? [];
    expect(likeliest?.kind).toBe('corrected');
    expect(other?.kind).toBe('corrected');
    expect(new Set([likeliest?.word, other?.word])).toEqual(new Set(['pepper', 'paper']));
    const docs = [
      { name: 'other', doc: searchDocument({ names: [`Rice ${other?.word}`], stars: 4 }) },
      { name: 'likeliest', doc: searchDocument({ names: [`Black ${likeliest?.word}`], stars: 4 }) },
    ];
    expect(rankSearchResults(docs, q, (d) => d.doc).map((r) => r.item.name)).toEqual(['likeliest', 'other']);
    expect(q.didYouMean).toBe(likeliest?.word);
  });
});

describe('queryNames', () => {
  const phuQuoc = searchDocument({ names: ['Phú Quốc'] });
  const herbs = searchDocument({ names: ['Thảo dược', 'Herbs and medicinal products'] });
  const honDat = searchDocument({ names: ['Hòn Đất'] });

  it('finds a name the query is within, or that stands whole in the query', () => {
    expect(queryNames(read('phu quoc'), phuQuoc)).toBe(true);
    expect(queryNames(read('phu q', true), phuQuoc)).toBe(true);
    expect(queryNames(read('nuoc mam phu quoc'), phuQuoc)).toBe(true);
    expect(queryNames(read('herbs'), herbs)).toBe(true);
    expect(queryNames(read('thao duoc'), herbs)).toBe(true);
  });

  it('does not find a name the query only touches, or a typo corrected into another word', () => {
    expect(queryNames(read('nuoc mam phu'), phuQuoc)).toBe(false);
    expect(queryNames(read('quoc phu'), phuQuoc)).toBe(true); // every word is in the name
    expect(queryNames(read('honney'), honDat)).toBe(false);
    expect(queryNames(read(''), phuQuoc)).toBe(false);
  });
});

describe('searchScore with one-word readings', () => {
  it('gives what the general computation over runs of words gives, for any document and query', () => {
    const words = [...new Set(CATALOG_TEXTS.flatMap((t) => searchTokens(t)))];
    const word = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.slice(0, Math.max(1, w.length - 2))),
      fc.constantFrom(...words).map((w) => `${w}${w.at(-1)}`),
    );
    const text = fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((ws) => ws.join(' '));
    const doc = fc
      .record({
        names: fc.array(text, { minLength: 1, maxLength: 2 }),
        producer: text,
        place: text,
        description: text,
        stars: fc.integer({ min: 3, max: 5 }),
      })
      .map((t) => searchDocument(t));
    fc.assert(
      fc.property(doc, fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (d, ws, typing) => {
        const q = read(ws.join(' '), typing);
        if (q.terms.some((t) => t.alternatives.some((a) => a.word.includes(' ')))) return;
        expect(searchScore(d, q)).toBe(searchScoreByRuns(d, q));
      }),
      { numRuns: 2000 },
    );
  });
});
