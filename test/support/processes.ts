import { readdirSync, readFileSync } from 'node:fs';

interface Process {
  pid: number;
  command: string;
}

/**
 * Every process with its parent and command line, read once from /proc (no dependence on
 * procps being installed), as lists of children by parent pid.
 */
function processesByParent(): Map<number, Process[]> {
  const byParent = new Map<number, Process[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the parent pid follows its end.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      byParent.set(parent, [...(byParent.get(parent) ?? []), { pid: Number(entry), command }]);
    } catch {
      // gone meanwhile
    }
  }
  return byParent;
}

/** The processes whose parent is `pid`, with their command lines. */
export function childProcesses(pid: number): Process[] {
  return processesByParent().get(pid) ?? [];
}

/** Every process under `pid`: its children, theirs, and so on (from one reading of /proc). */
export function descendantProcesses(pid: number): Process[] {
  const byParent = processesByParent();
  const found: Process[] = [];
  for (let next = byParent.get(pid) ?? []; next.length > 0; next = next.flatMap((c) => byParent.get(c.pid) ?? [])) {
    found.push(...next);
  }
  return found;
}
