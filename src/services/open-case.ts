import { ensureBalancesFresh } from '../db/balances.ts';
import { loadCaseCard, lookupCase, type CaseCard, type CaseLookup } from '../db/cases.ts';
import type { Db } from '../db/client.ts';
import type { IsoDate } from '../domain/dates.ts';

export type OpenCaseResult =
  | { kind: 'card'; card: CaseCard }
  | Exclude<CaseLookup, { kind: 'found' }>;

/** Finds the case a person named and reads its card. */
export async function openCase(db: Db, workspaceId: string, today: IsoDate, input: string): Promise<OpenCaseResult> {
  await ensureBalancesFresh(db, workspaceId, today);
  const found = await lookupCase(db, workspaceId, input);
  if (found.kind !== 'found') return found;
  return openCaseById(db, workspaceId, today, found.customer.customerId);
}

export async function openCaseById(db: Db, workspaceId: string, today: IsoDate, customerId: number): Promise<OpenCaseResult> {
  await ensureBalancesFresh(db, workspaceId, today);
  const card = await loadCaseCard(db, workspaceId, customerId);
  return card ? { kind: 'card', card } : { kind: 'none' };
}
