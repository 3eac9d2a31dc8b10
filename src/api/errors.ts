// Every refusal of the API has one shape: { error: { code, message, example } }.
// The message quotes what was wrong; the example is a request that works.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ApiErrorCode =
  | 'unauthorized' | 'forbidden' | 'not_found' | 'method_not_allowed' | 'payload_too_large' | 'rate_limited'
  | 'unsupported_media_type' | 'bad_json' | 'invalid_body' | 'key_mismatch' | 'invalid_record' | 'payment_conflict'
  | 'bad_header' | 'internal';

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    example: unknown;
    /** The field the message is about, when there is one. */
    field?: string;
    /** Every problem found, when there were several. */
    details?: { field: string; message: string }[];
  };
}

export function apiError(
  c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string, example: unknown,
  extra: { field?: string; details?: { field: string; message: string }[]; headers?: Record<string, string> } = {},
): Response {
  const body: ApiErrorBody = {
    error: { code, message, example, ...(extra.field ? { field: extra.field } : {}), ...(extra.details ? { details: extra.details } : {}) },
  };
  return c.json(body, status, extra.headers);
}

/** The request that works for a GET: the same path with a token. */
export const AUTH_EXAMPLE = 'Authorization: Bearer rl_… (create one with: relance token create --workspace T0123ABCD --name erp)';
