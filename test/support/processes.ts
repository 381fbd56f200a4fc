import { readdirSync, readFileSync } from 'node:fs';

/**
 * The processes whose parent is `pid`, with their command lines, read from /proc (no dependence
 * on procps being installed).
 */
export function childProcesses(pid: number): { pid: number; command: string }[] {
  const children: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the parent pid follows its end.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== pid) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      children.push({ pid: Number(entry), command });
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** Every process under `pid`: its children, theirs, and so on. */
export function descendantProcesses(pid: number): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (let next = childProcesses(pid); next.length > 0; next = next.flatMap((c) => childProcesses(c.pid))) {
    found.push(...next);
  }
  return found;
}
