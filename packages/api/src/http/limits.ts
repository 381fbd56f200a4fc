import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { GraphQLError } from 'graphql';
import type { TrustProxy } from '../config.js';

/**
 * Per-client allowance: a token bucket per client (an address, or a token's holder) that refills
 * at `perMinute` units a minute up to `burst`. A request takes 1 unit on arrival and, once its
 * cost is known, 1 more per 1,000 of cost, so one expensive query weighs as much as many cheap
 * ones. A client whose bucket is empty gets 429 with Retry-After until it has refilled.
 */
export interface Allowance {
  perMinute: number;
  burst: number;
}

interface Bucket {
  units: number;
  at: number;
  allowance: Allowance;
}

/** Units a query's cost adds to its request, per 1,000 of estimated cost. */
export const UNITS_PER_THOUSAND_COST = 1;

export function unitsForCost(cost: number): number {
  return (cost / 1000) * UNITS_PER_THOUSAND_COST;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly fallback: Allowance,
    private readonly now: () => number = Date.now,
    /** Clients remembered at most; the least recently seen are forgotten first (a full bucket). */
    private readonly maxClients = 100_000,
  ) {}

  get enabled(): boolean {
    return this.fallback.perMinute > 0;
  }

  private bucket(key: string, allowance: Allowance): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
      bucket.units = Math.min(allowance.burst, bucket.units + ((now - bucket.at) / 60_000) * allowance.perMinute);
      bucket.at = now;
      bucket.allowance = allowance;
    } else {
      bucket = { units: allowance.burst, at: now, allowance };
      if (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value as string);
    }
    this.buckets.set(key, bucket);
    return bucket;
  }

  /**
   * Takes `units` from `key`'s bucket. Returns 0 when allowed, else the seconds to wait before
   * the bucket holds a unit again (nothing is taken then).
   */
  take(key: string, units: number, allowance: Allowance = this.fallback): number {
    if (allowance.perMinute <= 0) return 0;
    const bucket = this.bucket(key, allowance);
    if (bucket.units < 1) return Math.max(1, Math.ceil(((1 - bucket.units) / allowance.perMinute) * 60));
    bucket.units -= units;
    return 0;
  }

  /** Charges `units` more to `key` (a query's cost, once known); the bucket may go below zero. */
  charge(key: string, units: number, allowance: Allowance = this.fallback): void {
    if (allowance.perMinute <= 0 || units <= 0) return;
    this.bucket(key, allowance).units -= units;
  }
}

/** A transport limit, not a rule of the catalog: a GraphQLError with its HTTP status (429), not a DomainError. */
export function rateLimited(retryAfterSeconds: number, allowance: Allowance, who: string): GraphQLError {
  return new GraphQLError(
    `Too many requests from ${who}: the allowance is ${allowance.perMinute} units a minute (bursts up to ${allowance.burst}); each request costs 1 unit plus 1 per 1,000 of its estimated cost. Wait ${retryAfterSeconds} s (Retry-After) and slow down, or ask the OCOP office for a partner key with its own quota.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function normalise(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address: the connecting peer's, or, when that peer is a trusted proxy, the
 * nearest address in X-Forwarded-For that is not itself a trusted proxy.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const peer = normalise(req.socket.remoteAddress ?? 'unknown');
  const trusted = (address: string) =>
    trust.kind === 'loopback' ? isLoopback(address) : trust.kind === 'addresses' && trust.addresses.includes(address);
  if (trust.kind === 'none' || !trusted(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => normalise(h.trim()))
    .filter((h) => isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trusted(hop)) return hop;
  }
  return peer;
}

/**
 * At most `concurrency` expensive queries execute at once; the others wait in line (at most
 * `maxWaiting`, each at most `maxWaitMs`). Heavy reads then cannot crowd out cheap ones: the
 * database and the event loop keep room for a product page and /healthz.
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting = 100,
    private readonly maxWaitMs = 10_000,
  ) {}

  /** Resolves with a release function once a slot is free; rejects with SERVER_BUSY when the line is full or too slow. */
  acquire(): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve(release);
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(serverBusy());
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(serverBusy());
      }, this.maxWaitMs);
      this.waiting.push(grant);
    });
  }
}

/** A transport limit (503), like {@link rateLimited}. */
function serverBusy(): GraphQLError {
  return new GraphQLError(
    'The server is answering as many expensive queries as it can right now, so this one was not run. Try again in a few seconds, or ask for smaller pages.',
    { extensions: { code: 'SERVER_BUSY', http: { status: 503, headers: new Map([['retry-after', '2']]) } } },
  );
}
