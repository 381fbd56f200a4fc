/**
 * A minimal client of the API shared by the build (src/lib/api.ts, open-data.ts) and the on-demand
 * certificate check (src/lib/verify.ts). It turns every way a request can fail into an ApiError
 * whose message says what happened and which setting to look at.
 *
 * Operations are written with `graphql` (gql.tada): their result and variable types are read
 * from the API's committed schema (packages/api/schema.graphql, introspected into
 * graphql-env.d.ts by `pnpm check:types`), so a field the API renames or drops fails the type
 * check here instead of a page at build time.
 */
import { print } from '@0no-co/graphql.web';
import { graphql, type TadaDocumentNode } from 'gql.tada';

export { graphql };

export type ApiFailure = 'UNREACHABLE' | 'HTTP' | 'GRAPHQL';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly failure: ApiFailure,
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The innermost cause of a failed fetch ("connect ECONNREFUSED 127.0.0.1:4000"). */
function networkReason(error: unknown): string {
  let e: unknown = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  if (e instanceof Error && e.name === 'TimeoutError') return 'no answer in time';
  return e instanceof Error ? e.message : String(e);
}

export interface RequestOptions {
  /** Abort after this many milliseconds (default 15 s). */
  timeoutMs?: number;
  /**
   * Longest total wait, in milliseconds, when the API answers 429 (over the allowance) or 503
   * (database busy): the request is retried after its Retry-After until then. Default 0: a
   * buyer's request fails at once; the build waits.
   */
  patienceMs?: number;
  /** Extra headers (a partner key, the buyer's address for the API's per-client limits). */
  headers?: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the build's requests use: a long timeout, and patience with the API's limits. */
export const BUILD_REQUEST: RequestOptions = { timeoutMs: 60_000, patienceMs: 300_000 };

/**
 * For a build-time request's `.catch`: when the API cannot give what the build needs, the build
 * stops with one line naming the setting and `need` rather than Astro's stack trace (there is
 * nothing to fix in the site's code). Any other error is thrown on.
 */
export function stopBuildWithout(need: string): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof ApiError)) throw error;
    console.error(`\nOCOP_API_URL: ${error.message}. ${need}; check that the API is running and up to date.\n`);
    process.exit(1);
  };
}

/**
 * Sends one request to the API; while it answers 429 or 503, waits its Retry-After and sends it
 * again, as long as the options' patience lasts.
 */
async function send(url: string, options: RequestOptions, init: RequestInit): Promise<Response> {
  const deadline = Date.now() + (options.patienceMs ?? 0);
  for (;;) {
    let res: Response;
    try {
      res = await fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...options.headers },
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new ApiError(`cannot reach the OCOP API at ${url} (${networkReason(error)})`, 'UNREACHABLE');
    }
    if (res.status !== 429 && res.status !== 503) return res;
    const wait = Math.max(1, Number(res.headers.get('retry-after')) || 1) * 1000;
    if (Date.now() + wait > deadline) return res;
    await res.arrayBuffer();
    await sleep(wait);
  }
}

/** GETs a file the API serves (`url`), as its bytes, or throws an ApiError. */
export async function fetchFromApi(url: string, options: RequestOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const res = await send(url, options, { method: 'GET' });
  if (!res.ok) throw new ApiError(`the OCOP API answered HTTP ${res.status} for ${url}`, 'HTTP');
  try {
    return new Uint8Array(await res.arrayBuffer());
  } catch (error) {
    throw new ApiError(`the OCOP API stopped sending ${url} (${networkReason(error)})`, 'UNREACHABLE');
  }
}

/** Printed operations, by document: each is sent many times in a build. */
const printed = new WeakMap<object, string>();

/** POSTs one GraphQL operation to `url` and returns its data, or throws an ApiError. */
export async function request<T, V>(
  url: string,
  document: TadaDocumentNode<T, V>,
  variables: V,
  options: RequestOptions = {},
): Promise<T> {
  let query = printed.get(document);
  if (query === undefined) {
    query = print(document);
    printed.set(document, query);
  }
  const res = await send(url, options, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: GraphQLBody<T>;
  try {
    body = (await res.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(
      `the OCOP API at ${url} answered HTTP ${res.status} without a GraphQL body; is that the /graphql endpoint?`,
      'HTTP',
    );
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    const code = first.extensions?.code ? ` [${first.extensions.code}]` : '';
    const more = body.errors.length > 1 ? ` (and ${body.errors.length - 1} more)` : '';
    throw new ApiError(`the OCOP API at ${url} refused the query: ${first.message}${code}${more}`, 'GRAPHQL');
  }
  if (!body.data) throw new ApiError(`the OCOP API at ${url} answered HTTP ${res.status} with no data`, 'HTTP');
  return body.data;
}

const PROBE_QUERY = graphql('query Probe { __typename }');

/**
 * Answers whether the API can be queried at all: the build's first step (see astro.config.ts,
 * which can only import modules free of workspace packages, like this one).
 */
export async function probeApi(apiUrl: string): Promise<void> {
  await request(apiUrl, PROBE_QUERY, {}, { timeoutMs: 10_000 });
}
