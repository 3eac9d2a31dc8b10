import type { ImportCsvOptions, ImportPhase } from './types.ts';

export type ProgressReporter = ReturnType<typeof progressReporter>;

/** Calls onProgress at most every ~0.5 % of the file (or 256 KiB), plus at each phase change. */
export function progressReporter(opts: ImportCsvOptions) {
  let bytesRead = 0;
  let rowsSoFar = 0;
  let reported = 0;
  const step = Math.max(256 * 1024, Math.floor((opts.totalBytes ?? 0) / 200));
  const emit = (phase: ImportPhase) => opts.onProgress?.({
    file: opts.fileName, phase, bytesRead, rows: rowsSoFar,
    ...(opts.totalBytes !== undefined ? { totalBytes: opts.totalBytes } : {}),
  });
  return {
    bytes(n: number) {
      bytesRead += n;
      if (bytesRead - reported >= step) {
        reported = bytesRead;
        emit('reading');
      }
    },
    /** The file is read again from its start. */
    restart() {
      bytesRead = 0;
      reported = 0;
      rowsSoFar = 0;
      emit('rereading');
    },
    rows(n: number) {
      rowsSoFar = n;
    },
    phase(phase: ImportPhase, n: number) {
      rowsSoFar = n;
      emit(phase);
    },
  };
}
