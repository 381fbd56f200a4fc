/**
 * Search that forgives, over the catalogs the API seeds: the sample Kiên Giang catalog (what the
 * issue's buyers typed) and a 20,000-product synthetic one (vocabulary size and speed, printed,
 * never asserted: the machines are shared).
 */
import { gzipSync } from 'node:zlib';
import { generateSyntheticCatalog, kienGiangCatalog, type SeedCatalog } from '@ocop/api';
import {
  CATEGORIES,
  interpretQuery,
  rankSearchResults,
  type SearchDocument,
  SearchVocabulary,
  searchDocument,
} from '@ocop/domain';
import { describe, expect, it } from 'vitest';

/** A cell of a seed record as text ('' when empty). */
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** The texts a catalog's vocabulary is built from: names, producers, places, categories, both languages. */
function vocabularyTexts({ document }: SeedCatalog): string[] {
  const texts: string[] = [];
  for (const p of document.products ?? []) texts.push(text(p.name_vi), text(p.name_en));
  for (const p of document.producers ?? []) texts.push(text(p.name));
  for (const r of document.regions ?? []) texts.push(text(r.name_vi), text(r.name_en));
  for (const c of CATEGORIES) texts.push(c.nameVi, c.nameEn);
  return texts;
}

interface Listed {
  name: string;
  doc: SearchDocument;
}

/** Each product with its search document: names, producer, place and its parents, descriptions, stars. */
function documents({ document }: SeedCatalog): Listed[] {
  const regions = new Map((document.regions ?? []).map((r) => [text(r.code), r]));
  const producers = new Map((document.producers ?? []).map((p) => [text(p.slug), p]));
  const stars = new Map<string, number>();
  for (const c of document.certificates ?? []) stars.set(text(c.product), Number(c.stars));
  return (document.products ?? []).map((p) => {
    const places: string[] = [];
    for (let r = regions.get(text(p.region)); r; r = regions.get(text(r.parent))) places.push(text(r.name_vi));
    return {
      name: text(p.name_vi),
      doc: searchDocument({
        names: [text(p.name_vi), text(p.name_en)],
        producer: text(producers.get(text(p.producer))?.name),
        place: places.join(', '),
        description: [text(p.description_vi), text(p.description_en)].join(' '),
        stars: stars.get(text(p.slug)) ?? 0,
      }),
    };
  });
}

const vocabulary = SearchVocabulary.build(vocabularyTexts(kienGiangCatalog));
const listed = documents(kienGiangCatalog);

/** The names of the first `n` results. */
function top(query: string, n = 3): string[] {
  const q = interpretQuery(query, vocabulary, { typing: false });
  return rankSearchResults(listed, q, (l) => l.doc)
    .slice(0, n)
    .map((r) => r.item.name);
}

