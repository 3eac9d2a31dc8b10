// A single-record request's JSON body: size, media type, syntax and schema
// checked in that order, each refusal quoting what was wrong and showing a
// body that works.
import type { Context } from 'hono';
import type { z } from 'zod';
import { describeIssue } from '../services/intake/records.ts';
import { BodyTooLargeError, readBody } from './body.ts';
import type { ApiDeps, ApiEnv } from './context.ts';
import { apiError } from './errors.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

const isJson = (type: string | undefined) => !type || /^application\/([\w.+-]*\+)?json\b/i.test(type);

export async function readJson<T>(c: Context<ApiEnv>, deps: ApiDeps, schema: z.ZodType<T>, example: unknown): Promise<Parsed<T>> {
  const type = c.req.header('content-type');
  if (!isJson(type)) {
    return { ok: false, response: apiError(c, 415, 'unsupported_media_type', `the body must be JSON (Content-Type: application/json), not "${type}"`, example) };
  }
  let text: string;
  try {
    text = (await readBody(c.env.incoming, deps.config.RELANCE_API_BODY_LIMIT)).toString('utf8');
  } catch (e) {
    if (e instanceof BodyTooLargeError) return { ok: false, response: tooLarge(c, e.limit, example) };
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    return { ok: false, response: apiError(c, 400, 'bad_json', `the body is not JSON: ${(e as Error).message} (body begins "${shown}")`, example) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, response: apiError(c, 400, 'invalid_body', `the body must be a JSON object (got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)})`, example) };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => {
      const d = describeIssue(i);
      return { field: d.column, message: `${d.column}: ${d.reason}` };
    });
    return {
      ok: false,
      response: apiError(c, 400, 'invalid_body', details.map((d) => d.message).join('; '), example, { field: details[0]?.field, details }),
    };
  }
  return { ok: true, value: parsed.data };
}

export function tooLarge(c: Context, limit: number, example: unknown): Response {
  return apiError(c, 413, 'payload_too_large', `the body is larger than ${limit.toLocaleString('en-US')} bytes, this endpoint's limit`, example);
}
