import { Migration } from '@mikro-orm/migrations';

/**
 * Partner keys and webhooks (PostgreSQL).
 * - api_token: role PARTNER, and a partner key's own allowance (quota_per_minute).
 * - audit_entry: 'Webhook' among the audited records.
 * - api_token_usage: requests and allowance units per token and day (Vietnam's calendar).
 * - webhook, webhook_delivery: partners' endpoints, where each stands in the change feed, and
 *   every delivery attempt.
 */
export class Migration20261201300000PartnersWebhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "api_token" drop constraint "api_token_role_check"');
    this.addSql(
      `alter table "api_token" add constraint "api_token_role_check" check ("role" in ('ADMIN', 'EVALUATOR', 'PARTNER'))`,
    );
    this.addSql('alter table "api_token" add column "quota_per_minute" int null');
    this.addSql('alter table "audit_entry" drop constraint "audit_entry_entity_type_check"');
    this.addSql(
      `alter table "audit_entry" add constraint "audit_entry_entity_type_check" check ("entity_type" in ('Producer', 'Product', 'Evaluation', 'Certificate', 'ApiToken', 'Webhook'))`,
    );
    this.addSql(
      `create table "api_token_usage" ("token_id" int not null references "api_token" ("id") on delete cascade, "day" date not null, "requests" int not null default 0, "units" double precision not null default 0, primary key ("token_id", "day"))`,
    );
    this.addSql(
      `create table "webhook" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "url" varchar(2000) not null, "description" varchar(200) not null, "events" jsonb not null, "secret" varchar(100) not null, "status" text not null check ("status" in ('ACTIVE', 'PAUSED')), "paused_reason" varchar(1000) null, "cursor" bigint not null, "attempts" int not null default 0, "failing_since" timestamptz null, "next_attempt_at" timestamptz null, "leased_until" timestamptz null, "last_error" varchar(1000) null)`,
    );
    this.addSql(
      `create table "webhook_delivery" ("id" serial primary key, "webhook_id" int not null references "webhook" ("id") on delete cascade, "at" timestamptz not null, "sequence" bigint not null, "event_id" varchar(60) not null, "event_type" varchar(60) not null, "attempt" int not null, "status_code" int null, "error" varchar(1000) null, "duration_ms" int not null, "delivered" boolean not null)`,
    );
    this.addSql('create index "webhook_delivery_webhook_id_index" on "webhook_delivery" ("webhook_id", "id")');
  }
}
