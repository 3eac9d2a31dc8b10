// The intake API over real HTTP, on the web role's one server (Bolt's port),
// against real PostgreSQL and Redis: tokens and tenancy, refusals that quote
// what was wrong, limits, idempotent payments, bulk NDJSON and CSV, and a
// payment taking effect at once (promise kept, waiting reminders cancelled).
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { apiTokens, cases, customers, drafts, invoices, mails, promises } from '../../src/db/schema.ts';
import { runTokenCommand } from '../../src/cli/token.ts';
import { createApiToken } from '../../src/services/intake/api-tokens.ts';
import { recordPromise } from '../../src/services/record-promise.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { insertMail } from '../support/mail-rows.ts';

const W1 = 'T0API0001';
const W2 = 'T0API0002';
const BODY_LIMIT = 16_384;
const BULK_LIMIT = 65_536;
const RATE = 40;

let t: TestApp;
let base: string;
const tokens: Record<string, string> = {};

async function token(workspaceId: string, name: string, readOnly = false): Promise<string> {
  const created = await createApiToken(t.database.db, { workspaceId, name, readOnly, now: t.clock.now });
  if (created.kind !== 'created') throw new Error(created.kind);
  return created.token;
}

// The answers are asserted on with expect(); a typed view of every shape would only repeat the OpenAPI document.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
interface Call { status: number; headers: Headers; body: any }

async function call(method: string, path: string, opts: { token?: string; json?: unknown; body?: string; type?: string } = {}): Promise<Call> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.body;
  if (opts.json !== undefined) body = JSON.stringify(opts.json);
  if (body !== undefined) headers['content-type'] = opts.type ?? 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const openCents = async (number: string, ws = W1) => {
  const [row] = await t.database.db.select({ amount: invoices.amountCents, paid: invoices.paidCents }).from(invoices)
    .where(and(eq(invoices.workspaceId, ws), eq(invoices.invoiceNumber, number)));
  return row ? row.amount - row.paid : null;
};

beforeAll(async () => {
  t = await startTestApp({
    RELANCE_API_BODY_LIMIT: String(BODY_LIMIT), RELANCE_API_RATE_PER_MINUTE: String(RATE), RELANCE_API_BULK_LIMIT: String(BULK_LIMIT),
  });
  base = `http://127.0.0.1:${t.app.port}`;
  const today = '2026-11-23';
  await seedLedger(t.database, W1, today, [
    { ref: 'C-1', name: 'Boulangerie Martin', invoices: [{ number: 'F-1', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 }] },
    { ref: 'C-2', name: 'Garage Dupont', invoices: [{ number: 'F-2', issued: '2026-09-15', due: '2026-10-15', cents: 50_000 }] },
  ]);
  await seedLedger(t.database, W2, today, [
    { ref: 'C-9', name: 'Other Team Customer', invoices: [{ number: 'F-9', issued: '2026-09-01', due: '2026-10-01', cents: 70_000 }] },
  ]);
  tokens.rw1 = await token(W1, 'erp');
  tokens.ro1 = await token(W1, 'bi', true);
  tokens.rw2 = await token(W2, 'erp');
  tokens.burst = await token(W1, 'burst');
  tokens.revoked = await token(W1, 'old');
  await t.database.db.update(apiTokens).set({ revokedAt: t.clock.now }).where(and(eq(apiTokens.workspaceId, W1), eq(apiTokens.name, 'old')));
});

afterAll(async () => {
  await t?.close();
});

