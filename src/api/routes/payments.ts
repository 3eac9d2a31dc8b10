// POST /api/v1/payments (idempotent by reference) and GET /api/v1/payments/{reference}.
import { Hono } from 'hono';
import { readPayment } from '../../services/intake/read-ledger.ts';
import { EXAMPLES, paymentBody } from '../../services/intake/records.ts';
import { recordPayment } from '../../services/intake/record-payment.ts';
import type { ApiDeps, ApiEnv } from '../context.ts';
import { apiError } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { recordRefused } from './refused.ts';

export function paymentRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/:reference', async (c) => {
    const reference = c.req.param('reference');
    const payment = await readPayment(deps.database.db, c.get('grant').workspaceId, reference);
    if (!payment) {
      return apiError(c, 404, 'not_found', `no payment "${reference}" in this workspace`, `GET /api/v1/payments/${EXAMPLES.payments.reference}`);
    }
    return c.json({ payment });
  });
  app.post('/', async (c) => {
    const body = await readJson(c, deps, paymentBody, EXAMPLES.payments);
    if (!body.ok) return body.response;
    const grant = c.get('grant');
    const result = await recordPayment(deps.database, { workspaceId: grant.workspaceId, origin: `api:${grant.name}`, now: deps.clock(), body: body.value });
    switch (result.kind) {
      case 'rejected':
        return recordRefused(c, result.errors, EXAMPLES.payments);
      case 'conflict': {
        const p = result.payment;
        // The body that would be a harmless retry of what is recorded.
        const recorded = { invoice_number: p.invoice_number, amount: p.amount, paid_on: p.paid_on, reference: p.reference };
        return apiError(c, 409, 'payment_conflict', `reference: ${result.reason}. A payment is identified by its reference: `
          + 'send a correction under a new reference, or this exact body to retry', recorded, { field: 'reference' });
      }
      case 'existing':
        return c.json({ result: 'existing', payment: result.payment }, 200);
      case 'created':
        deps.afterWrite?.(grant.workspaceId);
        return c.json({ result: 'created', payment: result.payment, effects: result.effects }, 201);
    }
  });
  return app;
}
