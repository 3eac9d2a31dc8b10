// Checks every POST to the Slack endpoint before Bolt sees it, for what Bolt
// does not check. Bolt 5 crashes the process on a signed body that parses to
// null (it reads `body.ssl_check`), and it only refuses timestamps that are too
// old, so a request dated ahead could be replayed until that date: here both
// ways count. Bolt verifies the signature of every request it is handed; the
// guard verifies it only for a body it refuses, to answer 401 rather than 400
// to whoever did not sign it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { HTTPModuleFunctions, isRawBodyError, type BufferedIncomingMessage } from '@slack/bolt';
import type { Logger } from '../log.ts';

/** Slack's replay window, both ways: a request dated further from now is refused. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  signingSecret: string;
  endpoints: string[];
  bodyLimit: number;
  logger: Logger;
  /** Wall time, as Slack signs it and Bolt checks it; never the app's business clock. */
  nowMs?: () => number;
}

type Verdict = { ok: true } | { ok: false; status: 400 | 401; reason: string };

const FORM = 'application/x-www-form-urlencoded';
const refuse = (status: 400 | 401, reason: string): Verdict => ({ ok: false, status, reason });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A JSON document as Slack sends one: an object with a `type` (event envelope or interaction). */
function checkTypedObject(text: string, what: string): Verdict {
  const parsed = parseJson(text);
  if (!parsed.ok) return refuse(400, `${what} is not JSON`);
  if (!isObject(parsed.value)) return refuse(400, `${what} is not a JSON object`);
  if (typeof parsed.value.type !== 'string' || parsed.value.type === '') return refuse(400, `${what} has no type`);
  return { ok: true };
}

/** Reads the body exactly as Bolt's parseHTTPRequestBody will, and refuses what Slack never sends. */
export function checkBodyShape(contentType: string | undefined, text: string): Verdict {
  if (contentType !== FORM) return checkTypedObject(text, 'the JSON body');
  const fields = parseQuery(text);
  if (Object.values(fields).some((value) => typeof value !== 'string')) return refuse(400, 'a form field is repeated');
  if ('payload' in fields) return checkTypedObject(String(fields.payload), 'the form payload');
  if (typeof fields.command !== 'string' || fields.command === '') return refuse(400, 'a form body with neither payload nor command');
  return { ok: true };
}

function isSslCheck(contentType: string | undefined, text: string): boolean {
  // Most bodies never mention it: no parse for them.
  return contentType === FORM && text.includes('ssl_check') && parseQuery(text).ssl_check === '1';
}

/** Slack's signature headers, present and dated within the window, either way. */
export function checkTimestamp(req: IncomingMessage, nowMs: number): Verdict {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return refuse(401, 'signature headers missing');
  if (!/^\d{1,12}$/.test(timestamp)) return refuse(401, 'the request timestamp is not a number of seconds');
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > SLACK_TIMESTAMP_WINDOW_SECONDS) {
    return refuse(401, 'the request timestamp is more than 5 minutes from now');
  }
  return { ok: true };
}

/** Slack's v0 signature over the body, compared in constant time (headers checked by checkTimestamp). */
export function checkSignature(req: IncomingMessage, text: string, signingSecret: string): Verdict {
  const signature = String(req.headers['x-slack-signature']);
  const timestamp = String(req.headers['x-slack-request-timestamp']);
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${text}`).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(401, 'signature mismatch');
  return { ok: true };
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}

/** Bolt's own routing test (HTTPReceiver): what passes it is taken for a Slack request. */
function endpointOf(req: IncomingMessage, endpoints: string[]): boolean | 'unreadable' {
  if (req.method?.toUpperCase() !== 'POST') return false;
  try {
    return endpoints.includes(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return 'unreadable';
  }
}

/** Wraps HTTPReceiver's request listener: Slack's endpoint is checked first, other routes pass untouched. */
export function guardSlackRequests(next: RequestListener, options: RequestGuardOptions): RequestListener {
  const log = options.logger.child({ component: 'slack-request-guard' });
  const nowMs = options.nowMs ?? Date.now;

  async function checkThenPass(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, options.bodyLimit);
    } catch (error) {
      const tooLarge = isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413;
      log.warn({ status: tooLarge ? 413 : 400 }, tooLarge ? 'refused a Slack request: body too large' : 'refused a Slack request: body unreadable');
      return answer(res, tooLarge ? 413 : 400);
    }
    const contentType = req.headers['content-type'];
    const text = buffered.rawBody.toString();
    // Slack's unsigned ssl_check is answered here: nothing else of its body goes further.
    if (isSslCheck(contentType, text)) return answer(res, 200);
    const dated = checkTimestamp(req, nowMs());
    const shape = dated.ok ? checkBodyShape(contentType, text) : dated;
    // A well-formed body goes on to Bolt, which verifies its signature; a refused one is told
    // 401 when it is not signed, so nobody learns what the checks accept without the secret.
    const signed = dated.ok && !shape.ok ? checkSignature(req, text, options.signingSecret) : { ok: true as const };
    const verdict = signed.ok ? shape : signed;
    if (!verdict.ok) {
      // The reason only: a refused body is never logged, it may carry debtor data.
      log.warn({ status: verdict.status, reason: verdict.reason }, `refused a Slack request: ${verdict.reason}`);
      return answer(res, verdict.status);
    }
    return next(buffered, res);
  }

  return (req, res) => {
    const endpoint = endpointOf(req, options.endpoints);
    if (endpoint === 'unreadable') return answer(res, 400);
    if (!endpoint) return next(req, res);
    checkThenPass(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'the Slack request guard failed');
      answer(res, 500);
    });
  };
}
