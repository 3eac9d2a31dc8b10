// Small number helpers shared by bench/import.ts and bench/digest.ts: medians,
// percentiles and the way figures are printed.
import { availableParallelism, loadavg } from 'node:os';

/** Nearest-rank percentile (p in 0..100) of a list; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds with sensible precision: 0.42, 6.31, 65.2, 1234. */
export const fmtMs = (ms: number): string =>
  Number.isNaN(ms) ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);

/** Seconds from milliseconds: 0.48, 15.2, 159. */
export const fmtS = (ms: number): string => {
  const s = ms / 1000;
  return Number.isNaN(s) ? '—' : s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2);
};

export const fmtRatio = (x: number): string => (Number.isNaN(x) ? '—' : `${x.toFixed(2)}×`);

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const numeric = (s: string) => /^[-+]?[\d.,]+\s?(×|%|s|ms|MB)?$/.test(s) || s === '—';
  const line = (cells: string[]) =>
    cells.map((c, i) => (i > 0 && numeric(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The machine is shared: say how busy it was, so a reader can judge the figures. */
export function machineLine(): string {
  const [one, five] = loadavg();
  return `machine: ${availableParallelism()} CPUs, load average ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min); node ${process.version}`;
}
