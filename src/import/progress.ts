// Progress on the terminal: a bar for large files on a TTY, a few plain lines
// otherwise (logs, CI), nothing per row. Driven by bytes read, so the file is
// read once.
import cliProgress from 'cli-progress';
import type { ImportProgress } from './types.ts';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Files smaller than this import in a few seconds: a bar would only flicker. */
export const LARGE_FILE_BYTES = 5 * 1024 * 1024;

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export function progressDisplay(out: Output): { onProgress: (p: ImportProgress) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  let file = '';
  let lastQuarter = 0;

  const stop = () => {
    bar?.stop();
    bar = undefined;
  };

  const onProgress = (p: ImportProgress) => {
    const total = p.totalBytes ?? 0;
    const large = total >= LARGE_FILE_BYTES;
    if (p.file !== file) {
      stop();
      file = p.file;
      lastQuarter = 0;
      if (large && out.isTTY) {
        bar = new cliProgress.SingleBar({
          stream: out as NodeJS.WritableStream,
          format: '  reading [{bar}] {percentage}% | {read}/{size} MB | {rows} rows | ETA {eta_formatted}',
          hideCursor: true,
          clearOnComplete: true,
          fps: 5,
        }, cliProgress.Presets.shades_classic);
        bar.start(total, 0, { read: mb(0), size: mb(total), rows: '0' });
      }
    }
    if (p.phase === 'reading') {
      if (bar) bar.update(p.bytesRead, { read: mb(p.bytesRead), size: mb(total), rows: p.rows.toLocaleString('en-US') });
      else if (large) {
        // A plain line as each quarter is passed: enough to see it move in a log.
        const quarter = Math.min(4, Math.floor((p.bytesRead * 4) / total));
        if (quarter > lastQuarter) {
          lastQuarter = quarter;
          out.write(`  ${quarter * 25}% read (${mb(p.bytesRead)} of ${mb(total)} MB, ${p.rows.toLocaleString('en-US')} rows)\n`);
        }
      }
    } else if (p.phase === 'rereading') {
      stop();
      lastQuarter = 0;
      file = '';
      if (large) out.write('  some rows need a closer look: reading the file again through the staging table…\n');
    } else if (p.phase === 'writing') {
      stop();
      if (large) out.write(`  ${p.rows.toLocaleString('en-US')} rows read; writing them to the database…\n`);
    } else {
      stop();
    }
  };
  return { onProgress, stop };
}
