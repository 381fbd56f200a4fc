/**
 * Where a V8 CPU profile (`node --cpu-prof`, e.g. `BENCH_CPU_PROF=DIR pnpm bench`) spent its time:
 * the functions with the most self time (their callees' time left out) and the packages they
 * belong to, over the whole profile or a window of it.
 *
 *   tsx bench/profile-top.ts FILE.cpuprofile [--top 25] [--from SECONDS] [--to SECONDS]
 *
 * It first prints the busy milliseconds of every second of the profile, to choose the window of
 * one workload (the server's start-up comes first). Time is sampled on the wall clock: a process
 * waiting for a core is counted in whatever it was doing, often a system call.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, from: { type: 'string' }, to: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: tsx bench/profile-top.ts FILE.cpuprofile [--top 25] [--from SECONDS] [--to SECONDS]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const from = Number(values.from ?? 0) * 1000;
const to = values.to === undefined ? Number.POSITIVE_INFINITY : Number(values.to) * 1000;
const root = resolve(import.meta.dirname, '../..');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

/** A script's path from the repository root; Node's own modules keep their `node:` name. */
function shortUrl(url: string): string {
  return url.startsWith('node:') ? url : relative(root, url.replace(/^file:\/\//, ''));
}

/** The package a script belongs to: `name@version` under node_modules, else its folder. */
function packageOf(url: string): string {
  const stored = /node_modules\/\.pnpm\/((?:@[^+/]+\+)?[^@/]+@[^_/]+)/.exec(url)?.[1];
  if (stored) return stored.replace('+', '/');
  if (url.startsWith('node:')) return 'node (built-in modules)';
  if (url.includes('/packages/')) return shortUrl(url).split('/').slice(0, 2).join('/');
  return shortUrl(url);
}

const busyPerSecond: number[] = [];
const selfMs = new Map<string, number>();
const packageMs = new Map<string, number>();
let at = 0;
let busyMs = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  at += ms;
  const frame = byId.get(id)?.callFrame;
  if (!frame || frame.functionName === '(idle)') return;
  const second = Math.floor(at / 1000);
  busyPerSecond[second] = (busyPerSecond[second] ?? 0) + ms;
  if (at < from || at > to) return;
  busyMs += ms;
  const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
  const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
  selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
  const pkg = frame.url ? packageOf(frame.url) : frame.functionName || '(anonymous script)';
  packageMs.set(pkg, (packageMs.get(pkg) ?? 0) + ms);
});

const top = Number(values.top);
const rows = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `| ${ms.toFixed(0)} | ${((ms / busyMs) * 100).toFixed(1)}% | ${key} |`)
    .join('\n');
console.log(`Busy ms per second: ${Array.from(busyPerSecond, (ms, s) => `${s}:${(ms ?? 0).toFixed(0)}`).join(' ')}\n`);
console.log(
  `${(busyMs / 1000).toFixed(1)} s busy from ${from / 1000} s to ${Number.isFinite(to) ? `${to / 1000} s` : 'the end'}\n`,
);
console.log(`| self ms | share of busy | function |\n|---|---|---|\n${rows(selfMs)}\n`);
console.log(`| self ms | share of busy | package |\n|---|---|---|\n${rows(packageMs)}`);
