import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { WebhookSettings } from '../../config.js';
import { safeError } from '../../db/faults.js';
import type { Orm } from '../../db/orm.js';
import { encodeId } from '../../graphql/ids.js';
import type { Logger } from '../../logger.js';
import { changeCursor } from '../feed/feed.resolver.js';
import { type ChangeRow, FeedReader } from '../feed/feed.reader.js';
import type { ChangeKind } from '../feed/feed.service.js';
import { checkEndpointUrl, resolveEndpoint } from './webhook.address.js';
import { sign } from './webhook.signing.js';

/**
 * Delivers the change feed to partners' endpoints: at least once, in feed order for each
 * endpoint (so in order for each product), each event signed (webhook.signing.ts). An endpoint
 * is worked on by one process at a time (a lease in its row), so several API processes on one
 * database deliver each event once unless an attempt's outcome is lost. A failed attempt blocks
 * the endpoint's later events (their order matters) and is retried after WEBHOOK_RETRY_MS,
 * doubling each time up to an hour; an endpoint failing for WEBHOOK_GIVE_UP_HOURS is paused, with
 * the reason for ADMIN to read. Every attempt is logged in webhook_delivery.
 */

export const EVENT_TYPES: Record<ChangeKind, string> = {
  PUBLISHED: 'catalog.product.published',
  UPDATED: 'catalog.product.updated',
  WITHDRAWN: 'catalog.product.withdrawn',
};

/** What a delivery carries: the change as `catalogChanges` shows it. */
export function eventBody(change: ChangeRow, productId: string, sentAt: Date): { id: string; body: string } {
  const id = `evt_${change.seq}`;
  const withdrawn = change.kind === 'WITHDRAWN';
  const body = JSON.stringify({
    id,
    type: EVENT_TYPES[change.kind],
    timestamp: sentAt.toISOString(),
    data: {
      cursor: changeCursor(change.seq),
      sequence: change.seq,
      kind: change.kind,
      at: change.at,
      productId,
      slug: change.slug,
      category: withdrawn ? null : change.category,
      stars: withdrawn ? null : change.stars,
      certificateNumber: withdrawn ? null : change.certificateNumber,
    },
  });
  return { id, body };
}

interface WebhookRow {
  id: number | string;
  url: string;
  events: string | string[];
  secret: string;
  cursor: number | string;
  attempts: number | string;
  failing_since: string | number | Date | null;
}

const asDate = (v: string | number | Date | null): Date | null =>
  v === null ? null : v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);

