// One record through the import's checks and writes, in one transaction:
// what became of it (created, updated, unchanged) or why it was refused.
// It takes the one-record path (write-one.ts): the import's row checks, then
// plain statements and row locks, no staging and no workspace-wide lock.
import type { Database, Queryable } from '../../db/client.ts';
import type { ImportKind } from '../../import/kinds.ts';
import type { IngestResult, RecordError } from './ingest.ts';
import { writeOne } from './write-one.ts';

export type IngestOneResult<R = never> =
  | { kind: 'created' | 'updated' | 'unchanged'; result: IngestResult & { read?: R } }
  | { kind: 'rejected'; errors: RecordError[]; result: IngestResult };

export interface IngestOneInput {
  workspaceId: string;
  origin: string;
  now: Date;
}

export async function ingestOne<R = never>(
  database: Database, kind: ImportKind, cells: Map<string, string>, input: IngestOneInput & { readBack?: (tx: Queryable) => Promise<R> },
): Promise<IngestOneResult<R>> {
  const result = await writeOne(database, { ...input, kind }, cells);
  if (result.rejected > 0) return { kind: 'rejected', errors: result.errors, result };
  if (result.inserted > 0) return { kind: 'created', result };
  return { kind: result.updated > 0 ? 'updated' : 'unchanged', result };
}
