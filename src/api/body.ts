// Request bodies under a size limit: refused at once when Content-Length says
// too much, and cut off as soon as more bytes than the limit have arrived when
// it does not (chunked uploads). A bulk body is streamed, never held whole.
import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`the body is larger than ${limit.toLocaleString('en-US')} bytes`);
    this.limit = limit;
  }
}

/** Whether the declared length is already over the limit. */
export function declaredTooLarge(incoming: IncomingMessage, limit: number): boolean {
  const declared = Number(incoming.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/** The body's chunks; throws BodyTooLargeError past `limit` bytes. */
export async function* limitedBody(incoming: IncomingMessage, limit: number): AsyncGenerator<Buffer> {
  if (declaredTooLarge(incoming, limit)) throw new BodyTooLargeError(limit);
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    yield buffer;
  }
}

export async function readBody(incoming: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of limitedBody(incoming, limit)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
