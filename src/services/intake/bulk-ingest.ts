// POST /api/v1/bulk/{kind}: many records streamed through the import's checks
// (NDJSON or CSV), good ones written, bad ones reported by record, all in one
// transaction as a file import is.
import type { Database } from '../../db/client.ts';
import type { ImportKind } from '../../import/kinds.ts';
import { csvFeed, ndjsonFeed } from './feeds.ts';
import { ingestRecords, type IngestResult } from './ingest.ts';

export type BulkFormat = 'ndjson' | 'csv';

export async function bulkIngest(database: Database, input: {
  workspaceId: string; kind: ImportKind; format: BulkFormat; body: AsyncIterable<Buffer>; origin: string; now: Date;
}): Promise<IngestResult> {
  const opts = { workspaceId: input.workspaceId, kind: input.kind, origin: input.origin, now: input.now };
  if (input.format === 'ndjson') return ingestRecords(database, opts, await ndjsonFeed(input.kind, input.body));
  const feed = await csvFeed(input.body);
  try {
    return await ingestRecords(database, opts, feed);
  } finally {
    await feed.close();
  }
}
