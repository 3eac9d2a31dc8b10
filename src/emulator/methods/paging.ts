import { int, str } from '../method-context.ts';
import type { Args } from '../types.ts';

// Cursors are opaque to clients; an encoded offset is enough.
const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const decode = (cursor: string | undefined) => {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : 0;
};

export function page<T>(items: T[], args: Args, defaultLimit: number, maxLimit = Infinity): { items: T[]; nextCursor: string } {
  const offset = decode(str(args, 'cursor'));
  const limit = Math.min(int(args, 'limit', defaultLimit), maxLimit);
  const slice = items.slice(offset, offset + limit);
  return { items: slice, nextCursor: offset + limit < items.length ? encode(offset + limit) : '' };
}
