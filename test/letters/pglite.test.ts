// Letters on the embedded database (no DATABASE_URL): the PDF's bytes go in and
// come back whole, the evidence trigger holds, and the case file builds.
import { rmSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database } from '../../src/db/client.ts';
import { caseLetters, insertLetter } from '../../src/db/letters.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { letters } from '../../src/db/schema.ts';
import { renderFormalNotice } from '../../src/letters/formal-notice.ts';
import { gatherNoticeData } from '../../src/letters/notice-data.ts';
import { buildCaseFile } from '../../src/services/letters/export-case.ts';
import { seedLedger } from '../support/ledger.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { CREDITOR } from './support.ts';
import type { Settings } from '../../src/domain/settings.ts';
import { migratedPgliteDir } from '../support/pglite.ts';

let dir: string;
let database: Database;
const WS = 'TLOCAL';
const now = new Date('2026-05-01T08:00:00Z');

beforeAll(async () => {
  dir = migratedPgliteDir('relance-pglite-letters-');
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  await seedLedger(database, WS, '2026-05-01', [
    { ref: 'E1', name: 'Épicerie Fine', invoices: [{ number: 'E1-1', issued: '2026-03-02', due: '2026-04-01', cents: 1_000_000 }] },
  ]);
  for (const [name, value] of Object.entries(CREDITOR)) {
    await writeSetting(database.db, { workspaceId: WS, name: name as keyof Settings, value: value as never, by: 'U0ADMIN', now });
  }
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('letters on embedded PGlite', () => {
  it('keeps a letter\'s bytes, refuses to change them, and puts them in the case file', async () => {
    const [kase] = await rows<{ id: number; customer_id: number }>(database.db, sql`select id::int as id, customer_id::int as customer_id from cases where workspace_id = ${WS}`);
    const gathered = await gatherNoticeData(database.db, { workspaceId: WS, caseId: kase!.id, now });
    expect(gathered.kind).toBe('ready');
    if (gathered.kind !== 'ready') return;
    expect(gathered.data.invoices[0]!.fees.interestCents).toBe(9_986);
    const pdf = await renderFormalNotice(gathered.data);
    const id = await insertLetter(database.db, {
      workspaceId: WS, caseId: kase!.id, customerId: kase!.customer_id, kind: 'formal_notice', locale: 'en', filename: 'formal-notice-E1-2026-05-01.pdf',
      content: pdf, sha256: 'a'.repeat(64), deadlineOn: gathered.data.deadline, createdBy: 'U0MANAGER', now,
    });
    const [stored] = await caseLetters(database.db, WS, kase!.id);
    expect(Buffer.isBuffer(stored!.content) && stored!.content.equals(pdf)).toBe(true);
    await expect(database.db.update(letters).set({ sha256: 'b'.repeat(64) }).where(eq(letters.id, id))).rejects.toThrow();
    await expect(database.db.delete(letters).where(eq(letters.id, id))).rejects.toThrow();

    const file = await buildCaseFile(database.db, { workspaceId: WS, caseId: kase!.id, now, locale: 'fr' });
    expect(file?.filename).toBe('dossier-E1-2026-05-01.zip');
    const entries = unzipSync(new Uint8Array(file!.zip));
    expect(Buffer.from(entries['letters/formal-notice-E1-2026-05-01.pdf']!).equals(pdf)).toBe(true);
    expect(Buffer.from(entries['invoices.csv']!).toString('utf8')).toContain('E1-1,E1,2026-03-02,2026-04-01,,EUR,10000.00,0.00,10000.00');
  });
});
