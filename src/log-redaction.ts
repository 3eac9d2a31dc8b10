// Errors made safe to log. A database error carries the failed query's parameters
// (a call note, a customer's e-mail and phone): drizzle's DrizzleQueryError quotes
// them in its message and stack and keeps them in `params`; postgres.js keeps them
// in `parameters`, PGlite in `params`; PostgreSQL's own messages and `detail` quote
// values ("invalid input syntax for type integer: \"…\"", "Key (email)=(…)").
// What an operator needs stays: SQLSTATE code, constraint/table/column names, the
// SQL text (placeholders, no values), where in our code it failed.

type Fields = Record<string, unknown>;

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_DEPTH = 8;
const REDACTED = '[redacted]';

/** Drizzle's message is `Failed query: <sql>\nparams: <values>`: the values go. */
const DRIZZLE_PARAMS = /(Failed query: [\s\S]*?)\nparams: [\s\S]*/;

/** A text that may quote a drizzle message (`${error}`, `error.message`) loses the parameters. */
export function scrubText(text: string): string {
  return text.includes('Failed query:') ? text.replace(DRIZZLE_PARAMS, `$1\nparams: ${REDACTED}`) : text;
}

function typeOf(error: Error): string {
  const name = error.constructor?.name ?? '';
  // PGlite's bundle is minified: its DatabaseError is a class `O` named "error".
  if (name.length <= 2 || name === 'Object') return error.name === 'error' && 'severity' in error ? 'DatabaseError' : error.name;
  return name;
}

function isDatabaseError(error: Error & Fields): boolean {
  const type = typeOf(error);
  return type === 'DrizzleQueryError' || type === 'PostgresError' || type === 'DatabaseError'
    || 'params' in error || 'parameters' in error || error.message.startsWith('Failed query:')
    || (typeof error.code === 'string' && SQLSTATE.test(error.code) && 'severity' in error);
}

/** Names PostgreSQL reports for the failing object, under either driver's field names. */
function identifiersOf(error: Fields): Fields {
  const pick = (...keys: string[]) => keys.map((k) => error[k]).find((v) => typeof v === 'string' && v !== '');
  const found: Fields = {
    schema: pick('schema_name', 'schema'),
    table: pick('table_name', 'table'),
    column: pick('column_name', 'column'),
    dataType: pick('data type_name', 'dataType'),
    constraint: pick('constraint_name', 'constraint'),
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/**
 * A server message keeps its words and the names of the failing objects; what
 * follows a colon and any other quoted text may be a value, and goes.
 */
function safeServerMessage(message: string, identifiers: Fields): string {
  const names = new Set(Object.values(identifiers));
  const head = message.split(': ')[0] ?? '';
  return head.replace(/"([^"]*)"|'([^']*)'/g, (quoted, dq?: string, sq?: string) => (names.has(dq ?? sq) ? quoted : `"${REDACTED}"`));
}

/** The stack's frames only: V8 repeats the message (with the values) at its top. */
function framesOf(error: Error): string[] {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const at = error.message === '' ? -1 : stack.indexOf(error.message);
  const rest = at >= 0 ? stack.slice(at + error.message.length) : stack;
  return rest.split('\n').filter((line) => /^\s+at \S/.test(line));
}

function safeDatabaseError(error: Error & Fields, depth: number, seen: WeakSet<object>): Fields {
  const type = typeOf(error);
  const identifiers = identifiersOf(error);
  const drizzle = error.message.startsWith('Failed query:');
  const message = drizzle ? error.message.replace(DRIZZLE_PARAMS, '$1') : safeServerMessage(error.message, identifiers);
  const code = typeof error.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(error.code) ? error.code : undefined;
  const safe: Fields = {
    type,
    message,
    stack: [`${type}: ${message}`, ...framesOf(error)].join('\n'),
    ...(code !== undefined ? { code } : {}),
    ...(typeof error.severity === 'string' ? { severity: error.severity } : {}),
    ...identifiers,
    ...(typeof error.routine === 'string' ? { routine: error.routine } : {}),
    ...(typeof error.query === 'string' ? { query: error.query.slice(0, 4000) } : {}),
    redacted: 'parameters and quoted values',
  };
  if (error.cause !== undefined) safe.cause = safeForLog(error.cause, depth + 1, seen);
  return safe;
}

/**
 * An error of the model's API (the openai SDK's APIError and kin): its message
 * and `error` body are the server's words, which may quote the prompt (a call
 * note) or the answer. Only the status, codes and request id stay.
 */
function isModelApiError(error: Error & Fields): boolean {
  return 'status' in error && 'headers' in error && 'error' in error && ('requestID' in error || typeOf(error).startsWith('API'));
}

function safeModelApiError(error: Error & Fields): Fields {
  const type = typeOf(error);
  const pick = (v: unknown) => (typeof v === 'string' && /^[\w.-]{1,80}$/.test(v) ? v : undefined);
  const status = typeof error.status === 'number' ? error.status : undefined;
  const message = `${type}${status !== undefined ? ` ${status}` : ''} (body redacted)`;
  const safe: Fields = { type, message, stack: [`${type}: ${message}`, ...framesOf(error)].join('\n'), redacted: 'model API message and body' };
  if (status !== undefined) safe.status = status;
  for (const key of ['code', 'type', 'requestID'] as const) {
    const value = pick(error[key]);
    if (value !== undefined) safe[key === 'type' ? 'errorType' : key] = value;
  }
  return safe;
}

function safeError(error: Error & Fields, depth: number, seen: WeakSet<object>): Fields {
  if (isDatabaseError(error)) return safeDatabaseError(error, depth, seen);
  if (isModelApiError(error)) return safeModelApiError(error);
  const safe: Fields = { type: typeOf(error), message: scrubText(error.message), stack: scrubText(String(error.stack ?? '')) };
  for (const [key, value] of Object.entries(error)) safe[key] = safeForLog(value, depth + 1, seen);
  if (error.cause !== undefined) safe.cause = safeForLog(error.cause, depth + 1, seen);
  if (error instanceof AggregateError) safe.errors = safeForLog(error.errors, depth + 1, seen);
  return safe;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A copy of a value about to be logged, with every error in it (at any depth, in any cause) made safe. */
export function safeForLog(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth > MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) return safeError(value as Error & Fields, depth, seen);
  if (Array.isArray(value)) return value.map((item) => safeForLog(item, depth + 1, seen));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, safeForLog(item, depth + 1, seen)]));
}
