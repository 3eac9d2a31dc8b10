// What buttons and modals carry back (a button's value, a view's
// private_metadata) comes from the client: anyone can send a signed request
// with other values. Each is checked here, before anything is read or written,
// and a bad one is told to the user with what it held.
import { z } from 'zod';
import { err, ok, type Result } from '../domain/result.ts';
import { logCallMetadata, type LogCallMetadata } from './modals/log-call.ts';

const idValue = z.string().regex(/^[1-9]\d{0,14}$/).transform(Number);

/** The id (of a case, a customer) a button carries; the error is the value as received. */
export function parseIdValue(value: string | undefined): Result<number, string> {
  const parsed = idValue.safeParse(value);
  return parsed.success ? ok(parsed.data) : err(value ?? '');
}

/** The log-call modal's private_metadata; the error is the metadata as received. */
export function parseLogCallMetadata(raw: string | undefined): Result<LogCallMetadata, string> {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    return err(raw ?? '');
  }
  const parsed = logCallMetadata.safeParse(json);
  return parsed.success ? ok(parsed.data) : err(raw ?? '');
}
