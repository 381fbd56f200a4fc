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

/**
 * What must be equal in two answers to the same question. Cursors are each server's own
 * encoding and are left out; searches are not compared (see assertSameAnswer).
 */
export function comparable(kind: keyof typeof API_QUERIES, data: Json): unknown {
  if (kind === 'categoryPage') {
    const products = data.products as Json & { pageInfo: Json };
    return { totalCount: products.totalCount, hasNextPage: products.pageInfo.hasNextPage, nodes: products.nodes };
  }
  if (kind === 'search') {
    // The two searches differ by design (see assertSameAnswer): only whether each found something compares.
    return { found: Number((data.products as Json).totalCount) > 0 };
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
  // The API's search forgives (typos, Telex and VNI keystrokes, words run together; it also reads
  // producer and place names and ranks by where the words stand), answered from its in-memory
  // index; PostGraphile's is the SQL LIKE word-prefix search of test/bench/postgraphile/schema.sql.
  // No SQL function can give the API's answers, so a search only has to find something on both
  // servers when it finds something on one; the report says so.
  const a = comparable(kind, api);
  const b = comparable(kind, peer);
  if (isDeepStrictEqual(a, b)) return;
  const show = (v: unknown) => JSON.stringify(v).slice(0, 2000);
  throw new Error(
    `The API and PostGraphile answered ${kind} ${JSON.stringify(variables)} differently, so timing them would compare different work. Fix test/bench/postgraphile/schema.sql (or the queries in test/bench/peer.ts) until they agree.\nAPI:          ${show(a)}\nPostGraphile: ${show(b)}`,
  );
}
