// The facts an escalation request is decided on, as the case brief's narrative
// is written from them (issue #15 item 5, SPEC §3): what the rule-based brief
// says (src/i18n/case-brief.ts), what the model is given as a quoted JSON
// envelope (src/ai/case-brief.ts), and the guard on the model's text: every
// number in it must be one of the facts'.
//
// The guard compares digit sequences. Each number the text writes ("€1,200",
// "1 200,00 €", "12/11", "12 Nov 2026", "F-102", "3 reminders") is read as its
// digits, and those digits must be a way the facts write one of their own
// numbers: an amount in units or in cents, a day alone or with its month (either
// order, padded or not, with or without the year), a count, the digits of an
// invoice number, or a figure in a collector's note or the requester's reason.
import type { IsoDate } from './dates.ts';
import { minorUnits } from './money.ts';

export interface FactMoney {
  /** In minor units (cents). */
  cents: number;
  currency: string;
}

export interface CaseFacts {
  /** The day of the request (workspace zone): "today" for the narrative. */
  today: IsoDate;
  request: { kind: 'notice' | 'agency' | 'legal' | 'writeoff'; by: 'person' | 'ladder'; reason: string | null };
  /** Per currency, what is overdue and what is open in all. */
  balances: { currency: string; overdueCents: number; openCents: number }[];
  oldestDueDate: IsoDate | null;
  daysOverdue: number | null;
  /** The overdue invoices, oldest due first (at most FACTS_LIST_MAX). */
  overdueInvoices: { number: string; dueDate: IsoDate; balance: FactMoney }[];
  overdueInvoiceCount: number;
  /** Reminders drafted by the ladder, oldest first; `sent` when the e-mail left. */
  reminders: { on: IsoDate; stage: string | null; sent: boolean }[];
  /** Calls logged, oldest first, with the collector's note as typed (quoted data). */
  calls: { on: IsoDate; outcome: string | null; note: string | null }[];
  promises: { madeOn: IsoDate; amount: FactMoney; dueOn: IsoDate; status: 'pending' | 'kept' | 'partly_kept' | 'broken'; paidCents: number | null }[];
  /** Pauses for a dispute: when, what about, and the note that came with it. */
  disputes: { on: IsoDate; reason: string | null; until: IsoDate | null; note: string | null }[];
  /** Other pauses (a payment plan, another reason). */
  pauses: { on: IsoDate; reason: string | null; until: IsoDate | null }[];
  plans: { agreedOn: IsoDate; total: FactMoney; instalments: number; status: string }[];
  /** Payments received on the customer's invoices, latest last (at most FACTS_LIST_MAX). */
  payments: { on: IsoDate; amount: FactMoney; invoice: string }[];
  counts: { reminders: number; remindersSent: number; calls: number; callsReached: number; promisesBroken: number; promisesKept: number; disputes: number; payments: number };
}

/** Longest list of each kind the facts carry (the latest ones). */
export const FACTS_LIST_MAX = 10;
/** A note or a reason longer than this is cut in the facts. */
export const FACTS_TEXT_MAX = 400;

// ---------------------------------------------------------------------------
// The number guard.

/** A number as text writes it: digit groups joined by one separator ("1,200.50", "1 200,50", "12/11/2026", "2026-11-12"). */
const NUMBER = /\d+(?:[.,/\-'’\u00a0\u202f ]\d+)*/g;

/**
 * The numbers a text writes, each as its digits. A group after a plain space
 * is a thousands group only when it has three digits ("1 200"); else the space
 * separates two numbers ("3 2026" is 3 and 2026).
 */
export function numbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const groups = match[0].split(' ');
    let current = groups[0]!;
    for (const group of groups.slice(1)) {
      if (/^\d{3}(?:\D|$)/.test(group)) current += group;
      else {
        found.push(current);
        current = group;
      }
    }
    found.push(current);
  }
  return found.map((n) => n.replace(/\D/g, '')).filter((n) => n !== '');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** How a text may write a date: the day, day and month (either order), with the year. */
function dateForms(date: IsoDate): string[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = [String(d), pad(d)];
  const months = [String(m), pad(m)];
  const years = [String(y), String(y).slice(-2)];
  const forms = [...days, String(y)];
  for (const dd of days) {
    for (const mm of months) {
      forms.push(dd + mm, mm + dd);
      for (const yy of years) forms.push(dd + mm + yy, mm + dd + yy, yy + mm + dd);
    }
  }
  return forms;
}

/** How a text may write an amount: whole units when it has no cents, and with its cents. */
function moneyForms(m: FactMoney): string[] {
  const digits = minorUnits(m.currency);
  const cents = Math.abs(m.cents);
  const scale = 10 ** digits;
  const units = Math.floor(cents / scale);
  const frac = cents % scale;
  const forms = [digits > 0 ? `${units}${String(frac).padStart(digits, '0')}` : String(units)];
  if (frac === 0) forms.push(String(units));
  return forms;
}

/** Every digit sequence the facts allow a text to write. */
export function allowedNumbers(facts: CaseFacts): Set<string> {
  const allowed = new Set<string>();
  const add = (...forms: string[]) => { for (const f of forms) allowed.add(f); };
  const date = (d: IsoDate | null) => { if (d) add(...dateForms(d)); };
  const money = (m: FactMoney) => add(...moneyForms(m));
  const text = (s: string | null) => {
    if (!s) return;
    add(...numbersIn(s));
    for (const run of s.match(/\d+/g) ?? []) add(run);
  };
  date(facts.today);
  text(facts.request.reason);
  for (const b of facts.balances) {
    money({ cents: b.overdueCents, currency: b.currency });
    money({ cents: b.openCents, currency: b.currency });
  }
  date(facts.oldestDueDate);
  if (facts.daysOverdue !== null) add(String(facts.daysOverdue));
  add(String(facts.overdueInvoiceCount));
  for (const i of facts.overdueInvoices) {
    date(i.dueDate);
    money(i.balance);
    add(i.number.replace(/\D/g, ''));
    for (const run of i.number.match(/\d+/g) ?? []) add(run);
  }
  for (const r of facts.reminders) date(r.on);
  for (const c of facts.calls) {
    date(c.on);
    text(c.note);
  }
  for (const p of facts.promises) {
    date(p.madeOn);
    date(p.dueOn);
    money(p.amount);
    if (p.paidCents !== null) {
      money({ cents: p.paidCents, currency: p.amount.currency });
      money({ cents: p.amount.cents - p.paidCents, currency: p.amount.currency });
    }
  }
  for (const d of facts.disputes) {
    date(d.on);
    date(d.until);
    text(d.note);
  }
  for (const p of facts.pauses) {
    date(p.on);
    date(p.until);
  }
  for (const p of facts.plans) {
    date(p.agreedOn);
    money(p.total);
    add(String(p.instalments));
  }
  for (const p of facts.payments) {
    date(p.on);
    money(p.amount);
    add(p.invoice.replace(/\D/g, ''));
    for (const run of p.invoice.match(/\d+/g) ?? []) add(run);
  }
  for (const n of Object.values(facts.counts)) add(String(n));
  allowed.delete('');
  return allowed;
}

/** The numbers a text writes that the facts do not hold (empty: every figure is the facts'). */
export function numbersNotInFacts(text: string, facts: CaseFacts): string[] {
  const allowed = allowedNumbers(facts);
  return numbersIn(text).filter((n) => !allowed.has(n) && !allowed.has(n.replace(/^0+(?=\d)/, '')));
}
