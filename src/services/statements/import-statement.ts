// `relance import statement.xml`: the lines of a bank statement, in one
// transaction. Lines already imported (by bank reference) are skipped, so a
// statement imported twice changes nothing. Credits the matcher is sure of
// become payments at once (the intake API's code path); a debit that reverses
// an earlier credit undoes its payments; the other credits wait for a person:
// stored as unmatched and queued to the team channel as a review list. Other
// debits are stored as ignored.
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.ts';
import { rows, textArray } from '../../db/client.ts';
import { statementEntries } from '../../db/schema.ts';
import { todayIn } from '../../domain/dates.ts';
import {
  matchCredit, normalizeIban, paymentReferences, reversedCredit, settle,
  type Allocation, type BankLine, type MatchingLedger, type MatchRule, type ReviewReason,
} from '../../domain/statement-matching.ts';
import { recordLedgerSync } from '../intake/ledger-sync.ts';
import { recordBankPayments, type BankPayment } from './bank-payments.ts';
import { loadMatchingLedger } from './ledger.ts';
import { queueReview } from './review-post.ts';
import { undoPayments } from './undo-payments.ts';

export interface MatchedLine {
  reference: string;
  rule: MatchRule;
  currency: string;
  allocations: Allocation[];
}

export interface StatementImportReport {
  /** Booked lines read from the file (batch bookings count one per transaction). */
  lines: number;
  /** Of those, already imported before: nothing done. */
  alreadyImported: number;
  matched: MatchedLine[];
  /** Credits left for a person (stored unmatched, posted to the team channel). */
  toReview: number;
  /** Debits that reversed an earlier credit (its payments undone). */
  reversals: number;
  /** Debits that reverse nothing relance knows, and credits reversing a debit: stored, not acted on. */
  ignoredDebits: number;
  /** Review messages queued for the team channel. */
  reviewMessages: number;
}

type Row = typeof statementEntries.$inferInsert;

interface Pending {
  line: BankLine;
  row: Row;
  /** For a credit matched in this file: its payments, until a later line of the file reverses it. */
  payments: BankPayment[];
  allocations: Allocation[];
  rule: MatchRule | null;
  /** A reversal's target: a line of this file, or a stored entry. */
  reverses: { pending: Pending } | { storedId: number; status: string; paymentReferences: string[] } | null;
}

type StoredCredit = {
  id: number | string; reference: string; amount_cents: number | string; currency: string; end_to_end_id: string | null;
  debtor_iban: string | null; debtor_name: string | null; status: string; payment_references: string[];
};

const paidOn = (line: BankLine, today: string) => line.bookedOn ?? line.valueOn ?? today;

