import { ensureBalancesFresh } from '../db/balances.ts';
import { loadCaseCard, lookupCase, type CaseCard, type CaseLookup } from '../db/cases.ts';
import type { Db } from '../db/client.ts';
import { readLedgerFreshness } from '../db/ledger-sync.ts';
import { findWorkspace } from '../db/workspaces.ts';
import { ledgerHold, ledgerHoldView, type LedgerHoldView } from '../domain/ledger-freshness.ts';

export type OpenCaseResult =
  /** `ledgerHold`: reminders wait for a fresher ledger (src/domain/ledger-freshness.ts), which the card says. */
  | { kind: 'card'; card: CaseCard & { ledgerHold?: LedgerHoldView } }
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
  if (!card) return { kind: 'none' };
  const hold = ledgerHold(await readLedgerFreshness(db, workspaceId, now));
  const workspace = hold ? await findWorkspace(db, workspaceId) : undefined;
  return { kind: 'card', card: hold && workspace ? { ...card, ledgerHold: ledgerHoldView(hold, workspace.timezone) } : card };
}
