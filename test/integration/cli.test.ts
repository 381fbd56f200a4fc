import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ocop-cli-'));

/** A clear failure is exactly one line on stderr, naming what to change, and a non-zero exit. */
function expectOneClearLine(result: { code: number | null; stderr: string }, ...mentions: RegExp[]) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  for (const m of mentions) expect(lines[0]).toMatch(m);
}

describe('ocop start on bad settings', () => {
  it('names DATABASE_URL when it is malformed', async () => {
    expectOneClearLine(await runCli(['start'], { DATABASE_URL: 'mysql://nope' }), /DATABASE_URL/, /postgres:\/\//);
    expectOneClearLine(await runCli(['start'], { DATABASE_URL: 'postgres://host-only' }), /DATABASE_URL/, /dbname/);
  });

  it('names the database when it is unreachable', async () => {
    expectOneClearLine(
      await runCli(['start'], { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:9/ocop' }),
      /Cannot open the database/,
      /DATABASE_URL/,
      /\*\*\*/,
    );
  });

  it('refuses a corrupt SQLite file and leaves it untouched', async () => {
    const file = join(tmp(), 'broken.sqlite');
    const junk = Buffer.from('this is not a database, but someone may still want these bytes back\n'.repeat(200));
    writeFileSync(file, junk);
    expectOneClearLine(
      await runCli(['start'], { DATABASE_URL: `sqlite:${file}` }),
      /not a (readable SQLite )?database/,
      /DATABASE_URL/,
    );
    expect(readFileSync(file).equals(junk)).toBe(true);
  });

  it('names PORT when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const { port } = blocker.address() as { port: number };
    try {
      const result = await runCli(['start'], {
        DATABASE_URL: `sqlite:${join(tmp(), 'db.sqlite')}`,
        HOST: '127.0.0.1',
        PORT: String(port),
      });
      expectOneClearLine(result, new RegExp(`Port ${port}`), /PORT/);
    } finally {
      blocker.close();
    }
  });

  it('explains an unknown command and option', async () => {
    expectOneClearLine(await runCli(['frobnicate']), /Unknown command/, /--help/);
    expectOneClearLine(await runCli(['generate', '--products', 'many']), /--products/);
  });
});

describe('ocop start keeps data', () => {
  it('a second start keeps what the first stored and does not load the sample again', async () => {
    const env = { DATABASE_URL: `sqlite:${join(tmp(), 'keep.sqlite')}`, HOST: '127.0.0.1', PORT: '0' };
    const count = async (url: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ products(first: 1) { totalCount } }' }),
      });
      return ((await res.json()) as { data: { products: { totalCount: number } } }).data.products.totalCount;
    };
    const first = await startCli(env);
    const before = await count(first.url);
    expect(before).toBeGreaterThan(40);
    expect(await first.stop()).toBe(0);

    const second = await startCli(env);
    expect(await count(second.url)).toBe(before);
    await second.stop();
  });
});

describe('ocop generate', () => {
  it('is deterministic for a seed and differs across seeds', async () => {
    const a = await runCli(['generate', '--products', '300', '--seed', '7']);
    const b = await runCli(['generate', '--products', '300', '--seed', '7']);
    const c = await runCli(['generate', '--products', '300', '--seed', '8']);
    expect(a.code).toBe(0);
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(hash(a.stdout)).toBe(hash(b.stdout));
    expect(hash(a.stdout)).not.toBe(hash(c.stdout));
    expect(JSON.parse(a.stdout).products).toHaveLength(300);
  });
});
