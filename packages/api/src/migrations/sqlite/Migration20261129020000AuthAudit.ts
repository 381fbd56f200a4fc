import { Migration } from '@mikro-orm/migrations';

/**
 * API tokens and the audit log (sqlite). A token is stored only as its SHA-256 hash. Audit
 * entries are append-only: triggers refuse to change or delete them, so the log stays a record
 * even against a mistaken SQL statement.
 */
export class Migration20261129020000AuthAudit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_token" ("id" integer not null primary key autoincrement, "name" text not null, "role" text check ("role" in ('ADMIN', 'EVALUATOR')) not null, "token_hash" text not null, "created_at" datetime not null, "revoked_at" datetime null, "last_used_at" datetime null)`,
    );
    this.addSql(`create unique index "api_token_token_hash_unique" on "api_token" ("token_hash")`);
    this.addSql(
      `create table "audit_entry" ("id" integer not null primary key autoincrement, "at" datetime not null, "token_id" integer null, "actor_name" text not null, "actor_role" text check ("actor_role" in ('ADMIN', 'EVALUATOR')) null, "operation" text not null, "entity_type" text check ("entity_type" in ('Producer', 'Product', 'Evaluation', 'Certificate', 'ApiToken')) not null, "entity_id" integer not null, "changes" json not null, constraint "audit_entry_token_id_foreign" foreign key("token_id") references "api_token"("id") on delete restrict on update cascade)`,
    );
    this.addSql(`create index "audit_entry_token_id_index" on "audit_entry" ("token_id")`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id")`);
    this.addSql(
      `create trigger "audit_entry_no_update" before update on "audit_entry" begin select raise(abort, 'audit entries are never changed'); end`,
    );
    this.addSql(
      `create trigger "audit_entry_no_delete" before delete on "audit_entry" begin select raise(abort, 'audit entries are never deleted'); end`,
    );
  }
}
