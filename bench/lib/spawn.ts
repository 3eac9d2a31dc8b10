// A child process timed from spawn to exit, with its output kept and each
// output line stamped with when it arrived (the importer's progress lines mark
// its stages). Nothing runs in the child but the command itself.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface TimedLine {
  /** Milliseconds since spawn. */
  at: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface TimedRun {
  /** Spawn to exit, ms. */
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  lines: TimedLine[];
  /** Peak resident memory of the child, KiB, when the command reports it (see MAXRSS_IMPORT). */
  maxRssKb?: number;
}

const MAXRSS_MARK = 'BENCH_MAXRSS_KB';

/**
 * A `node --import` module, inline: at exit the process writes its own peak
 * RSS (process.resourceUsage().maxRSS, KiB) on stderr. Portable (any OS Node
 * runs on), no wrapper process, and it costs nothing while the command runs.
 */
export const MAXRSS_IMPORT = `--import=data:text/javascript,process.on("exit",()=>process.stderr.write("\\n${MAXRSS_MARK} "+process.resourceUsage().maxRSS+"\\n"))`;

export function runTimed(command: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const lines: TimedLine[] = [];
    const out = { stdout: '', stderr: '' };
    const partial = { stdout: '', stderr: '' };
    let exitAt = NaN;
    const started = performance.now();
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const at = performance.now() - started;
      const text = chunk.toString('utf8');
      out[stream] += text;
      const parts = (partial[stream] + text).split('\n');
      partial[stream] = parts.pop() ?? '';
      for (const line of parts) lines.push({ at, stream, text: line.replace(/\r$/, '') });
    };
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));
    child.once('error', reject);
    child.once('exit', () => {
      exitAt = performance.now() - started;
    });
    child.once('close', (code, signal) => {
      for (const stream of ['stdout', 'stderr'] as const) {
        if (partial[stream]) lines.push({ at: exitAt, stream, text: partial[stream] });
      }
      const mark = lines.find((l) => l.stream === 'stderr' && l.text.startsWith(MAXRSS_MARK));
      const kept = lines.filter((l) => l !== mark && !(l.stream === 'stderr' && l.text === '' && mark));
      resolve({
        ms: Number.isNaN(exitAt) ? performance.now() - started : exitAt,
        code,
        signal,
        stdout: out.stdout,
        stderr: out.stderr.replace(new RegExp(`\\n?${MAXRSS_MARK} \\d+\\n?`), ''),
        lines: kept,
        ...(mark ? { maxRssKb: Number(mark.text.slice(MAXRSS_MARK.length + 1)) } : {}),
      });
    });
  });
}
