// A database write that fails must not put debtor data in the logs: drizzle and
// both drivers carry the query's parameters (the note, the e-mail, the phone) in
// the error's message, stack and fields. Real failing writes, real pino output.
import { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../src/db/schema.ts';
import { createLogger, type Logger } from '../src/log.ts';
import { logCall } from '../src/services/log-call.ts';
import { boltLogger } from '../src/slack/bolt-logger.ts';
import { openTestDatabase, type TestDatabase } from './support/pg.ts';
import { seedLedger } from './support/ledger.ts';

const WORKSPACE = 'T0REDACT';
const NOTE = 'Spoke to Jane: her husband is in hospital, will pay Friday';
const EMAIL = 'jane.debtor@example.com';
const PHONE = '+33 6 12 34 56 78';
const SECRETS = [NOTE, 'husband is in hospital', EMAIL, 'jane.debtor', PHONE, '12 34 56'];

let pg: TestDatabase;
let caseId: number;

beforeAll(async () => {
  pg = await openTestDatabase();
  const ids = await seedLedger(pg.database, WORKSPACE, '2026-11-23', [
    { ref: 'C-1', name: 'Acme SA', invoices: [{ number: 'F-1', issued: '2026-08-01', due: '2026-09-01', cents: 10_000 }] },
  ]);
  const rows = await pg.database.db.execute(sql`select id from cases where customer_id = ${ids.get('C-1')!}`) as unknown as { id: number }[];
  caseId = Number(rows[0]!.id);
});

afterAll(async () => {
  await pg?.close();
});

/** A logger whose lines are kept, as an operator's log collector would keep them. */
function capturingLogger(level = 'debug'): { logger: Logger; output: () => string } {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
  return { logger: createLogger(level, stream), output: () => lines.join('') };
}

async function failure(write: () => Promise<unknown>): Promise<Error> {
  try {
    await write();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the write was expected to fail');
}

/** Every way this codebase (and Bolt) hands an error to the logger. */
function logEveryWay(logger: Logger, error: Error): void {
  logger.error({ err: error }, 'slash command failed');
  logger.error({ err: error });
  logger.error(error);
  logger.error({ error }, 'digest interaction failed');
  logger.error({ err: new Error('could not log the call', { cause: error }) }, 'wrapped');
  logger.error({ job: { id: 'j1', failure: error } }, 'nested');
  logger.warn({ err: error.message }, 'job failed; BullMQ will retry');
  logger.child({ component: 'worker' }).error({ err: error }, 'from a child logger');
  const bolt = boltLogger(logger);
  bolt.error('An unhandled error occurred while Bolt processed an event', error);
  bolt.debug(`Error details: ${String(error)}, storedResponse: undefined`);
  bolt.error(error);
}

/** How a text appears inside a JSON log line. */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

function expectNoSecrets(output: string): void {
  for (const secret of SECRETS) expect(output).not.toContain(secret);
}

describe('a failed write logs what an operator needs, never the debtor data', () => {
  it('a call note that PostgreSQL refuses (NUL byte): drizzle over postgres.js', async () => {
    const error = await failure(() => logCall(pg.database.db, {
      workspaceId: WORKSPACE, caseId, userId: 'U1', outcome: 'reached', note: `${NOTE}\u0000`, now: new Date('2026-11-23T10:00:00Z'),
    }));
    // The leak is real: the raw error carries the note.
    expect(`${error.message}${JSON.stringify(error)}`).toContain(NOTE);
    const { logger, output } = capturingLogger();
    logEveryWay(logger, error);
    expectNoSecrets(output());
    // What the operator keeps: the SQLSTATE, the statement, where it failed.
    expect(output()).toContain('22021');
    expect(output()).toContain(inJson('insert into "activities"'));
    expect(output()).toContain('log-call.ts');
  });

  it('a customer insert with e-mail and phone in its parameters', async () => {
    const error = await failure(() => pg.database.db.insert(customers).values({
      workspaceId: WORKSPACE, customerRef: 'C-\u0000', name: 'Jane Debtor', email: EMAIL, phone: PHONE,
    }));
    expect(error.message).toContain(EMAIL);
    const { logger, output } = capturingLogger();
    logEveryWay(logger, error);
    expectNoSecrets(output());
    expect(output()).toContain(inJson('insert into "customers"'));
  });

  it('a PostgreSQL message that quotes the value itself', async () => {
    const error = await failure(() => pg.database.db.execute(sql`select ${EMAIL}::integer`));
    expect(String((error as { cause?: Error }).cause?.message)).toContain(EMAIL);
    const { logger, output } = capturingLogger();
    logEveryWay(logger, error);
    expectNoSecrets(output());
    expect(output()).toContain('22P02');
    expect(output()).toContain('invalid input syntax for type integer');
  });

  it('a unique violation, whose detail quotes the key', async () => {
    const insert = () => pg.database.db.insert(customers).values({ workspaceId: WORKSPACE, customerRef: EMAIL, name: 'Jane', phone: PHONE });
    await insert();
    const error = await failure(insert);
    const { logger, output } = capturingLogger();
    logEveryWay(logger, error);
    expectNoSecrets(output());
    expect(output()).toContain('23505');
    expect(output()).toContain('customers_ref_uq');
  });

  it('postgres.js used directly (the import COPY path)', async () => {
    const error = await failure(() => pg.database.pg!`insert into customers (workspace_id, customer_ref, name, email, phone) values (${WORKSPACE}, ${'C-\u0000'}, ${'Jane'}, ${EMAIL}, ${PHONE})`);
    const { logger, output } = capturingLogger();
    logEveryWay(logger, error);
    expectNoSecrets(output());
    expect(output()).toContain('22021');
  });

  it('the embedded database (PGlite)', async () => {
    const client = new PGlite();
    try {
      const db = drizzle(client);
      await db.execute(sql`create table people (email text, phone text, age integer)`);
      const error = await failure(() => db.execute(sql`insert into people values (${EMAIL}, ${PHONE}, ${`${NOTE}`}::integer)`));
      expect(`${error.message}${String((error as { cause?: Error }).cause?.message)}`).toContain(EMAIL);
      const { logger, output } = capturingLogger();
      logEveryWay(logger, error);
      expectNoSecrets(output());
      expect(output()).toContain('22P02');
    } finally {
      await client.close();
    }
  });

  it('leaves other errors as they were', () => {
    const { logger, output } = capturingLogger();
    logger.error({ err: Object.assign(new Error('channel_not_found'), { code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } }) }, 'post failed');
    const line = JSON.parse(output()) as { err: { message: string; type: string; stack: string; code: string; data: unknown } };
    expect(line.err).toMatchObject({ type: 'Error', message: 'channel_not_found', code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } });
    expect(line.err.stack).toContain('log-redaction.test.ts');
  });
});

describe("Bolt's own debug lines", () => {
  it('never carry a request body (a view submission holds the note)', () => {
    const { logger, output } = capturingLogger();
    const body = { type: 'view_submission', view: { state: { values: { note: { value: { type: 'plain_text_input', value: NOTE } } } } } };
    const bolt = boltLogger(logger);
    bolt.debug(JSON.stringify(body));
    bolt.debug(`ack() call begins (body: ${JSON.stringify({ text: `Call logged: ${EMAIL}` })})`);
    expectNoSecrets(output());
  });
});
