/**
 * The functions a V8 CPU profile (`node --cpu-prof`, e.g. `BENCH_CPU_PROF=DIR pnpm bench`) spent
 * most time in themselves, with their callers' time left out: `tsx bench/profile-top.ts FILE [N]`.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, count = '25'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: tsx bench/profile-top.ts FILE.cpuprofile [how many, default 25]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const root = resolve(import.meta.dirname, '../..');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<string, number>();
let totalMs = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  totalMs += ms;
  const frame = byId.get(id)?.callFrame;
  if (!frame) return;
  const where = frame.url ? `${relative(root, frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}` : '';
  const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
  selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
});
console.log(`${(totalMs / 1000).toFixed(1)} s sampled`);
console.log('| self ms | share | function |\n|---|---|---|');
for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  console.log(`| ${ms.toFixed(0)} | ${((ms / totalMs) * 100).toFixed(1)}% | ${key} |`);
}
