// Which open invoices a bank credit pays (issue #18 item 4). Pure rules, in
// order of certainty: (a) invoice numbers the debtor wrote in the remittance
// information; (b) the amount equals one open invoice of the customer the
// debtor's IBAN or name identifies; (c) the amount equals a sum of that
// customer's open invoices (oldest first, a bounded number). Anything less
// sure goes to a person. Amounts never cross currencies.

/** One booked line of a bank statement: an entry, or one transaction of a batch booking. */
export interface BankLine {
  /** The bank's reference (AcctSvcrRef, else NtryRef), with "/n" for the n-th line of a batch: the idempotency key. */
  reference: string;
  statementId: string;
  direction: 'credit' | 'debit';
  /** The bank's reversal indicator (RvslInd). */
  reversal: boolean;
  /** Integer minor units of `currency`, always positive. */
  amountCents: number;
  currency: string;
  bookedOn: string | null;
  valueOn: string | null;
  /** The other party: the debtor of a credit, the creditor of a debit. */
  partyName: string | null;
  partyIban: string | null;
  /** Unstructured and structured remittance information, joined. Debtor-supplied: never logged. */
  remittance: string;
  endToEndId: string | null;
}

export interface OpenInvoice {
  id: number;
  number: string;
  customerId: number;
  currency: string;
  openCents: number;
  dueDate: string;
}

export interface KnownCustomer {
  id: number;
  name: string;
  iban: string | null;
}

export interface Allocation {
  invoiceId: number;
  invoiceNumber: string;
  customerId: number;
  cents: number;
}

export type MatchRule = 'invoice_number' | 'amount' | 'sum';

export type ReviewReason =
  /** Nothing identifies an invoice or a customer. */
  | 'no_match'
  /** An invoice number found, but the amount exceeds what is open. */
  | 'more_than_open'
  /** Invoice numbers found whose open amounts do not add up to the amount. */
  | 'amounts_differ'
  /** An invoice number found, in another currency than the line. */
  | 'other_currency'
  /** The customer is known, but no open invoice or sum of them equals the amount. */
  | 'no_amount'
  /** Several customers carry that name. */
  | 'ambiguous_customer';

export type LineDecision =
  | { kind: 'paid'; rule: MatchRule; customerId: number; allocations: Allocation[] }
  | { kind: 'review'; reason: ReviewReason; customerId: number | null };

/** Subset sums look at no more than this many open invoices of a customer (2^12 subsets). */
export const MAX_SUM_INVOICES = 12;

/** Words that introduce an invoice number and may be glued to it ("FACT2026-0042", "INV 0042"). */
const NUMBER_PREFIXES = ['FACTURES', 'FACTURE', 'FACTS', 'FACT', 'FAC', 'FA', 'INVOICES', 'INVOICE', 'INV', 'NO', 'N', 'NR', 'NUM', 'REF'];

/** Upper case, accents off, "œ"/"æ" spelled out. */
function plain(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/Œ/gi, 'OE').replace(/Æ/gi, 'AE').toUpperCase();
}

/** An invoice number's comparison key: letters and digits only, upper case ("f-2026/0042" → "F20260042"). */
export function invoiceKey(number: string): string {
  return plain(number).replace(/[^A-Z0-9]/g, '');
}

/** Longest run of tokens tried as one invoice number ("F 2026 0042" is three). */
const MAX_TOKENS = 4;

/**
 * Every string of the remittance text that could be an invoice number, as
 * keys (see invoiceKey): runs of up to four consecutive tokens, with and
 * without a glued prefix such as FACT or INV. "n°" and the like split tokens.
 */
