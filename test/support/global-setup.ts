import type { TestProject } from 'vitest/node';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a PostgreSQL server for this run, or '' when none is available. */
    postgresUrl: string;
  }
}

let server: ThrowawayPostgres | undefined;

/**
 * Decides once per run which databases the integration suites use: SQLite always; PostgreSQL
 * when DATABASE_URL points at one, or when PostgreSQL binaries are installed (a throwaway server
 * is started). OCOP_REQUIRE_POSTGRES=1 (set by .ci/run) turns "not available" into a failure.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  let url = '';
  const given = process.env.DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) {
    url = given;
  } else {
    const bin = findPostgresBin();
    if (bin) {
      server = await startThrowawayPostgres(bin);
      url = server.url;
    }
  }
  if (!url && process.env.OCOP_REQUIRE_POSTGRES === '1') {
    throw new Error(
      'OCOP_REQUIRE_POSTGRES=1 but no PostgreSQL was found: set DATABASE_URL=postgres://… or install PostgreSQL (apt-get install -y postgresql).',
    );
  }
  project.provide('postgresUrl', url);
  return () => server?.stop();
}
