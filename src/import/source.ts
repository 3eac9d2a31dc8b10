// The bytes of one CSV, whatever they come from, counted as they pass so that
// progress needs no second read of the file.
import { StringDecoder } from 'node:string_decoder';
import { HEAD_BYTES } from './sniff.ts';

export type ChunkSource = AsyncIterable<Buffer | string | Uint8Array>;

export interface PeekedSource {
  /** The first bytes, holding at least the header line when the file has one. */
  head: Buffer;
  /** HEAD_BYTES were read and no header line ended in them: not a CSV relance can read. */
  headerTooLong: boolean;
  /** All the bytes, head included. */
  chunks: AsyncIterable<Buffer>;
  /** Releases the source when the chunks will not be read (a file refused on its header). */
  close(): Promise<void>;
}

/** Something other than blanks and delimiters: the header starts there (blank lines before it are skipped). */
const CONTENT = /[^\s;,"\uFEFF]/;
const LINE_END = /[\r\n]/g;

/**
 * Whether the header line has ended, fed the text a piece at a time: each
 * piece is scanned once, so a file without line ends costs time linear in
 * what is read, not quadratic.
 */
function headerLineEnd(): (text: string) => boolean {
  let started = false;
  return (text) => {
    let from = 0;
    if (!started) {
      from = text.search(CONTENT);
      if (from === -1) return false;
      started = true;
    }
    LINE_END.lastIndex = from;
    return LINE_END.test(text);
  };
}

const toBuffer = (chunk: Buffer | string | Uint8Array): Buffer =>
  typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);

/** The bytes stopped coming (a broken upload, a failing disk): not the file's fault, nor the database's. */
export class SourceError extends Error {}

const read = async <T>(next: () => Promise<T>): Promise<T> => {
  try {
    return await next();
  } catch (e) {
    throw new SourceError((e as Error).message, { cause: e });
  }
};

export async function peekSource(source: ChunkSource, onBytes: (n: number) => void): Promise<PeekedSource> {
  const iterator = source[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  const decoder = new StringDecoder('utf8');
  const ends = headerLineEnd();
  let size = 0;
  let done = false;
  let lineEnded = false;
  while (size < HEAD_BYTES) {
    const next = await read(() => iterator.next());
    if (next.done) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    first.push(chunk);
    // Only the first HEAD_BYTES count, however large the chunk: the header must end within them.
    const text = decoder.write(chunk.length > HEAD_BYTES - size ? chunk.subarray(0, HEAD_BYTES - size) : chunk);
    size += chunk.length;
    if (ends(text)) {
      lineEnded = true;
      break;
    }
  }
  const head = Buffer.concat(first);
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      if (head.length) {
        onBytes(head.length);
        yield head;
      }
      while (!done) {
        const next = await read(() => iterator.next());
        if (next.done) break;
        const chunk = toBuffer(next.value);
        onBytes(chunk.length);
        yield chunk;
      }
    } finally {
      // Closes the file when parsing stopped early.
      await iterator.return?.();
    }
  }
  return { head, headerTooLong: !lineEnded && !done, chunks: chunks(), close: async () => { await iterator.return?.(); } };
}