describe('authentication', () => {
  it('refuses a missing, wrong or revoked token with 401, and a read-only one writing with 403', async () => {
    const missing = await call('GET', '/api/v1/invoices/F-1');
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('Authorization') });
    expect(missing.body.error.example).toContain('Bearer');
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');

    const wrong = await call('GET', '/api/v1/invoices/F-1', { token: `rl_${'A'.repeat(43)}` });
    expect(wrong.status).toBe(401);
    const malformed = await call('GET', '/api/v1/invoices/F-1', { token: 'not-a-token' });
    expect(malformed.status).toBe(401);
    const revoked = await call('GET', '/api/v1/invoices/F-1', { token: tokens.revoked });
    expect(revoked.status).toBe(401);

    const read = await call('GET', '/api/v1/invoices/F-1', { token: tokens.ro1 });
    expect(read.status).toBe(200);
    expect(read.body.invoice).toMatchObject({ invoice_number: 'F-1', customer_ref: 'C-1', amount: '1000.00', open: '1000.00', currency: 'EUR' });
    const write = await call('PUT', '/api/v1/customers/C-1', { token: tokens.ro1, json: { name: 'Renamed' } });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('forbidden');
    const [c1] = await t.database.db.select().from(customers).where(and(eq(customers.workspaceId, W1), eq(customers.customerRef, 'C-1')));
    expect(c1!.name).toBe('Boulangerie Martin');
  });

  it('keeps the Slack endpoint and its signature check on the same port', async () => {
    const res = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"url_verification"}' });
    expect(res.status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('tenancy', () => {
  it("lets a token neither read nor write another workspace's ledger", async () => {
    expect((await call('GET', '/api/v1/invoices/F-1', { token: tokens.rw2 })).status).toBe(404);
    expect((await call('GET', '/api/v1/customers/C-1', { token: tokens.rw2 })).status).toBe(404);
    expect((await call('GET', '/api/v1/invoices/F-9', { token: tokens.rw1 })).status).toBe(404);

    const pay = await call('POST', '/api/v1/payments', { token: tokens.rw2, json: { invoice_number: 'F-1', amount: '10.00', paid_on: '2026-11-20', reference: 'X-1' } });
    expect(pay.status).toBe(422);
    expect(pay.body.error.message).toContain('unknown invoice "F-1"');
    expect(await openCents('F-1')).toBe(100_000);

    // The same ref in W2 is another customer: W1's stays as it was.
    const put = await call('PUT', '/api/v1/customers/C-1', { token: tokens.rw2, json: { name: 'Someone Else' } });
    expect(put.status).toBe(201);
    const again = await call('PUT', '/api/v1/customers/C-1', { token: tokens.rw2, json: { name: 'Someone Else' } });
    expect(again.body.result).toBe('unchanged');
    const update = await call('PUT', '/api/v1/customers/C-1', { token: tokens.rw2, json: { name: 'Someone Else', email: 'ap@else.example', locale: 'fr-FR' } });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ result: 'updated', customer: { email: 'ap@else.example', locale: 'fr', kind: 'b2b' } });
    const cleared = await call('PUT', '/api/v1/customers/C-1', { token: tokens.rw2, json: { name: 'Someone Else', email: null } });
    expect(cleared.body.customer).toMatchObject({ email: null, locale: 'fr' });
    const named = await rows<{ workspace_id: string; name: string }>(t.database.db,
      sql`select workspace_id, name from customers where customer_ref = 'C-1' order by workspace_id`);
    expect(named).toEqual([{ workspace_id: W1, name: 'Boulangerie Martin' }, { workspace_id: W2, name: 'Someone Else' }]);
  });
});

