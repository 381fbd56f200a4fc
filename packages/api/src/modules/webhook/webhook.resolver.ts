import type { SqlEntityManager } from '@mikro-orm/knex';
import { DomainError, ERROR_CODES } from '@ocop/domain';
import {
  Arg,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { encodeId } from '../../graphql/ids.js';
import { decodeCursor } from '../../graphql/relay.js';
import { type AuditTrail, checkText, Issues, refuse, requireId, runMutation } from '../audit/mutation.js';
import { requireRole } from '../auth/auth.guard.js';
import { changeCursor } from '../feed/feed.resolver.js';
import { CHANGE_KINDS, type ChangeKind } from '../feed/feed.service.js';
import { checkEndpointUrl, EndpointRefused, resolveEndpoint } from './webhook.address.js';
import { generateSecret } from './webhook.signing.js';

/** Settings the admin operations need (from config.webhooks), set by the server at start. */
let allowPrivate = false;
export function configureWebhooks(settings: { allowPrivate: boolean }): void {
  allowPrivate = settings.allowPrivate;
}

@ObjectType({ simpleResolvers: true, description: 'One attempt to deliver an event to an endpoint.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Opaque ID of the attempt.' })
  id!: string;

  @Field(() => String, { description: 'When it was made (ISO 8601).' })
  at!: string;

  @Field(() => String, { description: 'The event’s id (the `webhook-id` header), the same on every retry.' })
  eventId!: string;

  @Field(() => String, { description: 'catalog.product.published, .updated or .withdrawn.' })
  eventType!: string;

  @Field(() => Int, { description: 'Position of the event in the change feed.' })
  sequence!: number;

  @Field(() => Int, { description: 'Which attempt at this event, from 1.' })
  attempt!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status the endpoint answered, if it answered.' })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null when delivered.' })
  error!: string | null;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  durationMs!: number;

  @Field(() => Boolean, { description: 'True when the endpoint answered 2xx.' })
  delivered!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A partner’s endpoint that receives the change feed as signed events (ADMIN only).',
})
export class Webhook {
  @Field(() => ID, { description: 'Opaque ID of the endpoint.' })
  id!: string;

  webhookId!: number;

  @Field(() => String, { description: 'Where events are POSTed.' })
  url!: string;

  @Field(() => String, { description: 'What it is for, e.g. "Sàn TMĐT tỉnh: đồng bộ sản phẩm OCOP".' })
  description!: string;

  @Field(() => [String], { description: 'The kinds of change it receives: PUBLISHED, UPDATED, WITHDRAWN.' })
  @Extensions({ listSize: 3 })
  events!: string[];

  @Field(() => String, { description: 'ACTIVE, or PAUSED (by ADMIN, or after failing too long).' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it was paused.' })
  pausedReason!: string | null;

  @Field(() => String, { description: 'The change-feed cursor of the last event delivered (or skipped).' })
  cursor!: string;

  @Field(() => Int, { description: 'Failed attempts at the event it is stuck on (0 when all is well).' })
  failedAttempts!: number;

  @Field(() => String, { nullable: true, description: 'When the next attempt is due, while failing.' })
  nextAttemptAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The last failure.' })
  lastError!: string | null;

  @Field(() => String, { description: 'When it was registered (ISO 8601).' })
  createdAt!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An endpoint with its signing secret, shown only when created or rotated.',
})
export class WebhookWithSecret {
  @Field(() => Webhook, { description: 'The endpoint.' })
  webhook!: Webhook;

  @Field(() => String, {
    description: 'The signing secret (whsec_…): give it to the partner to verify `webhook-signature`. Not shown again.',
  })
  secret!: string;
}

@InputType({ description: 'A partner’s endpoint to register.' })
export class CreateWebhookInput {
  @Field(() => String, {
    description: 'Where to POST events: a public https:// (or http://) URL; redirects are not followed.',
  })
  url!: string;

  @Field(() => [String], {
    description: 'The kinds of change to send: any of PUBLISHED, UPDATED, WITHDRAWN (CatalogChangeKind).',
  })
  events!: string[];

  @Field(() => String, { description: 'What it is for and who runs it, at most 200 characters.' })
  description!: string;
}

interface Row {
  id: number | string;
  url: string;
  description: string;
  events: string | string[];
  status: string;
  paused_reason: string | null;
  cursor: number | string;
  attempts: number | string;
  next_attempt_at: string | number | Date | null;
  last_error: string | null;
  created_at: string | number | Date;
  secret?: string;
}

const iso = (v: string | number | Date | null): string | null =>
  v === null
    ? null
    : (v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v)).toISOString();

const COLUMNS =
  'id, url, description, events, status, paused_reason, cursor, attempts, next_attempt_at, last_error, created_at';