/** Sends one request, following no redirect; resolves with the status or throws with why it failed. */
async function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  settings: WebhookSettings,
): Promise<number> {
  const { address, family } = await resolveEndpoint(url, settings.allowPrivate);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        // Connect to the address that was checked, whatever DNS says next.
        lookup: (_host, _options, done) => done(null, address, family),
        timeout: settings.timeoutMs,
        servername: url.hostname,
      },
      (res) => {
        // Nothing of the answer is needed beyond its status; read a little and stop.
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 4096) res.destroy();
        });
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('close', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${settings.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export interface Dispatcher {
  /** Looks for work now (after a write), instead of at the next tick. */
  kick(): void;
  stop(): Promise<void>;
}

export function startWebhookDispatcher(options: {
  orm: Orm;
  settings: WebhookSettings;
  logger: Logger;
  now: () => Date;
  intervalMs?: number;
}): Dispatcher {
  const { orm, settings, logger, now } = options;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const em = () => orm.em.fork() as SqlEntityManager;

  const deliver = async (hook: WebhookRow) => {
    const id = Number(hook.id);
    const events = new Set<string>(typeof hook.events === 'string' ? JSON.parse(hook.events) : hook.events);
    let cursor = Number(hook.cursor);
    let attempts = Number(hook.attempts);
    let failingSince = asDate(hook.failing_since);
    const url = checkEndpointUrl(hook.url);
    const reader = new FeedReader(em());
    for (;;) {
      const changes = await reader.after(cursor, 50);
      if (changes.length === 0) break;
      for (const change of changes) {
        if (stopped) return;
        if (!events.has(change.kind)) {
          cursor = change.seq;
          await em().execute('update webhook set cursor = ? where id = ?', [cursor, id]);
          continue;
        }
        const sentAt = now();
        const productId = encodeId('Product', change.productId);
        const { id: eventId, body } = eventBody(change, productId, sentAt);
        const timestamp = Math.floor(sentAt.getTime() / 1000);
        const started = performance.now();
        let status: number | null = null;
        let error: string | null = null;
        try {
          status = await post(
            url,
            {
              'content-type': 'application/json',
              'user-agent': 'OCOP-Catalog-Webhooks/1',
              'webhook-id': eventId,
              'webhook-timestamp': String(timestamp),
              'webhook-signature': sign(hook.secret, eventId, timestamp, body),
            },
            body,
            settings,
          );
          if (status < 200 || status >= 300) {
            error =
              status >= 300 && status < 400
                ? `answered ${status} (a redirect, which is not followed: give the final URL)`
                : `answered HTTP ${status}`;
          }
        } catch (e) {
          error = e instanceof Error ? e.message.slice(0, 500) : String(e);
        }
        const delivered = error === null;
        attempts++;
        const at = now();
        await em().execute(
          `insert into webhook_delivery (webhook_id, at, sequence, event_id, event_type, attempt, status_code, error, duration_ms, delivered)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            at,
            change.seq,
            eventId,
            EVENT_TYPES[change.kind],
            attempts,
            status,
            error,
            Math.round(performance.now() - started),
            delivered,
          ],
        );
        if (delivered) {
          cursor = change.seq;
          attempts = 0;
          failingSince = null;
          await em().execute(
            'update webhook set cursor = ?, attempts = 0, failing_since = null, next_attempt_at = null, last_error = null where id = ?',
            [cursor, id],
          );
          continue;
        }
        failingSince ??= at;
        if (at.getTime() - failingSince.getTime() >= settings.giveUpMs) {
          const reason = `Paused on ${at.toISOString()}: deliveries have failed since ${failingSince.toISOString()} (${attempts} attempts; last: ${error}). Fix the endpoint, then resumeWebhook: delivery continues with event ${eventId}.`;
          await em().execute(
            "update webhook set status = 'PAUSED', paused_reason = ?, attempts = ?, failing_since = ?, next_attempt_at = null, last_error = ? where id = ?",
            [reason, attempts, failingSince, error, id],
          );
          logger.warn({ webhook: id, attempts }, 'webhook endpoint paused after failing too long');
        } else {
          const wait = Math.min(settings.retryMs * 2 ** (attempts - 1), 3_600_000);
          await em().execute(
            'update webhook set attempts = ?, failing_since = ?, next_attempt_at = ?, last_error = ? where id = ?',
            [attempts, failingSince, new Date(at.getTime() + wait), error, id],
          );
        }
        return;
      }
    }
  };

  const pass = async () => {
    const at = now();
    const due = await em().execute<WebhookRow[]>(
      `select id, url, events, secret, cursor, attempts, failing_since from webhook
       where status = 'ACTIVE' and cursor < (select coalesce(max(seq), 0) from catalog_change)
       and (next_attempt_at is null or next_attempt_at <= ?) and (leased_until is null or leased_until < ?)
       order by id`,
      [at, at],
    );
    for (const hook of due) {
      if (stopped) return;
      // One process works on an endpoint at a time: take its lease, or leave it to whoever has it.
      const lease = new Date(at.getTime() + 60_000);
      const taken = await em().execute(
        'update webhook set leased_until = ? where id = ? and (leased_until is null or leased_until < ?)',
        [lease, hook.id, at],
        'run',
      );
      if (Number((taken as { affectedRows?: number }).affectedRows ?? 0) !== 1) continue;
      try {
        await deliver(hook);
      } catch (error) {
        logger.warn(
          { webhook: Number(hook.id), err: safeError(error) },
          'could not deliver webhook events; will retry',
        );
      } finally {
        await em()
          .execute('update webhook set leased_until = null where id = ?', [hook.id])
          .catch(() => undefined);
      }
    }
  };

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error) => logger.warn({ err: safeError(error) }, 'webhook dispatcher pass failed; will retry'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };

  const timer = setInterval(run, options.intervalMs ?? 500);
  timer.unref();
  return {
    kick: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
