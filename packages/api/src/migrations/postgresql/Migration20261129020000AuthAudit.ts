import { Migration } from '@mikro-orm/migrations';

/**
 * API tokens and the audit log (postgresql). A token is stored only as its SHA-256 hash. Audit
 * entries are append-only: a trigger refuses to change or delete them, so the log stays a record
 * even against a mistaken SQL statement.
 */
export class Migration20261129020000AuthAudit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_token" ("id" serial primary key, "name" varchar(100) not null, "role" text check ("role" in ('ADMIN', 'EVALUATOR')) not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null)`,
    );
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash")`);
    this.addSql(
      `create table "audit_entry" ("id" serial primary key, "at" timestamptz not null, "token_id" int null, "actor_name" varchar(100) not null, "actor_role" text check ("actor_role" in ('ADMIN', 'EVALUATOR')) null, "operation" varchar(60) not null, "entity_type" text check ("entity_type" in ('Producer', 'Product', 'Evaluation', 'Certificate', 'ApiToken')) not null, "entity_id" int not null, "changes" jsonb not null)`,
    );
    this.addSql(
      `alter table "audit_entry" add constraint "audit_entry_token_id_foreign" foreign key ("token_id") references "api_token" ("id") on update cascade on delete restrict`,
    );
    this.addSql(`create index "audit_entry_token_id_index" on "audit_entry" ("token_id")`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id")`);
    this.addSql(
      `create function "audit_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit entries are never changed or deleted'; end $$`,
    );
    this.addSql(
      `create trigger "audit_entry_append_only" before update or delete on "audit_entry" for each row execute function "audit_entry_append_only"()`,
    );
  }
}
