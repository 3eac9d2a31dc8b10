// PUT /api/v1/customers/{ref}: creates or updates one customer, as a customers
// file row would (a field left out keeps its stored value; null clears it).
import type { Database } from '../../db/client.ts';
import { ingestOne, type IngestOneInput } from './ingest-one.ts';
import { readCustomer, type CustomerView } from './read-ledger.ts';
import { cellsOf } from './records.ts';

export type PutCustomerResult =
  | { kind: 'created' | 'updated' | 'unchanged'; customer: CustomerView }
  | { kind: 'rejected'; errors: { column: string; reason: string; value: string }[] };

export async function putCustomer(
  database: Database, input: IngestOneInput & { ref: string; body: Record<string, unknown> },
): Promise<PutCustomerResult> {
  const cells = cellsOf({ ...input.body, customer_ref: input.ref });
  const outcome = await ingestOne(database, 'customers', cells, input);
  if (outcome.kind === 'rejected') return { kind: 'rejected', errors: outcome.errors };
  const customer = await readCustomer(database.db, input.workspaceId, input.ref.trim(), input.now);
  return { kind: outcome.kind, customer: customer! };
}
