/**
 * audit_entry's indexes and append-only triggers on SQLite: AuthAudit creates them, and
 * PartnersWebhooks creates them again after rebuilding the table. Migrations that have already
 * run are made of these strings: never change them; a different index or trigger is a new migration.
 */
export const AUDIT_ENTRY_INDEXES_AND_TRIGGERS: readonly string[] = [
  `create index "audit_entry_token_id_index" on "audit_entry" ("token_id")`,
  `create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id")`,
  `create trigger "audit_entry_no_update" before update on "audit_entry" begin select raise(abort, 'audit entries are never changed'); end`,
  `create trigger "audit_entry_no_delete" before delete on "audit_entry" begin select raise(abort, 'audit entries are never deleted'); end`,
];
