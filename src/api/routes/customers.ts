// GET and PUT /api/v1/customers/{customer_ref}.
import { Hono } from 'hono';
import { putCustomer } from '../../services/intake/put-customer.ts';
import { readCustomer } from '../../services/intake/read-ledger.ts';
import { customerBody, EXAMPLES } from '../../services/intake/records.ts';
import type { ApiDeps, ApiEnv } from '../context.ts';
import { apiError } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { recordRefused } from './refused.ts';

const { customer_ref: exampleRef, ...exampleBody } = EXAMPLES.customers;

export function customerRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/:ref', async (c) => {
    const ref = c.req.param('ref');
    const customer = await readCustomer(deps.database.db, c.get('grant').workspaceId, ref, deps.clock());
    if (!customer) {
      return apiError(c, 404, 'not_found', `no customer "${ref}" in this workspace`, `GET /api/v1/customers/${exampleRef}`);
    }
    return c.json({ customer });
  });
  app.put('/:ref', async (c) => {
    const ref = c.req.param('ref');
    const body = await readJson(c, deps, customerBody, exampleBody);
    if (!body.ok) return body.response;
    if (body.value.customer_ref !== undefined && body.value.customer_ref.trim() !== ref.trim()) {
      return apiError(c, 400, 'key_mismatch', `the body's customer_ref "${body.value.customer_ref}" is not the one in the path, "${ref}"`,
        exampleBody, { field: 'customer_ref' });
    }
    const grant = c.get('grant');
    const result = await putCustomer(deps.database, { workspaceId: grant.workspaceId, origin: `api:${grant.name}`, now: deps.clock(), ref, body: body.value });
    if (result.kind === 'rejected') return recordRefused(c, result.errors, exampleBody);
    return c.json({ result: result.kind, customer: result.customer }, result.kind === 'created' ? 201 : 200);
  });
  return app;
}