export function candidateKeys(remittance: string): Set<string> {
  const tokens = plain(remittance).split(/[^A-Z0-9]+/).filter((t) => t !== '');
  const keys = new Set<string>();
  for (let i = 0; i < tokens.length; i += 1) {
    let joined = '';
    for (let j = i; j < Math.min(tokens.length, i + MAX_TOKENS); j += 1) {
      joined += tokens[j]!;
      keys.add(joined);
      for (const prefix of NUMBER_PREFIXES) {
        if (joined.length > prefix.length && joined.startsWith(prefix)) keys.add(joined.slice(prefix.length));
      }
    }
  }
  // A key must hold a digit and three characters: "N" or "2" alone is no invoice number.
  for (const key of keys) if (key.length < 3 || !/\d/.test(key)) keys.delete(key);
  return keys;
}

/** Legal forms dropped from names before comparing: the bank and the ledger rarely agree on them. */
const LEGAL_FORMS = new Set([
  'SARL', 'SAS', 'SASU', 'SA', 'EURL', 'SNC', 'SCI', 'SCOP', 'SCA', 'SELARL', 'EI', 'EIRL',
  'LTD', 'LIMITED', 'PLC', 'LLP', 'LLC', 'INC', 'CORP', 'CORPORATION', 'CO', 'COMPANY',
  'GMBH', 'AG', 'KG', 'OHG', 'UG', 'EV', 'BV', 'NV', 'BVBA', 'SPRL', 'SRL', 'SPA', 'SL', 'AB', 'AS', 'OY', 'APS',
]);

/** A name as compared: accents, case, punctuation and legal forms (SARL, GmbH, Ltd…) set aside. */
export function normalizeName(name: string): string {
  const words = plain(name).replace(/&/g, ' ET ').split(/[^A-Z0-9]+/).filter((w) => w !== '');
  // "S.A.R.L." splits into letters: glue runs of single letters back before dropping legal forms.
  const glued: string[] = [];
  let letters = '';
  for (const w of words) {
    if (w.length === 1 && /[A-Z]/.test(w)) {
      letters += w;
      continue;
    }
    if (letters) glued.push(letters);
    letters = '';
    glued.push(w);
  }
  if (letters) glued.push(letters);
  const kept = glued.filter((w) => !LEGAL_FORMS.has(w));
  return (kept.length > 0 ? kept : glued).join(' ');
}

/** An IBAN as compared: no spaces, upper case. */
export function normalizeIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

/** Banks cut names (70 characters, often fewer): a long enough cut of a name still names it. */
const MIN_TRUNCATED_NAME = 12;

function sameName(bank: string, ledger: string): boolean {
  if (bank === '' || ledger === '') return false;
  if (bank === ledger) return true;
  return bank.length >= MIN_TRUNCATED_NAME && ledger.startsWith(bank);
}

export type CustomerMatch = { kind: 'one'; customerId: number } | { kind: 'none' } | { kind: 'ambiguous' };

// A statement's lines are compared with the same customers again and again: each is normalized once.
const normalized = new WeakMap<KnownCustomer, { name: string; iban: string | null }>();
function comparable(c: KnownCustomer): { name: string; iban: string | null } {
  let found = normalized.get(c);
  if (!found) {
    found = { name: normalizeName(c.name), iban: c.iban === null ? null : normalizeIban(c.iban) };
    normalized.set(c, found);
  }
  return found;
}

/** The customer the line's IBAN names, else the one its name names; several by name is ambiguous. */
export function identifyCustomer(line: Pick<BankLine, 'partyName' | 'partyIban'>, customers: readonly KnownCustomer[]): CustomerMatch {
  if (line.partyIban) {
    const iban = normalizeIban(line.partyIban);
    const byIban = customers.filter((c) => comparable(c).iban === iban);
    if (byIban.length === 1) return { kind: 'one', customerId: byIban[0]!.id };
    if (byIban.length > 1) return { kind: 'ambiguous' };
  }
  if (line.partyName) {
    const name = normalizeName(line.partyName);
    const byName = customers.filter((c) => sameName(name, comparable(c).name));
    if (byName.length === 1) return { kind: 'one', customerId: byName[0]!.id };
    if (byName.length > 1) return { kind: 'ambiguous' };
  }
  return { kind: 'none' };
}