export async function importStatement(database: Database, input: {
  workspaceId: string; lines: readonly BankLine[]; fileName: string; now: Date;
}): Promise<StatementImportReport> {
  const ws = input.workspaceId;
  return database.db.transaction(async (tx) => {
    // The same lock as every ledger import: two imports of one statement never race on its references.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.import'), hashtext(${ws}))`);
    const [workspace] = await rows<{ timezone: string }>(tx, sql`select timezone from workspaces where id = ${ws}`);
    if (!workspace) throw new Error(`workspace ${ws} does not exist`);
    const today = todayIn(workspace.timezone, input.now);

    const seen = new Set(await storedReferences(tx, ws, input.lines.map((l) => l.reference)));
    const fresh: BankLine[] = [];
    for (const line of input.lines) {
      if (seen.has(line.reference)) continue;
      seen.add(line.reference);
      fresh.push(line);
    }
    const report: StatementImportReport = {
      lines: input.lines.length, alreadyImported: input.lines.length - fresh.length, matched: [], toReview: 0, reversals: 0, ignoredDebits: 0, reviewMessages: 0,
    };
    if (fresh.length === 0) return report;

    const credits = fresh.filter((l) => l.direction === 'credit' && !l.reversal);
    const ledger = await loadMatchingLedger(tx, ws, credits);
    const storedCredits = await creditsReversible(tx, ws, fresh.filter((l) => l.direction === 'debit'));
    const pending: Pending[] = [];
    for (const line of fresh) pending.push(decide(line, ledger, pending, storedCredits, { ws, fileName: input.fileName, today }));

    // The rows, in file order; reversal links by reference once all have ids.
    for (let i = 0; i < pending.length; i += 500) {
      await tx.insert(statementEntries).values(pending.slice(i, i + 500).map((p) => ({ ...p.row, createdAt: input.now })));
    }
    for (const p of pending) {
      if (!p.reverses) continue;
      report.reversals += 1;
      const target = 'pending' in p.reverses ? { ref: p.reverses.pending.line.reference } : { id: p.reverses.storedId };
      const targetId = 'ref' in target
        ? sql`(select id from statement_entries where workspace_id = ${ws} and reference = ${target.ref})`
        : sql`${target.id}::bigint`;
      await tx.execute(sql`update statement_entries set reverses_id = ${targetId} where workspace_id = ${ws} and reference = ${p.line.reference}`);
      if ('storedId' in p.reverses) {
        await tx.execute(sql`update statement_entries set status = 'reversed', decided_by = 'bank', decided_at = ${input.now.toISOString()}::timestamptz
          where workspace_id = ${ws} and id = ${p.reverses.storedId}`);
      }
    }
    for (const p of pending) {
      const target = p.reverses !== null && 'storedId' in p.reverses ? p.reverses : null;
      if (target?.status !== 'matched' || target.paymentReferences.length === 0) continue;
      await undoPayments(tx, { workspaceId: ws, references: target.paymentReferences, actorId: 'statement', now: input.now, statementReference: p.line.reference });
    }

    const payments = pending.flatMap((p) => (p.row.status === 'matched' && p.line.direction === 'credit' ? p.payments : []));
    await recordBankPayments(tx, database, { workspaceId: ws, payments, origin: `statement:${input.fileName}`, now: input.now });
    await learnIbans(tx, ws, pending);

    for (const p of pending) {
      if (p.row.status === 'matched' && p.line.direction === 'credit') {
        report.matched.push({ reference: p.line.reference, rule: p.rule!, currency: p.line.currency, allocations: p.allocations });
      } else if (p.row.status === 'unmatched') {
        report.toReview += 1;
      } else if (p.row.status === 'ignored') {
        report.ignoredDebits += 1;
      }
    }
    const review = await rows<{ id: number | string }>(tx, sql`
      select id from statement_entries where workspace_id = ${ws} and status = 'unmatched'
        and reference = any(${textArray(pending.filter((p) => p.row.status === 'unmatched').map((p) => p.line.reference))}::text[])`);
    report.reviewMessages = await queueReview(tx, { workspaceId: ws, entryIds: review.map((r) => Number(r.id)), now: input.now });
    await recordLedgerSync(tx, ws, 'statement', input.now);
    return report;
  });
}

