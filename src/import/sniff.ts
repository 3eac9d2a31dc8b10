// Reads the header line before the CSV parser starts: the delimiter must be
// known to configure it, and importFiles orders files by kind before importing.
import { open } from 'node:fs/promises';

export type Delimiter = ',' | ';';

export interface Head {
  delimiter: Delimiter;
  cells: string[];
}

/** The header is expected within the first 64 KiB; beyond that it is not a CSV we know. */
export const HEAD_BYTES = 64 * 1024;

const BOM = '\uFEFF';

/** The header line's cells and delimiter, from the first bytes of a file; null when there is no line at all. */
export function sniffHead(bytes: Buffer): Head | null {
  let text = bytes.toString('utf8');
  if (text.startsWith(BOM)) text = text.slice(1);
  // Blank lines (or rows of bare delimiters) before the header are skipped, as csv-stream does.
  const line = text.split(/\r?\n|\r/).find((l) => /[^\s;,"]/.test(l));
  if (line === undefined) return null;
  const delimiter = detectDelimiter(line);
  return { delimiter, cells: splitLine(line, delimiter) };
}

/** Whichever of ';' and ',' appears more often outside quotes; ',' when neither does. */
export function detectDelimiter(line: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

function splitLine(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else {
        quoted = !quoted;
      }
    } else if (ch === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}

/** The head of a file on disk, reading at most HEAD_BYTES. */
export async function readFileHead(path: string): Promise<Head | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return sniffHead(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
