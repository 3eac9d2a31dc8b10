// The demo workspace's ledger: about 40 customers and 300 invoices over the
// last year, built relative to today from a seeded generator, so every run
// shows the same picture (same customers, same aging) whatever the date.
// Each customer pays on time until the day they got stuck (`stuckFor` days
// ago): invoices due before it are paid, those after are open, so the oldest
// open invoice is that many days overdue and every aging bucket has someone.
import { addDays, type IsoDate } from '../domain/dates.ts';
import { DEMO_COLLECTOR_ID } from '../emulator/seed.ts';
import { DEMO_CUSTOMERS, type DemoCustomerProfile } from './customers.ts';
import { prng } from '../domain/prng.ts';

export interface DemoInvoice {
  number: string;
  customerRef: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  currency: string;
  amountCents: number;
}

export interface DemoPayment {
  invoiceNumber: string;
  amountCents: number;
  paidOn: IsoDate;
  reference: string;
}

export interface DemoLedger {
  customers: readonly DemoCustomerProfile[];
  invoices: DemoInvoice[];
  payments: DemoPayment[];
}

/** One generator per customer: adding a customer never changes the others' invoices. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Consumers' bills end in .90 or .00; companies' have any cents. */
function amountCents(random: () => number, c: DemoCustomerProfile): number {
  const major = c.typical * (0.55 + random() * 0.9);
  if (c.kind === 'b2c') return Math.max(1, Math.round(major)) * 100 - (random() < 0.5 ? 10 : 0);
  return Math.round(major * 100);
}

export function fullDemoLedger(today: IsoDate): DemoLedger {
  const drafts: (Omit<DemoInvoice, 'number'> & { customer: DemoCustomerProfile; random: () => number })[] = [];
  for (const c of DEMO_CUSTOMERS) {
    const random = prng(seedOf(c.ref));
    // The invoice whose due date is exactly `stuckFor` days ago anchors the others.
    const anchor = c.stuckFor > 0 ? addDays(today, -c.stuckFor - c.terms) : addDays(today, -between(random, 3, Math.min(12, c.cadence)));
    const first = addDays(today, -c.since);
    const issues: IsoDate[] = [];
    for (let k = 0; ; k--) {
      const day = addDays(anchor, k * c.cadence + (k === 0 ? 0 : between(random, -2, 2)));
      if (day < first) break;
      issues.unshift(day);
    }
    for (let k = 1; ; k++) {
      const day = addDays(anchor, k * c.cadence + between(random, -2, 2));
      if (day > addDays(today, -2)) break;
      issues.push(day);
    }
    for (const issueDate of issues) {
      drafts.push({ customerRef: c.ref, customer: c, random, issueDate, dueDate: addDays(issueDate, c.terms), currency: c.currency, amountCents: amountCents(random, c) });
    }
  }
  drafts.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.customerRef < b.customerRef ? -1 : 1));

  const invoices: DemoInvoice[] = [];
  const payments: DemoPayment[] = [];
  const perYear = new Map<string, number>();
  for (const d of drafts) {
    const year = d.issueDate.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const number = `FA${year}-${String(seq).padStart(4, '0')}`;
    invoices.push({ number, customerRef: d.customerRef, issueDate: d.issueDate, dueDate: d.dueDate, currency: d.currency, amountCents: d.amountCents });
    const c = d.customer;
    const reference = `${c.locale === 'fr' ? 'VIR' : 'PAY'}-${number}`;
    const late = (Date.parse(today) - Date.parse(d.dueDate)) / 86_400_000;
    if (late > c.stuckFor) {
      // Paid before they got stuck: a few days either side of the due date, never in the future.
      let paidOn = addDays(d.dueDate, between(d.random, -3, c.kind === 'b2c' ? 6 : 14));
      if (paidOn < d.issueDate) paidOn = d.issueDate;
      if (paidOn >= today) paidOn = addDays(today, -1);
      payments.push({ invoiceNumber: number, amountCents: d.amountCents, paidOn, reference });
    }
  }
  // A part payment on the oldest open invoice of those who sent one.
  for (const c of DEMO_CUSTOMERS.filter((x) => x.partial)) {
    const paidNumbers = new Set(payments.map((p) => p.invoiceNumber));
    const open = invoices.find((i) => i.customerRef === c.ref && !paidNumbers.has(i.number) && i.dueDate < today);
    if (!open) continue;
    const random = prng(seedOf(`${c.ref}/partial`));
    const part = Math.round(open.amountCents * (0.3 + random() * 0.3) / 100) * 100;
    payments.push({ invoiceNumber: open.number, amountCents: part, paidOn: addDays(open.dueDate, between(random, 5, 15)), reference: `${c.locale === 'fr' ? 'VIR' : 'PAY'}-${open.number}-1` });
  }
  return { customers: DEMO_CUSTOMERS, invoices, payments };
}

const cents = (n: number) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const quoted = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function customersCsv(customers: readonly DemoCustomerProfile[]): string {
  return ['customer_ref,name,kind,email,phone,timezone,locale,owner,late_rate', ...customers.map((c) => [
    c.ref, quoted(c.name), c.kind, c.email, c.phone, c.timezone, c.locale, c.owned ? DEMO_COLLECTOR_ID : '', c.lateRate ?? '',
  ].join(','))].join('\n');
}

export function invoicesCsv(invoices: readonly DemoInvoice[]): string {
  return ['invoice_number,customer_ref,issue_date,due_date,currency,amount',
    ...invoices.map((i) => [i.number, i.customerRef, i.issueDate, i.dueDate, i.currency, cents(i.amountCents)].join(','))].join('\n');
}

export function paymentsCsv(payments: readonly DemoPayment[]): string {
  return ['invoice_number,amount,paid_on,reference',
    ...payments.map((p) => [p.invoiceNumber, cents(p.amountCents), p.paidOn, p.reference].join(','))].join('\n');
}
