import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseConfig } from '../config.js';
import type { Orm } from './orm.js';

/**
 * `ocop db backup FILE`: a consistent copy of the SQLite database, safe while the server runs.
 * `VACUUM INTO` reads one snapshot (WAL mode lets the server keep reading and writing) and
 * writes a compact, self-contained database file: no -wal or -shm file to forget. PostgreSQL
 * has its own tool for this, so the command prints the pg_dump line instead.
 */

/** Why a backup was not made; `exitCode` 2 means the command cannot do it as asked. */
export class BackupRefused extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'BackupRefused';
  }
}

/**
 * The pg_dump command that does for PostgreSQL what `db backup` does for SQLite. The password
 * is left out of the URL (give it in PGPASSWORD or ~/.pgpass), so the line is safe to print.
 */
export function pgDumpCommand(db: DatabaseConfig, file: string): string {
  let url = db.display;
  try {
    const parsed = new URL(db.url ?? db.display);
    parsed.password = '';
    url = parsed.toString();
  } catch {
    // keep the redacted form
  }
  return `pg_dump --format=custom --no-owner --file="${file}" "${url}"`;
}

/** Checks the request before the database is opened, so a mistake costs nothing. */
export function checkBackupTarget(db: DatabaseConfig, target: string): string {
  if (db.dialect === 'postgresql') {
    throw new BackupRefused(
      `db backup copies SQLite databases; for PostgreSQL use pg_dump, which takes a consistent snapshot while the server runs:\n  ${pgDumpCommand(db, target)}\n(give the password in PGPASSWORD or ~/.pgpass; restore into an empty database with pg_restore --no-owner --dbname=URL "${target}").`,
    );
  }
  if (!db.file || db.file === ':memory:') {
    throw new BackupRefused('the database is in memory (sqlite::memory:), so there is no file to back up.');
  }
  const file = resolve(target);
  if (existsSync(file)) {
    throw new BackupRefused(
      `${target} already exists; db backup never overwrites a file. Choose a new name, e.g. ocop-backup-YYYY-MM-DD.sqlite.`,
    );
  }
  if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory()) {
    throw new BackupRefused(`the folder ${dirname(file)} does not exist; create it or choose another path.`);
  }
  if (!existsSync(db.file)) {
    throw new BackupRefused(`there is no database at ${db.file} to back up; check DATABASE_URL.`, 1);
  }
  return file;
}

/** Copies the open SQLite database to `file` (which must not exist) and returns its size in bytes. */
export async function backupSqlite(orm: Orm, file: string): Promise<number> {
  // VACUUM INTO takes an expression, so the path is bound as a parameter, never spliced into SQL.
  await orm.em.getConnection().execute('vacuum into ?', [file], 'run');
  return statSync(file).size;
}

/** The `ocop db backup FILE` command; returns its exit code. */
export async function backupCommand(
  db: DatabaseConfig,
  target: string | undefined,
  open: (db: DatabaseConfig) => Promise<Orm>,
  resolvePath: (path: string) => string,
): Promise<number> {
  if (!target) {
    console.error('ocop: db backup needs the file to write, e.g. pnpm ocop db backup backups/ocop-2026-11-29.sqlite');
    return 2;
  }
  let file: string;
  try {
    file = checkBackupTarget(db, resolvePath(target));
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error;
    console.error(`ocop: ${error.message}`);
    return error.exitCode;
  }
  const orm = await open(db);
  try {
    const started = performance.now();
    const bytes = await backupSqlite(orm, file);
    console.log(
      `Backed up ${db.display} to ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s). Restore by stopping the server and copying it over the database file.`,
    );
    return 0;
  } finally {
    await orm.close();
  }
}