function decide(
  line: BankLine, ledger: MatchingLedger, earlier: Pending[], stored: StoredCredit[], ctx: { ws: string; fileName: string; today: string },
): Pending {
  const row: Row = {
    workspaceId: ctx.ws, reference: line.reference, statementId: line.statementId, direction: line.direction, reversal: line.reversal,
    amountCents: line.amountCents, currency: line.currency, bookedOn: line.bookedOn, valueOn: line.valueOn,
    debtorName: line.partyName, debtorIban: line.partyIban ? normalizeIban(line.partyIban) : null, remittance: line.remittance,
    endToEndId: line.endToEndId, fileName: ctx.fileName, status: 'ignored', decidedBy: 'statement',
  };
  const made: Pending = { line, row, payments: [], allocations: [], rule: null, reverses: null };
  if (line.direction === 'credit' && line.reversal) return made;
  if (line.direction === 'credit') {
    const decision = matchCredit(line, ledger);
    row.customerId = decision.customerId;
    if (decision.kind === 'review') {
      Object.assign(row, { status: 'unmatched', reviewReason: decision.reason satisfies ReviewReason, decidedBy: null });
      return made;
    }
    settle(ledger, decision.allocations);
    const refs = paymentReferences(line.reference, decision.allocations);
    made.allocations = decision.allocations;
    made.rule = decision.rule;
    made.payments = decision.allocations.map((a, i) => ({
      invoiceNumber: a.invoiceNumber, cents: a.cents, currency: line.currency, paidOn: paidOn(line, ctx.today), reference: refs[i]!,
    }));
    Object.assign(row, { status: 'matched', paymentReferences: refs, decidedBy: 'statement' });
    return made;
  }
  // A debit: the credit it reverses, in this file (latest first) or stored.
  const inFile = earlier.filter((p) => p.line.direction === 'credit' && !p.line.reversal && p.row.status !== 'reversed');
  const candidates = [
    ...stored.map((s) => ({
      reference: s.reference, amountCents: Number(s.amount_cents), currency: s.currency.trim(), endToEndId: s.end_to_end_id,
      partyIban: s.debtor_iban, partyName: s.debtor_name, stored: s, pending: null as Pending | null,
    })),
    ...inFile.map((p) => ({ ...p.line, stored: null as StoredCredit | null, pending: p as Pending | null })),
  ];
  const target = reversedCredit(line, candidates);
  if (!target) return made;
  Object.assign(row, { status: 'matched', customerId: target.pending?.row.customerId ?? null });
  if (target.pending) {
    const original = target.pending;
    // Matched and reversed within one file: its payments are never recorded, its invoices open again for the lines after.
    for (const a of original.allocations) {
      const invoice = ledger.invoices.get(a.invoiceId);
      if (invoice) ledger.invoices.set(a.invoiceId, { ...invoice, openCents: invoice.openCents + a.cents });
    }
    Object.assign(original.row, { status: 'reversed', decidedBy: 'bank', paymentReferences: [] });
    original.payments = [];
    made.reverses = { pending: original };
  } else {
    const s = target.stored!;
    stored.splice(stored.indexOf(s), 1);
    made.reverses = { storedId: Number(s.id), status: s.status, paymentReferences: s.payment_references ?? [] };
  }
  return made;
}

async function storedReferences(tx: Queryable, ws: string, references: readonly string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const found = await rows<{ reference: string }>(tx, sql`
    select reference from statement_entries where workspace_id = ${ws} and reference = any(${textArray(references)}::text[])`);
  return found.map((r) => r.reference);
}

/** Stored credits a debit of the file could reverse: same amounts, not reversed yet, oldest first. */
async function creditsReversible(tx: Queryable, ws: string, debits: readonly BankLine[]): Promise<StoredCredit[]> {
  if (debits.length === 0) return [];
  const amounts = [...new Set(debits.map((d) => d.amountCents))];
  return rows<StoredCredit>(tx, sql`
    select id, reference, amount_cents, currency, end_to_end_id, debtor_iban, debtor_name, status, payment_references
    from statement_entries
    where workspace_id = ${ws} and direction = 'credit' and not reversal and status <> 'reversed'
      and amount_cents = any(${`{${amounts.join(',')}}`}::bigint[])
    order by id`);
}

/**
 * A payer's IBAN, learnt when their invoice number matched a credit: the next
 * credit from that account is theirs even without a number. Only for a
 * customer without one, and an account no other customer has.
 */
async function learnIbans(tx: Queryable, ws: string, pending: readonly Pending[]): Promise<void> {
  for (const p of pending) {
    if (p.rule !== 'invoice_number' || p.row.status !== 'matched' || !p.row.debtorIban || !p.row.customerId) continue;
    await tx.execute(sql`update customers set iban = ${p.row.debtorIban}
      where workspace_id = ${ws} and id = ${p.row.customerId} and iban is null
        and not exists (select 1 from customers o where o.workspace_id = ${ws} and o.iban = ${p.row.debtorIban})`);
  }
}
