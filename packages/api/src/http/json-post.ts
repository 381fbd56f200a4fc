import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { CachedPost } from '../graphql/response-cache.js';

/**
 * POST /graphql with a plain JSON body, the request partner apps and the site send most, answered
 * straight from Node's request to Apollo without Express: its router, body parser, CORS and
 * upload middleware cost more per request than the GraphQL work of a simple query (measured with
 * `--cpu-prof`, see test/bench). The answer is the same as through Express: the same CORS headers,
 * the same errors for a body that is too large or not JSON. A public question asked before is
 * answered from the response cache once its body is read (graphql/response-cache.ts). Anything
 * else (GET, OPTIONS, multipart uploads, a compressed or non-UTF-8 body) goes the Express way.
 */
export function isPlainJsonPost(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'POST' || req.url !== path) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type']?.toLowerCase().replace(/\s+/g, '');
  return type === 'application/json' || type === 'application/json;charset=utf-8';
}

/** The headers the CORS middleware sends on a simple request (see server.ts's `cors(...)`). */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-request-id,retry-after',
} as const;

/**
 * Where an answer made elsewhere (the worker thread's, graphql/offload.ts) leaves its bytes, for
 * this transport to send them as they are.
 */
export interface PassThrough {
  body?: Buffer;
}

type PassingContext = BaseContext & { passThrough?: PassThrough };

export interface JsonPostOptions<TContext extends PassingContext> {
  apollo: ApolloServer<TContext>;
  bodyLimitBytes: number;
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Called with an error raised outside GraphQL (the body could not be read), for the log. */
  onError: (error: unknown) => void;
  /** The response cache's place for a body (graphql/response-cache.ts); none to answer every request afresh. */
  cache?: (req: IncomingMessage, body: string) => CachedPost | undefined;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The headers a JSON answer is sent with: CORS, its own, its type and length. */
function jsonHeaders(body: string | Buffer, headers: Record<string, string> = {}): OutgoingHttpHeaders {
  return {
    ...CORS_HEADERS,
    ...headers,
    'content-type': headers['content-type'] ?? 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, jsonHeaders(body, headers));
  res.end(body);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () =>
    new BodyError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than the ${Math.round(limit / 1024)} kB this server accepts. Send a shorter query; use variables instead of inlining large values.`,
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // Nothing of it is read: the rest of the body is drained and dropped.
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks, size).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}

function parseBody(text: string): unknown {
  if (text.length === 0) return {};
  const notJson = () =>
    new BodyError(
      400,
      'BAD_REQUEST',
      'The request body is not valid JSON. Send {"query": "...", "variables": {...}} with Content-Type: application/json.',
    );
  // Like express.json's strict mode: only an object or an array is a GraphQL request body.
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw notJson();
  try {
    return JSON.parse(text);
  } catch {
    throw notJson();
  }
}

export async function answerJsonPost<TContext extends PassingContext>(
  req: IncomingMessage,
  res: ServerResponse,
  { apollo, bodyLimitBytes, context, onError, cache }: JsonPostOptions<TContext>,
): Promise<void> {
  let body: unknown;
  let cached: CachedPost | undefined;
  try {
    const text = await readBody(req, bodyLimitBytes);
    cached = cache?.(req, text);
    if (cached?.serve(res)) return;
    body = parseBody(text);
  } catch (error) {
    if (error instanceof BodyError) {
      sendJson(
        res,
        error.status,
        JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }),
      );
    } else {
      onError(error);
      sendJson(
        res,
        400,
        JSON.stringify({
          errors: [{ message: 'The request body could not be read.', extensions: { code: 'BAD_REQUEST' } }],
        }),
      );
    }
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const passThrough: PassThrough = {};
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body },
    context: async () => Object.assign(await context(req), { passThrough }),
  });
  const sent: Record<string, string> = {};
  for (const [key, value] of answer.headers) sent[key] = value;
  if (answer.body.kind === 'complete') {
    const status = answer.status ?? 200;
    const bytes = passThrough.body ?? answer.body.string;
    const headers = jsonHeaders(bytes, sent);
    cached?.keep(status, headers, bytes);
    res.writeHead(status, headers);
    res.end(bytes);
    return;
  }
  // Incremental delivery (@defer) is not enabled on this server; written as it comes should it be.
  res.writeHead(answer.status ?? 200, { ...CORS_HEADERS, ...sent });
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}
