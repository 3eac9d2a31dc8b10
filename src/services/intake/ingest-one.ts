// One record through the import's checks and writes, in one transaction:
// what became of it (created, updated, unchanged) or why it was refused.
import type { Database } from '../../db/client.ts';
import type { ImportKind } from '../../import/kinds.ts';
import { singleRecordFeed } from './feeds.ts';
import { ingestRecords, type IngestResult, type RecordError } from './ingest.ts';

export type IngestOneResult =
  | { kind: 'created' | 'updated' | 'unchanged'; result: IngestResult }
  | { kind: 'rejected'; errors: RecordError[]; result: IngestResult };

export interface IngestOneInput {
  workspaceId: string;
  origin: string;
  now: Date;
}

export async function ingestOne(database: Database, kind: ImportKind, cells: Map<string, string>, input: IngestOneInput): Promise<IngestOneResult> {
  const result = await ingestRecords(database, { ...input, kind }, singleRecordFeed(kind, cells));
  if (result.rejected > 0) return { kind: 'rejected', errors: result.errors, result };
  if (result.inserted > 0) return { kind: 'created', result };
  return { kind: result.updated > 0 ? 'updated' : 'unchanged', result };
}
