import { ensureBalancesFresh } from '../db/balances.ts';
import { loadCaseCard, lookupCase, type CaseCard, type CaseLookup } from '../db/cases.ts';
import type { Db } from '../db/client.ts';

export type OpenCaseResult =
  | { kind: 'card'; card: CaseCard }
  | Exclude<CaseLookup, { kind: 'found' }>;

/** Finds the case a person named and reads its card. */
export async function openCase(db: Db, workspaceId: string, now: Date, input: string): Promise<OpenCaseResult> {
  await ensureBalancesFresh(db, workspaceId, now);
  const found = await lookupCase(db, workspaceId, input);
  if (found.kind !== 'found') return found;
  return openCaseById(db, workspaceId, now, found.customer.customerId);
}

export async function openCaseById(db: Db, workspaceId: string, now: Date, customerId: number): Promise<OpenCaseResult> {
  await ensureBalancesFresh(db, workspaceId, now);
  const card = await loadCaseCard(db, workspaceId, customerId);
  return card ? { kind: 'card', card } : { kind: 'none' };
}