describe('search over the sample catalog', () => {
  it('forgives the typos buyers made', () => {
    expect(interpretQuery('banh phongg', vocabulary).didYouMean).toBe('bánh phồng');
    expect(top('banh phongg', 2).sort()).toEqual(['Bánh phồng nếp Tân Hiệp', 'Bánh phồng tôm Tư Nhàn']);
    expect(interpretQuery('khoo muc', vocabulary).didYouMean).toBe('khô mực');
    expect(top('khoo muc', 1)).toEqual(['Khô mực câu Phú Quốc']);
    expect(interpretQuery('xoai sayy', vocabulary).didYouMean).toBe('xoài sấy');
    expect(top('xoai sayy', 1)).toEqual(['Xoài sấy dẻo Sơn Kiên']);
    expect(top('kho mcu', 1)).toEqual(['Khô mực câu Phú Quốc']);
  });

  it('reads Telex and VNI typed without an input method', () => {
    expect(interpretQuery('xoaif saays', vocabulary).didYouMean).toBe('xoài sấy');
    expect(interpretQuery('xoa2i sa61y', vocabulary).didYouMean).toBe('xoài sấy');
    expect(interpretQuery('duwaf', vocabulary).didYouMean).toBe('dừa');
    expect(top('xoaif saays', 1)).toEqual(['Xoài sấy dẻo Sơn Kiên']);
    expect(top('duwaf saps', 2).sort()).toEqual(['Dừa sáp Tân Hiệp Mười Đông', 'Kẹo dừa sáp Mười Đông']);
    expect(top('nuowcs mawms phuws quoocs', 1)[0]).toMatch(/^Nước mắm Phú Quốc/u);
  });

  it('splits and joins words', () => {
    expect(interpretQuery('banhtrang', vocabulary).didYouMean).toBe('bánh tráng');
    expect(top('banhtrang', 3)).toContain('Bánh tráng Hòa An');
    expect(interpretQuery('home stay', vocabulary).didYouMean).toBe('homestay');
    expect(top('home stay', 1)).toEqual(['Homestay rừng tràm Chín Lâm']);
  });

  it('corrects "honney" to honey and lists no Hòn place for it', () => {
    expect(interpretQuery('honney', vocabulary).didYouMean).toBe('honey');
    const names = top('honney', 50);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).not.toMatch(/Hòn/u);
    expect(names[0]).toMatch(/^Mật ong/u);
  });

  it('leaves English and real catalog words alone', () => {
    for (const query of ['pepper', 'fish sauce', 'tour', 'coffee', 'books', 'hon son', 'kho', 'u minh']) {
      expect(interpretQuery(query, vocabulary, { typing: false }).didYouMean, query).toBeNull();
    }
  });

  it('recognises the catalog’s certificate numbers', () => {
    const numbers = (kienGiangCatalog.document.certificates ?? []).map((c) => text(c.number));
    expect(numbers.length).toBeGreaterThan(10);
    for (const number of numbers) {
      expect(interpretQuery(number, vocabulary).certificateNumber).toBe(number);
      expect(interpretQuery(number.toLowerCase().replaceAll('-', ' '), vocabulary).certificateNumber).toBe(number);
    }
    // No product name or producer is taken for one.
    for (const text of vocabularyTexts(kienGiangCatalog)) {
      expect(interpretQuery(text, vocabulary).certificateNumber, text).toBeNull();
    }
  });
});

describe('search vocabulary size and speed (printed)', () => {
  function report(label: string, catalog: SeedCatalog): SearchVocabulary {
    const texts = vocabularyTexts(catalog);
    let built = SearchVocabulary.build(texts);
    const buildRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      built = SearchVocabulary.build(texts);
      buildRuns.push(performance.now() - started);
    }
    const json = JSON.stringify(built);
    const loadStarted = performance.now();
    const loaded = SearchVocabulary.fromJSON(json);
    const loadMs = performance.now() - loadStarted;
    const queries = [
      'banh phongg',
      'khoo muc',
      'xoaif saays',
      'xoa2i sa61y',
      'banhtrang',
      'honney',
      'kho m',
      'mat ong rung',
    ];
    for (const q of queries) interpretQuery(q, loaded);
    const rounds = 1000;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const q of queries) interpretQuery(q, loaded);
    const micros = ((performance.now() - started) * 1000) / (rounds * queries.length);
    console.log(
      `${label}: ${catalog.document.products?.length ?? 0} products, ${texts.length} texts → ${loaded.size} words, ` +
        `${loaded.pairCount} pairs; JSON ${json.length} B, gzip ${gzipSync(json).length} B; ` +
        `build ${Math.min(...buildRuns).toFixed(0)} ms (best of 3), load ${loadMs.toFixed(1)} ms; ` +
        `interpretQuery ${micros.toFixed(1)} µs per query`,
    );
    expect(loaded.size).toBe(built.size);
    return loaded;
  }

  it('for the sample catalog', () => {
    report('sample', kienGiangCatalog);
  });

  it('for 20,000 synthetic products, and ranking them in memory', () => {
    const catalog = generateSyntheticCatalog({ products: 20_000, seed: 20201 });
    const loaded = report('synthetic', catalog);
    const docs = documents(catalog);
    const q = interpretQuery('mat ong rung', loaded, { typing: false });
    let ranked = rankSearchResults(docs, q, (l) => l.doc);
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      ranked = rankSearchResults(docs, q, (l) => l.doc);
      runs.push(performance.now() - started);
    }
    console.log(
      `synthetic: ranked ${docs.length} products in memory for "mat ong rung" in ` +
        `${Math.min(...runs).toFixed(0)} ms (best of 3; ${ranked.length} matches)`,
    );
    expect(ranked.length).toBeGreaterThan(0);
  }, 120_000);
});
