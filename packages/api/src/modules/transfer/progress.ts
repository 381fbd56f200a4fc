/**
 * Progress of a long import on stderr: a bar redrawn in place when stderr is a terminal, and a
 * plain line at each quarter otherwise (CI logs, pipes), so logs stay short and readable. Small
 * imports print nothing: they finish before anyone would look.
 */

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressEvent {
  phase: string;
  done: number;
  total: number;
}

const LABELS: Record<string, string> = { check: 'checking rows', write: 'writing rows' };

export function progressReporter(
  sink: ProgressSink,
  options: { minTotal?: number; now?: () => number } = {},
): (event: ProgressEvent) => void {
  const minTotal = options.minTotal ?? 2000;
  const now = options.now ?? (() => performance.now());
  let phase: string | undefined;
  let lastDraw = 0;
  let lastQuarter = -1;
  let barOpen = false;

  const closeBar = () => {
    if (barOpen) sink.write('\n');
    barOpen = false;
  };

  return ({ phase: current, done, total }) => {
    if (total < minTotal) return;
    const shown = Math.min(done, total);
    const fraction = total === 0 ? 1 : shown / total;
    const label = LABELS[current] ?? current;
    if (current !== phase) {
      closeBar();
      phase = current;
      lastQuarter = -1;
      lastDraw = 0;
    }
    if (sink.isTTY) {
      const t = now();
      if (shown < total && t - lastDraw < 100) return;
      lastDraw = t;
      const width = Math.max(10, Math.min(40, (sink.columns ?? 80) - 50));
      const filled = Math.round(fraction * width);
      sink.write(
        `\r${label.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${shown.toLocaleString('en')}/${total.toLocaleString('en')}`,
      );
      barOpen = true;
      if (shown >= total) closeBar();
      return;
    }
    const quarter = Math.floor(fraction * 4);
    if (quarter === lastQuarter) return;
    lastQuarter = quarter;
    sink.write(`${label}: ${shown.toLocaleString('en')}/${total.toLocaleString('en')} (${quarter * 25}%)\n`);
  };
}
