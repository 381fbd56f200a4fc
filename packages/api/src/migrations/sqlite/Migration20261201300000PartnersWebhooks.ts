import { Migration } from '@mikro-orm/migrations';

/**
 * Partner keys and webhooks (SQLite).
 * - api_token: role PARTNER, and a partner key's own allowance (quota_per_minute). SQLite cannot
 *   change a CHECK constraint, so the table is rebuilt (audit entries keep pointing at the same
 *   ids; foreign keys are checked at commit).
 * - audit_entry: 'Webhook' among the audited records; rebuilt the same way, its append-only
 *   triggers recreated.
 * - api_token_usage: requests and allowance units per token and day (Vietnam's calendar).
 * - webhook, webhook_delivery: partners' endpoints, where each stands in the change feed, and
 *   every delivery attempt.
 */
export class Migration20261201300000PartnersWebhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql('pragma defer_foreign_keys = on');
    this.addSql(
      `create table "api_token_new" ("id" integer not null primary key autoincrement, "name" text not null, "role" text check ("role" in ('ADMIN', 'EVALUATOR', 'PARTNER')) not null, "token_hash" text not null, "created_at" datetime not null, "revoked_at" datetime null, "last_used_at" datetime null, "quota_per_minute" integer null)`,
    );
    this.addSql(
      'insert into "api_token_new" ("id", "name", "role", "token_hash", "created_at", "revoked_at", "last_used_at") select "id", "name", "role", "token_hash", "created_at", "revoked_at", "last_used_at" from "api_token"',
    );
    this.addSql('drop table "api_token"');
    this.addSql('alter table "api_token_new" rename to "api_token"');
    this.addSql(`create unique index "api_token_token_hash_unique" on "api_token" ("token_hash")`);

    this.addSql('drop trigger "audit_entry_no_update"');
    this.addSql('drop trigger "audit_entry_no_delete"');
    this.addSql(
      `create table "audit_entry_new" ("id" integer not null primary key autoincrement, "at" datetime not null, "token_id" integer null, "actor_name" text not null, "actor_role" text check ("actor_role" in ('ADMIN', 'EVALUATOR')) null, "operation" text not null, "entity_type" text check ("entity_type" in ('Producer', 'Product', 'Evaluation', 'Certificate', 'ApiToken', 'Webhook')) not null, "entity_id" integer not null, "changes" json not null, constraint "audit_entry_token_id_foreign" foreign key("token_id") references "api_token"("id") on delete restrict on update cascade)`,
    );
    this.addSql('insert into "audit_entry_new" select * from "audit_entry"');
    this.addSql('drop table "audit_entry"');
    this.addSql('alter table "audit_entry_new" rename to "audit_entry"');
    this.addSql(`create index "audit_entry_token_id_index" on "audit_entry" ("token_id")`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id")`);
    this.addSql(
      `create trigger "audit_entry_no_update" before update on "audit_entry" begin select raise(abort, 'audit entries are never changed'); end`,
    );
    this.addSql(
      `create trigger "audit_entry_no_delete" before delete on "audit_entry" begin select raise(abort, 'audit entries are never deleted'); end`,
    );

    this.addSql(
      `create table "api_token_usage" ("token_id" integer not null, "day" date not null, "requests" integer not null default 0, "units" real not null default 0, primary key ("token_id", "day"), constraint "api_token_usage_token_id_foreign" foreign key("token_id") references "api_token"("id") on delete cascade)`,
    );
    this.addSql(
      `create table "webhook" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "url" text not null, "description" text not null, "events" json not null, "secret" text not null, "status" text check ("status" in ('ACTIVE', 'PAUSED')) not null, "paused_reason" text null, "cursor" integer not null, "attempts" integer not null default 0, "failing_since" datetime null, "next_attempt_at" datetime null, "leased_until" datetime null, "last_error" text null)`,
    );
    this.addSql(
      `create table "webhook_delivery" ("id" integer not null primary key autoincrement, "webhook_id" integer not null, "at" datetime not null, "sequence" integer not null, "event_id" text not null, "event_type" text not null, "attempt" integer not null, "status_code" integer null, "error" text null, "duration_ms" integer not null, "delivered" integer not null, constraint "webhook_delivery_webhook_id_foreign" foreign key("webhook_id") references "webhook"("id") on delete cascade)`,
    );
    this.addSql('create index "webhook_delivery_webhook_id_index" on "webhook_delivery" ("webhook_id", "id")');
  }
}
