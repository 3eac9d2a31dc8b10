// 422: the body had the right shape, but the import's checks refused the record.
import type { Context } from 'hono';
import { apiError } from '../errors.ts';

export function recordRefused(c: Context, errors: { column: string; reason: string }[], example: unknown): Response {
  const details = errors.map((e) => ({ field: e.column, message: `${e.column}: ${e.reason}` }));
  return apiError(c, 422, 'invalid_record', details.map((d) => d.message).join('; ') || 'the record was refused', example,
    { field: details[0]?.field, details });
}