function view(r: Row): Webhook {
  return Object.assign(new Webhook(), {
    id: encodeId('Webhook', Number(r.id)),
    webhookId: Number(r.id),
    url: r.url,
    description: r.description,
    events: typeof r.events === 'string' ? JSON.parse(r.events) : r.events,
    status: r.status,
    pausedReason: r.paused_reason,
    cursor: changeCursor(Number(r.cursor)),
    failedAttempts: Number(r.attempts),
    nextAttemptAt: iso(r.next_attempt_at),
    lastError: r.last_error,
    createdAt: iso(r.created_at) as string,
  });
}

async function load(tx: SqlEntityManager, id: number): Promise<Row> {
  const [row] = await tx.execute<Row[]>(`select ${COLUMNS} from webhook where id = ?`, [id]);
  if (!row) refuse('id', ERROR_CODES.NOT_FOUND, `No webhook has this id. The \`webhooks\` query lists them.`);
  return row as Row;
}

function checkEvents(issues: Issues, events: string[]): ChangeKind[] {
  const wanted = [...new Set(events.map((e) => e.trim().toUpperCase()))];
  const bad = wanted.filter((e) => !(CHANGE_KINDS as readonly string[]).includes(e));
  if (wanted.length === 0 || bad.length > 0) {
    issues.add(
      'events',
      ERROR_CODES.VALIDATION_FAILED,
      bad.length
        ? `${bad.map((b) => `"${b.slice(0, 30)}"`).join(', ')} ${bad.length === 1 ? 'is not a kind' : 'are not kinds'} of change; choose among ${CHANGE_KINDS.join(', ')}.`
        : `Choose at least one kind of change to receive: ${CHANGE_KINDS.join(', ')}.`,
    );
  }
  return wanted as ChangeKind[];
}

