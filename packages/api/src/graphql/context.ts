import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { IsoDate } from '@ocop/domain';
import type { Allowance } from '../http/limits.js';
import type { PassThrough } from '../http/json-post.js';
import type { PortalDeps } from '../http/portal.js';
import type { RequestInfo } from '../http/request-log.js';
import type { AuthProblem, Caller } from '../modules/auth/token.service.js';
import type { ResponseBudget } from './ceiling.js';
import { createLoaders, type Loaders } from './loaders.js';
import { createMemo, type Memo } from './memo.js';

export type Lang = 'vi' | 'en';

/** Built fresh for every request: its own EntityManager fork and its own DataLoaders. */
export interface Context {
  em: EntityManager;
  /** Language asked for by Accept-Language; a field's `lang` argument overrides it. */
  lang: Lang;
  /** The calendar day of the request in Vietnam: what "valid today" means. */
  today: IsoDate;
  loaders: Loaders;
  memo: Memo;
  /** Who sent a valid `Authorization: Bearer <token>`: the token's id, name and role; null for the public. */
  auth: Caller | null;
  /** Why a token that was sent was not accepted, so protected operations can say what to fix. */
  authProblem?: AuthProblem;
  /** The request's id and what the access log records of it. */
  request?: RequestInfo;
  /** List items this response may still hold (graphql/ceiling.ts). */
  budget?: ResponseBudget;
  /** The server's settings that the trade-portal resolvers (photos, quote requests) need. */
  portal: PortalDeps;
  /** Present when the transport can send the worker thread's bytes as they are (http/json-post.ts). */
  passThrough?: PassThrough;
  /** Whose allowance pays for this request (http/limits.ts). */
  rate?: { key: string; allowance: Allowance };
}

/** 'en' when the client prefers English over Vietnamese in Accept-Language, otherwise 'vi'. */
export function languageFromHeader(header: string | undefined): Lang {
  if (!header) return 'vi';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    const primary = tag.split('-')[0];
    if ((primary === 'vi' || primary === 'en') && Number.isFinite(q) && (!best || q > best.q)) {
      best = { lang: primary, q };
    }
  }
  return best?.lang ?? 'vi';
}

/** A request's context from what is known of its caller, on its own EntityManager fork `em`: fresh loaders, an empty budget. */
export function createContext(
  em: EntityManager,
  caller: Pick<Context, 'today' | 'lang' | 'auth' | 'authProblem' | 'request' | 'rate' | 'portal'>,
  maxItems: number,
): Context {
  return {
    ...caller,
    em,
    loaders: createLoaders(em, caller.today),
    memo: createMemo(),
    budget: { items: 0, max: maxItems, exceeded: false },
  };
}
