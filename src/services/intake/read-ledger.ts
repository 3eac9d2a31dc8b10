// The ledger as the API shows it back: a customer with its open balances, an
// invoice with its payments, a payment. Amounts are decimal strings in the
// currency's own minor units ("1250.00", "1250" for JPY), with the integer
// minor units beside them. Always within the token's workspace.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../db/client.ts';
import { preparedSql } from '../../db/prepared.ts';
import { minorUnits } from '../../domain/money.ts';
import { formatMinor } from '../../import/reject-reasons.ts';

export const decimalOf = (cents: number, currency: string): string => formatMinor(cents, minorUnits(currency));

export interface CustomerView {
  customer_ref: string;
  name: string;
  kind: 'b2b' | 'b2c';
  email: string | null;
  phone: string | null;
  timezone: string | null;
  locale: 'en' | 'fr' | null;
  company_id: string | null;
  owner: string | null;
  late_rate: string | null;
  balances: { currency: string; open: string; overdue: string; open_cents: number; overdue_cents: number }[];
  updated_at: string;
}

export async function readCustomer(db: Queryable, workspaceId: string, ref: string, now: Date): Promise<CustomerView | null> {
  const [c] = await rows<{
    id: string; customer_ref: string; name: string; kind: 'b2b' | 'b2c'; email: string | null; phone: string | null; timezone: string | null;
    locale: 'en' | 'fr' | null; company_id: string | null; owner_id: string | null; late_rate: string | null; updated_at: Date | string;
  }>(db, sql`select id, customer_ref, name, kind, email, phone, timezone, locale, company_id, owner_id, late_rate::text as late_rate, updated_at
    from customers where workspace_id = ${workspaceId} and customer_ref = ${ref}`);
  if (!c) return null;
  const balances = await rows<{ currency: string; open_cents: string; overdue_cents: string }>(db, sql`
    select currency, sum(amount_cents - paid_cents)::bigint as open_cents,
      coalesce(sum(amount_cents - paid_cents) filter (where due_date < (${now.toISOString()}::timestamptz at time zone (select timezone from workspaces where id = ${workspaceId}))::date), 0)::bigint as overdue_cents
    from invoices where workspace_id = ${workspaceId} and customer_id = ${c.id} and paid_cents < amount_cents
    group by currency order by currency`);
  return {
    customer_ref: c.customer_ref, name: c.name, kind: c.kind, email: c.email, phone: c.phone, timezone: c.timezone, locale: c.locale,
    company_id: c.company_id, owner: c.owner_id, late_rate: c.late_rate,
    balances: balances.map((b) => ({
      currency: b.currency, open: decimalOf(Number(b.open_cents), b.currency), overdue: decimalOf(Number(b.overdue_cents), b.currency),
      open_cents: Number(b.open_cents), overdue_cents: Number(b.overdue_cents),
    })),
    updated_at: new Date(c.updated_at).toISOString(),
  };
}

export interface PaymentView {
  reference: string;
  invoice_number: string;
  amount: string;
  amount_cents: number;
  currency: string;
  paid_on: string;
  source: string;
  recorded_at: string;
}

export interface InvoiceView {
  invoice_number: string;
  customer_ref: string;
  issue_date: string;
  due_date: string;
  delivered_on: string | null;
  currency: string;
  amount: string;
  amount_cents: number;
  paid: string;
  paid_cents: number;
  open: string;
  open_cents: number;
  payments: PaymentView[];
  updated_at: string;
}

type PaymentRow = { reference: string; invoice_number: string; amount_cents: string; currency: string; paid_on: string; source: string; created_at: Date | string };

const paymentView = (p: PaymentRow): PaymentView => ({
  reference: p.reference, invoice_number: p.invoice_number, amount: decimalOf(Number(p.amount_cents), p.currency), amount_cents: Number(p.amount_cents),
  currency: p.currency, paid_on: p.paid_on, source: p.source, recorded_at: new Date(p.created_at).toISOString(),
});

export async function readInvoice(db: Queryable, workspaceId: string, number: string): Promise<InvoiceView | null> {
  // One statement: the payments come along as a JSON array (what a PUT answers with is read after every write).
  const [i] = await preparedSql<{
    id: string; invoice_number: string; customer_ref: string; issue_date: string; due_date: string; delivered_on: string | null;
    currency: string; amount_cents: string; paid_cents: string; updated_at: Date | string;
    payments: Omit<PaymentRow, 'invoice_number' | 'currency'>[];
  }>(db, sql`select i.id, i.invoice_number, c.customer_ref, i.issue_date::text as issue_date, i.due_date::text as due_date,
      i.delivered_on::text as delivered_on, i.currency, i.amount_cents, i.paid_cents, i.updated_at,
      (select coalesce(json_agg(json_build_object('reference', p.reference, 'amount_cents', p.amount_cents, 'paid_on', p.paid_on::text,
          'source', p.source, 'created_at', p.created_at) order by p.paid_on, p.id), '[]'::json)
        from payments p where p.workspace_id = ${workspaceId} and p.invoice_id = i.id) as payments
    from invoices i join customers c on c.workspace_id = i.workspace_id and c.id = i.customer_id
    where i.workspace_id = ${workspaceId} and i.invoice_number = ${number}`);
  if (!i) return null;
  const payments = (typeof i.payments === 'string' ? JSON.parse(i.payments) as typeof i.payments : i.payments)
    .map((p) => ({ ...p, amount_cents: String(p.amount_cents), invoice_number: i.invoice_number, currency: i.currency }));
  const amount = Number(i.amount_cents);
  const paid = Number(i.paid_cents);
  return {
    invoice_number: i.invoice_number, customer_ref: i.customer_ref, issue_date: i.issue_date, due_date: i.due_date, delivered_on: i.delivered_on,
    currency: i.currency, amount: decimalOf(amount, i.currency), amount_cents: amount, paid: decimalOf(paid, i.currency), paid_cents: paid,
    open: decimalOf(Math.max(0, amount - paid), i.currency), open_cents: Math.max(0, amount - paid),
    payments: payments.map(paymentView), updated_at: new Date(i.updated_at).toISOString(),
  };
}

export async function readPayment(db: Queryable, workspaceId: string, reference: string): Promise<PaymentView | null> {
  const [p] = await rows<PaymentRow>(db, sql`
    select p.reference, i.invoice_number, p.amount_cents, i.currency, p.paid_on::text as paid_on, p.source, p.created_at
    from payments p join invoices i on i.id = p.invoice_id
    where p.workspace_id = ${workspaceId} and p.reference = ${reference}`);
  return p ? paymentView(p) : null;
}