describe('refusals', () => {
  it('quotes bad JSON, schema errors and refused values, each with an example that works', async () => {
    const bad = await call('PUT', '/api/v1/customers/C-3', { token: tokens.rw1, body: '{"name": "Unfinished' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_json');
    expect(bad.body.error.message).toContain('{"name": "Unfinished');
    expect(bad.body.error.example).toMatchObject({ name: expect.any(String) });

    const schema = await call('PUT', '/api/v1/invoices/F-3', {
      token: tokens.rw1, json: { customer_ref: 'C-1', issue_date: '2026-11-01', due_date: '31/12/2026', currency: 'EUR', amount: '12,50', colour: 'red' },
    });
    expect(schema.status).toBe(400);
    expect(schema.body.error.code).toBe('invalid_body');
    expect(schema.body.error.message).toContain('due_date: "31/12/2026" is not a date written YYYY-MM-DD');
    expect(schema.body.error.message).toContain('"12,50"');
    expect(schema.body.error.message).toContain('"colour" is not a field');
    expect(schema.body.error.example).toMatchObject({ due_date: '2026-10-31', amount: '1250.00' });

    const refused = await call('PUT', '/api/v1/invoices/F-3', {
      token: tokens.rw1, json: { customer_ref: 'C-404', issue_date: '2026-11-01', due_date: '2026-12-01', currency: 'EUR', amount: '12.50' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'invalid_record', field: 'customer_ref' });
    expect(refused.body.error.message).toContain('unknown customer "C-404"');

    const mismatch = await call('PUT', '/api/v1/customers/C-3', { token: tokens.rw1, json: { customer_ref: 'C-4', name: 'X' } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('key_mismatch');
    expect(await rows(t.database.db, sql`select 1 from customers where customer_ref in ('C-3', 'C-4') or false`)).toEqual([]);
    expect(await rows(t.database.db, sql`select 1 from invoices where invoice_number = 'F-3'`)).toEqual([]);
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT) });
    const res = await call('PUT', '/api/v1/customers/C-5', { token: tokens.rw1, body: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    // Chunked: no Content-Length, cut off as the bytes arrive.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(BODY_LIMIT / 2)));
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/api/v1/customers/C-5`, {
      method: 'PUT', headers: { authorization: `Bearer ${tokens.rw1}`, 'content-type': 'application/json' }, body: stream, duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await rows(t.database.db, sql`select 1 from customers where customer_ref = 'C-5'`)).toEqual([]);
  });

  it('answers 429 with Retry-After past the per-token rate, other tokens unaffected', async () => {
    t.clock.set('2026-11-23T09:30:15Z');
    const statuses: number[] = [];
    for (let i = 0; i < RATE; i += 1) statuses.push((await call('GET', '/api/v1/customers/C-1', { token: tokens.burst })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await call('GET', '/api/v1/customers/C-1', { token: tokens.burst });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('45');
    expect(over.body.error.code).toBe('rate_limited');
    expect((await call('GET', '/api/v1/customers/C-1', { token: tokens.ro1 })).status).toBe(200);
    // The next minute of the (injected) clock starts a new window.
    t.clock.set('2026-11-23T09:31:00Z');
    expect((await call('GET', '/api/v1/customers/C-1', { token: tokens.burst })).status).toBe(200);
    t.clock.set('2026-11-23T09:30:00Z');
  });
});

describe('payments', () => {
  it('is idempotent by reference: a retry gets the payment, other values get 409', async () => {
    const body = { invoice_number: 'F-1', amount: '250.00', paid_on: '2026-11-20', reference: 'VIR-0001' };
    const first = await call('POST', '/api/v1/payments', { token: tokens.rw1, json: body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ result: 'created', payment: { reference: 'VIR-0001', amount: '250.00', amount_cents: 25_000, source: 'api' } });
    const retry = await call('POST', '/api/v1/payments', { token: tokens.rw1, json: body });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ result: 'existing', payment: { reference: 'VIR-0001', amount: '250.00' } });
    const conflict = await call('POST', '/api/v1/payments', { token: tokens.rw1, json: { ...body, amount: '300.00' } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('payment_conflict');
    expect(conflict.body.error.message).toContain('250.00 EUR');
    expect(conflict.body.error.example).toEqual(body);
    expect(await openCents('F-1')).toBe(75_000);
    const customer = await call('GET', '/api/v1/customers/C-1', { token: tokens.ro1 });
    expect(customer.body.customer.balances).toEqual([{ currency: 'EUR', open: '750.00', overdue: '750.00', open_cents: 75_000, overdue_cents: 75_000 }]);
  });

  it('settling a promised invoice keeps the promise and cancels the reminders waiting about it, in the same request', async () => {
    const db = t.database.db;
    const [c2] = await db.select().from(customers).where(and(eq(customers.workspaceId, W1), eq(customers.customerRef, 'C-2')));
    const [kase] = await db.select().from(cases).where(eq(cases.customerId, c2!.id));
    const promised = await recordPromise(db, {
      workspaceId: W1, caseId: kase!.id, userId: 'U0COLLECTOR', amountCents: 50_000, currency: null, dueOn: '2026-11-27',
      note: null, now: t.clock.now, today: '2026-11-23', via: 'command',
    });
    expect(promised.kind).toBe('recorded');
    const [draft] = await db.insert(drafts).values({
      workspaceId: W1, caseId: kase!.id, customerId: c2!.id, stage: 'reminder_2', locale: 'en', subject: 'Reminder', body: 'Please pay.',
      data: { invoices: [{ number: 'F-2', currency: 'EUR', open_cents: 50_000 }] }, status: 'draft',
    }).returning();
    const mail = await insertMail(db, {
      workspaceId: W1, customerId: c2!.id, stage: 'reminder_1', approvedAt: t.clock.now, invoices: [{ number: 'F-2', currency: 'EUR', open_cents: 50_000 }],
    });

    const paid = await call('POST', '/api/v1/payments', {
      token: tokens.rw1, json: { invoice_number: 'F-2', amount: 500, paid_on: '2026-11-23', reference: 'VIR-0002' },
    });
    expect(paid.status).toBe(201);
    expect(paid.body.effects).toEqual({ promises_kept: 1, promises_broken: 0, reminders_cancelled: 2, cases_resolved: 1 });

    const [promise] = await db.select().from(promises).where(eq(promises.caseId, kase!.id));
    expect(promise!.status).toBe('kept');
    const [d] = await db.select().from(drafts).where(eq(drafts.id, draft!.id));
    expect(d!.status).toBe('cancelled');
    const [m] = await db.select().from(mails).where(eq(mails.id, mail.mailId));
    expect(m).toMatchObject({ status: 'cancelled', cancelReason: 'paid' });
    const timeline = await rows<{ kind: string; data: Record<string, unknown> }>(db,
      sql`select kind, data from activities where customer_id = ${c2!.id} order by id`);
    expect(timeline.map((a) => a.kind)).toEqual(expect.arrayContaining(['payment_recorded', 'promise_kept', 'reminder_cancelled', 'case_resolved']));
    expect(timeline.filter((a) => a.kind === 'reminder_cancelled').map((a) => a.data.reason)).toEqual(['paid', 'paid']);
  });
});

describe('bulk', () => {
  it('imports NDJSON records through the import checks; a bad record is named by index and key, the rest go in', async () => {
    const records = [
      { invoice_number: 'F-10', customer_ref: 'C-1', issue_date: '2026-11-01', due_date: '2026-12-01', currency: 'EUR', amount: '100.00' },
      { invoice_number: 'F-11', customer_ref: 'C-1', issue_date: '2026-11-01', due_date: '2026-10-01', currency: 'EUR', amount: '100.00' },
      { invoice_number: 'F-12', customer_ref: 'C-404', issue_date: '2026-11-01', due_date: '2026-12-01', currency: 'EUR', amount: '100.00' },
      { invoice_number: 'F-13', customer_ref: 'C-2', issue_date: '2026-11-01', due_date: '2026-12-01', currency: 'EUR', amount: 42.5 },
      { invoice_number: 'F-10', customer_ref: 'C-1', issue_date: '2026-11-01', due_date: '2026-12-01', currency: 'EUR', amount: '100.00' },
    ];
    const body = `${records.map((r) => JSON.stringify(r)).join('\n')}\n\n{"invoice_number": "F-14",\n`;
    const res = await call('POST', '/api/v1/bulk/invoices', { token: tokens.rw1, body, type: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'invoices', records: 6, inserted: 2, rejected: 4 });
    expect(res.body.errors).toEqual([
      { index: 1, key: 'F-11', field: 'due_date', message: expect.stringContaining('before') },
      { index: 2, key: 'F-12', field: 'customer_ref', message: expect.stringContaining('unknown customer "C-404"') },
      { index: 4, key: 'F-10', field: 'invoice_number', message: expect.stringContaining('already appears in record 0 of this request') },
      { index: 5, key: '', field: 'record', message: expect.stringContaining('is not JSON') },
    ]);
    expect(await openCents('F-10')).toBe(10_000);
    expect(await openCents('F-13')).toBe(4_250);
    expect(await openCents('F-11')).toBeNull();
  });

  it('takes CSV as relance import does, errors by line and key', async () => {
    const csv = 'invoice_number;amount;paid_on;reference\nF-10;40,00;20/11/2026;VIR-0100\nF-10;abc;2026-11-20;VIR-0101\n';
    const res = await call('POST', '/api/v1/bulk/payments', { token: tokens.rw1, body: csv, type: 'text/csv; charset=utf-8' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'payments', records: 2, inserted: 1, rejected: 1 });
    expect(res.body.errors).toEqual([{ line: 3, key: 'VIR-0101', field: 'amount', message: expect.stringContaining('line 3: amount: "abc"') }]);
    expect(await openCents('F-10')).toBe(6_000);
    // Streamed (no Content-Length): cut off past the limit mid-import, and the transaction rolled back.
    const oversize = `invoice_number,amount,paid_on,reference\n${Array.from({ length: 3000 }, (_, i) => `F-10,0.01,2026-11-21,BIG-${i}`).join('\n')}\n`;
    expect(oversize.length).toBeGreaterThan(BULK_LIMIT);
    const bytes = new TextEncoder().encode(oversize);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16_384) controller.enqueue(bytes.subarray(at, at + 16_384));
        controller.close();
      },
    });
    const tooBig = await fetch(`${base}/api/v1/bulk/payments`, {
      method: 'POST', headers: { authorization: `Bearer ${tokens.rw1}`, 'content-type': 'text/csv' }, body: stream, duplex: 'half',
    } as RequestInit);
    expect(tooBig.status).toBe(413);
    expect(await rows(t.database.db, sql`select 1 from payments where reference like 'BIG-%'`)).toEqual([]);
    const wrongKind = await call('POST', '/api/v1/bulk/customers', { token: tokens.rw1, body: csv, type: 'text/csv' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.code).toBe('bad_header');
  });
});

describe('openapi and tokens', () => {
  it('serves an OpenAPI 3.1 document listing every endpoint, the bearer auth and the error shape', async () => {
    const res = await call('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining([
      '/api/v1/customers/{customer_ref}', '/api/v1/invoices/{invoice_number}', '/api/v1/payments', '/api/v1/payments/{reference}',
      '/api/v1/bulk/customers', '/api/v1/bulk/invoices', '/api/v1/bulk/payments',
    ]));
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(res.body.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'example']);
    expect(res.body.components.schemas.PaymentBody.required).toEqual(['invoice_number', 'amount', 'paid_on', 'reference']);
    expect(res.body.paths['/api/v1/payments'].post.responses['409']).toBeDefined();
  });

  it('relance token creates (printed once, only the hash kept), lists and revokes', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, now: () => t.clock.now };
    expect(await runTokenCommand(['create', '--workspace', W1, '--name', 'billing'], t.database.db, io)).toBe(0);
    const printed = /rl_[A-Za-z0-9_-]{43}/.exec(out.join(''))![0];
    const stored = await rows<{ hash: string }>(t.database.db, sql`select hash from api_tokens where name = 'billing'`);
    expect(stored[0]!.hash).not.toContain(printed.slice(3, 12));
    expect((await call('GET', '/api/v1/invoices/F-1', { token: printed })).status).toBe(200);
    expect(await runTokenCommand(['create', '--workspace', W1, '--name', 'billing'], t.database.db, io)).toBe(2);
    expect(err.join('')).toContain('already has a live token named "billing"');
    out.length = 0;
    expect(await runTokenCommand(['list', '--workspace', W1], t.database.db, io)).toBe(0);
    expect(out.join('')).toMatch(/billing\s+read-write/);
    expect(out.join('')).not.toContain(printed);
    expect(await runTokenCommand(['revoke', '--workspace', W1, '--name', 'billing'], t.database.db, io)).toBe(0);
    expect((await call('GET', '/api/v1/invoices/F-1', { token: printed })).status).toBe(401);
  });
});
