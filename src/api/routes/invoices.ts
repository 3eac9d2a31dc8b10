// GET and PUT /api/v1/invoices/{invoice_number}.
import { Hono } from 'hono';
import { putInvoice } from '../../services/intake/put-invoice.ts';
import { readInvoice } from '../../services/intake/read-ledger.ts';
import { EXAMPLES, invoiceBody } from '../../services/intake/records.ts';
import type { ApiDeps, ApiEnv } from '../context.ts';
import { apiError } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { recordRefused } from './refused.ts';

const { invoice_number: exampleNumber, ...exampleBody } = EXAMPLES.invoices;

export function invoiceRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/:number', async (c) => {
    const number = c.req.param('number');
    const invoice = await readInvoice(deps.database.db, c.get('grant').workspaceId, number);
    if (!invoice) return apiError(c, 404, 'not_found', `no invoice "${number}" in this workspace`, `GET /api/v1/invoices/${exampleNumber}`);
    return c.json({ invoice });
  });
  app.put('/:number', async (c) => {
    const number = c.req.param('number');
    const body = await readJson(c, deps, invoiceBody, exampleBody);
    if (!body.ok) return body.response;
    if (body.value.invoice_number !== undefined && body.value.invoice_number.trim() !== number.trim()) {
      return apiError(c, 400, 'key_mismatch', `the body's invoice_number "${body.value.invoice_number}" is not the one in the path, "${number}"`,
        exampleBody, { field: 'invoice_number' });
    }
    const grant = c.get('grant');
    const result = await putInvoice(deps.database, { workspaceId: grant.workspaceId, origin: `api:${grant.name}`, now: deps.clock(), number, body: body.value });
    if (result.kind === 'rejected') return recordRefused(c, result.errors, exampleBody);
    if (result.remindersCancelled > 0) deps.afterWrite?.(grant.workspaceId);
    return c.json({ result: result.kind, invoice: result.invoice }, result.kind === 'created' ? 201 : 200);
  });
  return app;
}
