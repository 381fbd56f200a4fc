/**
 * The peer the benchmark compares the API with: PostGraphile 4 (test/bench/postgraphile/) over the
 * same PostgreSQL database, asked the same questions in its own schema's words, and the check
 * that both answer them with the same products before anything is timed.
 */
import { isDeepStrictEqual } from 'node:util';

/** Our API's questions, one per kind of workload. */
export const API_QUERIES = {
  categoryPage: `query CategoryPage($category: CategoryCode!) {
  products(filter: { categories: [$category] }, first: 20) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { slug name stars producer { name phone } region { name } district { name } certificate { number issuedOn expiresOn } }
  }
}`,
  search: `query Search($q: String!) {
  products(search: $q, first: 20) { totalCount nodes { slug name stars producer { name } region { name } } }
  facets(search: $q) { totalCount categories { value count } stars { value count } regions { value label count } producerTypes { value count } }
}`,
  product: productQuery('product(slug: $slug)', 'related(first: 4)'),
  productWithoutRelated: productQuery('product(slug: $slug)'),
};

/**
 * The same questions for PostGraphile. Aliases give its answers our field names, so the two can
 * be compared as they come. Its views name columns as our fields (name, description, story);
 * `relatedList` and the search functions are SQL functions in test/bench/postgraphile/schema.sql.
 */
export const PEER_QUERIES = {
  categoryPage: `query CategoryPage($category: String!) {
  products(condition: { category: $category }, first: 20, orderBy: [NAME_SORT_KEY_ASC, ID_ASC]) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { slug name stars producer { name phone } region { name } district { name } certificate { number issuedOn expiresOn } }
  }
}`,
  search: `query Search($q: String!) {
  products: searchProducts(search: $q, first: 20) { totalCount nodes { slug name stars producer { name } region { name } } }
  facets: searchFacetsList(search: $q) { dimension value label count }
}`,
  product: productQuery('product: productBySlug(slug: $slug)', 'related: relatedList(n: 4)'),
  productWithoutRelated: productQuery('product: productBySlug(slug: $slug)'),
};

function productQuery(field: string, related?: string): string {
  return `query Product($slug: String!) {
  ${field} {
    slug name description story stars category producer { name phone email address website }
    region { fullName } district { name } certificate { number issuedOn expiresOn decisionNumber issuingLevel }${related ? `\n    ${related} { slug name stars }` : ''}
  }
}`;
}

export function gqlBody(query: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, variables });
}

type Json = Record<string, unknown>;

interface FacetRow {
  dimension: string;
  value: string;
  label: string | null;
  count: number;
}

/** Our `facets` answer as PostGraphile's rows: the choices with results, and the total. */
function apiFacetRows(facets: Json): FacetRow[] {
  const rows: FacetRow[] = [{ dimension: 'total', value: '', label: null, count: facets.totalCount as number }];
  const dimensions = { categories: 'category', stars: 'stars', producerTypes: 'producerType', regions: 'region' };
  for (const [field, dimension] of Object.entries(dimensions)) {
    for (const f of facets[field] as { value: string; label?: string; count: number }[]) {
      if (f.count > 0) rows.push({ dimension, value: f.value, label: f.label ?? null, count: f.count });
    }
  }
  return rows;
}

/** Facet rows in one order, so that two lists are compared as sets. */
function sortedFacets(rows: FacetRow[]): FacetRow[] {
  return rows
    .map((r) => ({ ...r, value: r.value ?? '' }))
    .sort((a, b) => `${a.dimension}|${a.value}`.localeCompare(`${b.dimension}|${b.value}`));
}

/**
 * What must be equal in two answers to the same question. Cursors are each server's own
 * encoding and are left out; facets are compared as sets of (dimension, value, label, count):
 * our API lists every category, star band and producer type, zero counts included, and orders
 * regions with equal counts by Vietnamese dictionary order, which PostgreSQL's C collation does
 * not know.
 */
export function comparable(kind: keyof typeof API_QUERIES, data: Json, from: 'api' | 'peer'): unknown {
  if (kind === 'categoryPage') {
    const products = data.products as Json & { pageInfo: Json };
    return { totalCount: products.totalCount, hasNextPage: products.pageInfo.hasNextPage, nodes: products.nodes };
  }
  if (kind === 'search') {
    const facets = from === 'api' ? apiFacetRows(data.facets as Json) : (data.facets as FacetRow[]);
    return { products: data.products, facets: sortedFacets(facets) };
  }
  return data.product;
}

/** Throws, showing both answers, when the two servers answered a question differently. */
export function assertSameAnswer(
  kind: keyof typeof API_QUERIES,
  variables: Record<string, unknown>,
  api: Json,
  peer: Json,
): void {
  const a = comparable(kind, api, 'api');
  const b = comparable(kind, peer, 'peer');
  if (isDeepStrictEqual(a, b)) return;
  const show = (v: unknown) => JSON.stringify(v).slice(0, 2000);
  throw new Error(
    `The API and PostGraphile answered ${kind} ${JSON.stringify(variables)} differently, so timing them would compare different work. Fix test/bench/postgraphile/schema.sql (or the queries in test/bench/peer.ts) until they agree.\nAPI:          ${show(a)}\nPostGraphile: ${show(b)}`,
  );
}