const oldestFirst = (a: OpenInvoice, b: OpenInvoice) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id;

const allocate = (invoice: OpenInvoice, cents: number): Allocation => ({
  invoiceId: invoice.id, invoiceNumber: invoice.number, customerId: invoice.customerId, cents,
});

/**
 * The invoices of `invoices` whose open amounts add up to `cents` exactly,
 * among the oldest MAX_SUM_INVOICES; the subset keeping the oldest invoices
 * wins when several do. Null when none does.
 */
export function subsetWithSum(invoices: readonly OpenInvoice[], cents: number): OpenInvoice[] | null {
  const pool = [...invoices].filter((i) => i.openCents > 0).sort(oldestFirst).slice(0, MAX_SUM_INVOICES);
  const chosen: OpenInvoice[] = [];
  const search = (from: number, left: number): boolean => {
    if (left === 0) return chosen.length > 0;
    for (let i = from; i < pool.length; i += 1) {
      const invoice = pool[i]!;
      if (invoice.openCents > left) continue;
      chosen.push(invoice);
      if (search(i + 1, left - invoice.openCents)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0, cents) ? [...chosen] : null;
}

/** What an invoice number in the remittance text decides, or null when it names no open invoice. */
function byInvoiceNumber(line: BankLine, named: readonly OpenInvoice[]): LineDecision | null {
  if (named.length === 0) return null;
  const customerId = named[0]!.customerId;
  const same = named.filter((i) => i.currency === line.currency);
  if (same.length === 0) return { kind: 'review', reason: 'other_currency', customerId };
  const sorted = [...same].sort(oldestFirst);
  if (sorted.length === 1) {
    const invoice = sorted[0]!;
    if (line.amountCents > invoice.openCents) return { kind: 'review', reason: 'more_than_open', customerId: invoice.customerId };
    return { kind: 'paid', rule: 'invoice_number', customerId: invoice.customerId, allocations: [allocate(invoice, line.amountCents)] };
  }
  // Several numbers: all of them paid, or exactly one of them.
  const total = sorted.reduce((sum, i) => sum + i.openCents, 0);
  if (total === line.amountCents && new Set(sorted.map((i) => i.customerId)).size === 1) {
    return { kind: 'paid', rule: 'invoice_number', customerId, allocations: sorted.map((i) => allocate(i, i.openCents)) };
  }
  const exact = sorted.filter((i) => i.openCents === line.amountCents);
  if (exact.length === 1) return { kind: 'paid', rule: 'invoice_number', customerId: exact[0]!.customerId, allocations: [allocate(exact[0]!, line.amountCents)] };
  return { kind: 'review', reason: 'amounts_differ', customerId: new Set(sorted.map((i) => i.customerId)).size === 1 ? customerId : null };
}

export interface MatchingLedger {
  customers: readonly KnownCustomer[];
  /** Open invoices, by id: what `settle` lowers as lines are matched. */
  invoices: Map<number, OpenInvoice>;
}

/** The invoices, still open, whose number the remittance text contains. */
export function invoicesNamed(remittance: string, ledger: MatchingLedger): OpenInvoice[] {
  const keys = candidateKeys(remittance);
  if (keys.size === 0) return [];
  return [...ledger.invoices.values()].filter((i) => i.openCents > 0 && keys.has(invoiceKey(i.number)));
}

/** What to do with a credit line: which invoices it pays, or why a person must look. */
export function matchCredit(line: BankLine, ledger: MatchingLedger): LineDecision {
  const named = byInvoiceNumber(line, invoicesNamed(line.remittance, ledger));
  if (named !== null) return named;
  const customer = identifyCustomer(line, ledger.customers);
  if (customer.kind === 'ambiguous') return { kind: 'review', reason: 'ambiguous_customer', customerId: null };
  if (customer.kind === 'none') return { kind: 'review', reason: 'no_match', customerId: null };
  const open = [...ledger.invoices.values()]
    .filter((i) => i.customerId === customer.customerId && i.currency === line.currency && i.openCents > 0)
    .sort(oldestFirst);
  const single = open.find((i) => i.openCents === line.amountCents);
  if (single) return { kind: 'paid', rule: 'amount', customerId: customer.customerId, allocations: [allocate(single, line.amountCents)] };
  const subset = subsetWithSum(open, line.amountCents);
  if (subset && subset.length > 1) {
    return { kind: 'paid', rule: 'sum', customerId: customer.customerId, allocations: subset.map((i) => allocate(i, i.openCents)) };
  }
  return { kind: 'review', reason: 'no_amount', customerId: customer.customerId };
}

/** Lowers the open amounts by what a decision pays, so that the next lines of the statement see them paid. */
export function settle(ledger: MatchingLedger, allocations: readonly Allocation[]): void {
  for (const a of allocations) {
    const invoice = ledger.invoices.get(a.invoiceId);
    if (invoice) ledger.invoices.set(a.invoiceId, { ...invoice, openCents: invoice.openCents - a.cents });
  }
}

/**
 * A person's pick for a line: its amount spread over the chosen invoices,
 * oldest first, each up to its open amount. What exceeds them all is
 * `unallocatedCents` (an overpayment, told to the person, not recorded).
 */
export function spreadOver(amountCents: number, invoices: readonly OpenInvoice[]): { allocations: Allocation[]; unallocatedCents: number } {
  let left = amountCents;
  const allocations: Allocation[] = [];
  for (const invoice of [...invoices].sort(oldestFirst)) {
    if (left === 0) break;
    const cents = Math.min(left, invoice.openCents);
    if (cents <= 0) continue;
    allocations.push(allocate(invoice, cents));
    left -= cents;
  }
  return { allocations, unallocatedCents: left };
}

/** Payment references of a line: its own for one invoice, with the invoice number when it pays several. */
export function paymentReferences(lineReference: string, allocations: readonly Allocation[]): string[] {
  return allocations.length === 1 ? [lineReference] : allocations.map((a) => `${lineReference}:${a.invoiceNumber}`);
}

/** End-to-end ids that identify nothing ("NOTPROVIDED" is what SEPA puts when the debtor gave none). */
export function meaningfulEndToEnd(id: string | null): string | null {
  if (id === null) return null;
  const trimmed = id.trim();
  return trimmed === '' || /^NOT\s*PROVIDED$/i.test(trimmed) ? null : trimmed;
}

export interface ReversibleLine {
  reference: string;
  amountCents: number;
  currency: string;
  endToEndId: string | null;
  partyIban: string | null;
  partyName: string | null;
}

/**
 * The credit a debit line reverses, among `credits` (latest last): the same
 * amount and currency, and the same end-to-end id, or the credit's reference
 * quoted in the debit's remittance text; with the bank's reversal indicator,
 * the same debtor (IBAN, else name) is enough for the latest such credit.
 */
export function reversedCredit<T extends ReversibleLine>(debit: BankLine, credits: readonly T[]): T | null {
  const same = credits.filter((c) => c.amountCents === debit.amountCents && c.currency === debit.currency);
  const e2e = meaningfulEndToEnd(debit.endToEndId);
  if (e2e !== null) {
    const found = same.findLast((c) => meaningfulEndToEnd(c.endToEndId) === e2e);
    if (found) return found;
  }
  const text = plain(debit.remittance);
  const quoted = same.findLast((c) => c.reference.length >= 6 && text.includes(plain(c.reference)));
  if (quoted) return quoted;
  if (!debit.reversal) return null;
  if (debit.partyIban) {
    const iban = normalizeIban(debit.partyIban);
    return same.findLast((c) => c.partyIban !== null && normalizeIban(c.partyIban) === iban) ?? null;
  }
  if (debit.partyName) {
    const name = normalizeName(debit.partyName);
    return same.findLast((c) => c.partyName !== null && normalizeName(c.partyName) === name) ?? null;
  }
  return null;
}
