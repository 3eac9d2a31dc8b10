// Several files in one command: customers first, then invoices, then payments,
// whatever the order on the command line, so that each file finds what it
// refers to. Each file is still its own transaction.
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Database } from '../db/client.ts';
import { emptyFileReport, importCsv } from './import-csv.ts';
import { KIND_ORDER, matchHeader, type ImportKind } from './kinds.ts';
import { readFileHead } from './sniff.ts';
import type { FileReport, ImportFilesOptions, ImportReport } from './types.ts';

/**
 * The parser turns a whole chunk into records at once, ahead of what staging
 * has taken: 64 KiB (about a thousand rows) keeps those records short-lived.
 * With 1 MiB chunks they outlived young-generation collections, and peak
 * memory grew with the file.
 */
const READ_CHUNK = 1 << 16;

interface Planned {
  path: string;
  kind: ImportKind | null;
  size: number;
  /** Why the file cannot even be opened. */
  unreadable?: string;
}

export async function importFiles(database: Database, opts: ImportFilesOptions): Promise<ImportReport> {
  const started = performance.now();
  const planned = await Promise.all(opts.files.map(plan));
  // A stable sort keeps the command-line order within a kind; unknown kinds go last to report their error.
  const rank = (p: Planned) => (p.kind === null ? KIND_ORDER.length : KIND_ORDER.indexOf(p.kind));
  planned.sort((a, b) => rank(a) - rank(b));

  const files: FileReport[] = [];
  for (const p of planned) {
    if (p.unreadable) {
      files.push({ ...emptyFileReport(p.path), failure: p.unreadable });
      continue;
    }
    const { files: _files, ...common } = opts;
    files.push(await importCsv(database, {
      ...common,
      fileName: p.path,
      stream: createReadStream(p.path, { highWaterMark: READ_CHUNK }),
      reopen: () => createReadStream(p.path, { highWaterMark: READ_CHUNK }),
      totalBytes: p.size,
    }));
  }
  return { workspaceId: opts.workspaceId, files, durationMs: Math.round(performance.now() - started) };
}

async function plan(path: string): Promise<Planned> {
  try {
    const info = await stat(path);
    const notFile = notRegularFile(path, info);
    if (notFile !== null) return { path, kind: null, size: 0, unreadable: notFile };
    const head = await readFileHead(path);
    const match = head ? matchHeader(head.cells) : null;
    return { path, kind: match?.ok ? match.value.kind : null, size: info.size };
  } catch (e) {
    return { path, kind: null, size: 0, unreadable: unreadableReason(path, e) };
  }
}

/**
 * Why the path is not a file to import, or null. A named pipe or a device
 * would block or never end, and they are checked before any file is imported.
 */
export function notRegularFile(path: string, info: Stats): string | null {
  if (info.isFile()) return null;
  const what = info.isDirectory() ? 'a directory'
    : info.isFIFO() ? 'a named pipe, not a regular file'
      : info.isSocket() ? 'a socket, not a regular file'
        : info.isCharacterDevice() || info.isBlockDevice() ? 'a device, not a regular file'
          : 'not a regular file';
  return `cannot read "${path}": it is ${what}`;
}

export function unreadableReason(path: string, e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return `cannot read "${path}": no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read "${path}": permission denied`;
  if (code === 'EISDIR') return `cannot read "${path}": it is a directory`;
  return `cannot read "${path}": ${(e as Error).message}`;
}