async function checkUrl(issues: Issues, raw: string): Promise<string | undefined> {
  try {
    const url = checkEndpointUrl(raw);
    await resolveEndpoint(url, allowPrivate);
    return url.toString();
  } catch (error) {
    if (!(error instanceof EndpointRefused)) throw error;
    issues.add('url', ERROR_CODES.VALIDATION_FAILED, error.message);
    return undefined;
  }
}

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'Partners’ endpoints, newest first, with their delivery state (ADMIN).' })
  @Extensions({ listSize: 20 })
  async webhooks(@Ctx() ctx: Context): Promise<Webhook[]> {
    requireRole(ctx, 'ADMIN');
    const rows = await ctx.em.execute<Row[]>(`select ${COLUMNS} from webhook order by id desc`, []);
    return rows.map(view);
  }

  @FieldResolver(() => [WebhookDelivery], { description: 'Its latest delivery attempts, newest first.' })
  @Extensions({ listSize: 20 })
  async deliveries(
    @Root() hook: Webhook,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1–100.' }) first: number,
  ): Promise<WebhookDelivery[]> {
    const limit = Math.max(1, Math.min(100, Math.trunc(first)));
    const rows = await ctx.em.execute<
      {
        id: number;
        at: string | number | Date;
        event_id: string;
        event_type: string;
        sequence: number | string;
        attempt: number | string;
        status_code: number | null;
        error: string | null;
        duration_ms: number | string;
        delivered: boolean | number;
      }[]
    >('select * from webhook_delivery where webhook_id = ? order by id desc limit ?', [hook.webhookId, limit]);
    return rows.map((r) =>
      Object.assign(new WebhookDelivery(), {
        id: encodeId('WebhookDelivery', Number(r.id)),
        at: iso(r.at),
        eventId: r.event_id,
        eventType: r.event_type,
        sequence: Number(r.sequence),
        attempt: Number(r.attempt),
        statusCode: r.status_code === null ? null : Number(r.status_code),
        error: r.error,
        durationMs: Number(r.duration_ms),
        delivered: Boolean(Number(r.delivered)),
      }),
    );
  }

  @Mutation(() => WebhookWithSecret, {
    description:
      'Registers a partner’s endpoint (ADMIN). It receives, from now on, the kinds of change chosen, as signed events (docs/partners.md), at least once and in order; failed deliveries are retried with back-off for 24 h, then the endpoint is paused. Endpoints on loopback or private addresses are refused.',
  })
  async createWebhook(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateWebhookInput, { description: 'Where, what, and why.' }) input: CreateWebhookInput,
  ): Promise<WebhookWithSecret> {
    const caller = requireRole(ctx, 'ADMIN');
    const issues = new Issues();
    const url = await checkUrl(issues, input.url);
    const events = checkEvents(issues, input.events);
    const description = checkText(issues, 'description', input.description, {
      label: 'The description',
      max: 200,
      required: true,
    });
    issues.throwIfAny();
    const secret = generateSecret();
    return runMutation(ctx, caller, 'createWebhook', async (tx, audit) => {
      const at = new Date();
      const [head] = await tx.execute<{ seq: number | string | null }[]>(
        'select max(seq) as seq from catalog_change',
        [],
      );
      await tx.execute(
        `insert into webhook (created_at, updated_at, url, description, events, secret, status, cursor, attempts)
         values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 0)`,
        [at, at, url, description, JSON.stringify(events), secret, Number(head?.seq ?? 0)],
      );
      const [created] = await tx.execute<Row[]>(`select ${COLUMNS} from webhook where secret = ?`, [secret]);
      const row = created as Row;
      audit.record('Webhook', Number(row.id), {
        url: { from: null, to: url },
        events: { from: null, to: events },
        description: { from: null, to: description },
      });
      return Object.assign(new WebhookWithSecret(), { webhook: view(row), secret });
    });
  }

  @Mutation(() => Webhook, { description: 'Stops deliveries to an endpoint until `resumeWebhook` (ADMIN).' })
  pauseWebhook(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The endpoint’s `id`.' }) id: string) {
    return this.change(ctx, id, 'pauseWebhook', async (tx, audit, row) => {
      await tx.execute("update webhook set status = 'PAUSED', paused_reason = ?, updated_at = ? where id = ?", [
        'Paused by an administrator.',
        new Date(),
        row.id,
      ]);
      audit.record('Webhook', Number(row.id), { status: { from: row.status, to: 'PAUSED' } });
    });
  }

  @Mutation(() => Webhook, {
    description:
      'Resumes deliveries to a paused endpoint (ADMIN), from where it stopped: nothing is skipped. Failure counts start afresh.',
  })
  resumeWebhook(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The endpoint’s `id`.' }) id: string) {
    return this.change(ctx, id, 'resumeWebhook', async (tx, audit, row) => {
      await tx.execute(
        "update webhook set status = 'ACTIVE', paused_reason = null, attempts = 0, failing_since = null, next_attempt_at = null, updated_at = ? where id = ?",
        [new Date(), row.id],
      );
      audit.record('Webhook', Number(row.id), { status: { from: row.status, to: 'ACTIVE' } });
    });
  }

  @Mutation(() => Webhook, {
    description:
      'Sends an endpoint the events after `after` again, in order (ADMIN): a change-feed cursor (`catalogChanges`, a delivery’s `sequence`).',
  })
  redeliverWebhook(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The endpoint’s `id`.' }) id: string,
    @Arg('after', () => String, { description: 'Resend every event after this change-feed cursor.' }) after: string,
  ) {
    const [tag, sequence] = decodeCursor(after, 'after', 2);
    if (tag !== 'CHANGE' || typeof sequence !== 'number' || sequence < 0) {
      throw new DomainError(
        ERROR_CODES.INVALID_CURSOR,
        'The cursor given as `after` does not belong to the change feed: pass a `cursor` from `catalogChanges` or a webhook.',
        [{ field: 'after', code: ERROR_CODES.INVALID_CURSOR, message: 'Not a change-feed cursor.' }],
      );
    }
    return this.change(ctx, id, 'redeliverWebhook', async (tx, audit, row) => {
      await tx.execute(
        'update webhook set cursor = ?, attempts = 0, failing_since = null, next_attempt_at = null, updated_at = ? where id = ?',
        [sequence, new Date(), row.id],
      );
      audit.record('Webhook', Number(row.id), { cursor: { from: Number(row.cursor), to: sequence } });
    });
  }

  @Mutation(() => WebhookWithSecret, {
    description: 'Gives an endpoint a new signing secret (ADMIN); events are signed with it from now on.',
  })
  async rotateWebhookSecret(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The endpoint’s `id`.' }) id: string,
  ): Promise<WebhookWithSecret> {
    const secret = generateSecret();
    const webhook = await this.change(ctx, id, 'rotateWebhookSecret', async (tx, audit, row) => {
      await tx.execute('update webhook set secret = ?, updated_at = ? where id = ?', [secret, new Date(), row.id]);
      audit.record('Webhook', Number(row.id), { secret: { from: 'whsec_…', to: 'whsec_… (new)' } });
    });
    return Object.assign(new WebhookWithSecret(), { webhook, secret });
  }

  @Mutation(() => ID, { description: 'Deletes an endpoint and its delivery log (ADMIN); returns its id.' })
  async deleteWebhook(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The endpoint’s `id`.' }) id: string) {
    await this.change(ctx, id, 'deleteWebhook', async (tx, audit, row) => {
      await tx.execute('delete from webhook_delivery where webhook_id = ?', [row.id]);
      await tx.execute('delete from webhook where id = ?', [row.id]);
      audit.record('Webhook', Number(row.id), { url: { from: row.url, to: null } });
    });
    return id;
  }

  private async change(
    ctx: Context,
    id: string,
    operation: string,
    work: (tx: SqlEntityManager, audit: AuditTrail, row: Row) => Promise<void>,
  ): Promise<Webhook> {
    const caller = requireRole(ctx, 'ADMIN');
    const webhookId = requireId('id', id, 'Webhook');
    return runMutation(ctx, caller, operation, async (tx, audit) => {
      const row = await load(tx, webhookId);
      await work(tx, audit, row);
      const [after] = await tx.execute<Row[]>(`select ${COLUMNS} from webhook where id = ?`, [webhookId]);
      return after ? view(after) : view(row);
    });
  }
}
