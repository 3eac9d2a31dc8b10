// The bytes of one CSV, whatever they come from, counted as they pass so that
// progress needs no second read of the file.
import { HEAD_BYTES } from './sniff.ts';

export type ChunkSource = AsyncIterable<Buffer | string | Uint8Array>;

export interface PeekedSource {
  /** The first bytes, holding at least the header line when the file has one. */
  head: Buffer;
  /** All the bytes, head included. */
  chunks: AsyncIterable<Buffer>;
  /** Releases the source when the chunks will not be read (a file refused on its header). */
  close(): Promise<void>;
}

/** A line with something other than blanks and delimiters, and its end. */
const HEADER_LINE = /[^\s;,"\uFEFF][^\n\r]*[\r\n]/;

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
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await read(() => iterator.next());
    if (next.done) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    first.push(chunk);
    size += chunk.length;
    if (HEADER_LINE.test(Buffer.concat(first).toString('utf8'))) break;
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
  return { head, chunks: chunks(), close: async () => { await iterator.return?.(); } };
}
