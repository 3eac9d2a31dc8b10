// The ladder on the embedded database (no DATABASE_URL): the same pass, the same statements.
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { findWorkspace } from '../../src/db/workspaces.ts';
import { runLadderDay } from '../../src/services/ladder/daily.ts';
import { seedLedger } from '../support/ledger.ts';
import { paris } from './support.ts';
import { migratedPgliteDir } from '../support/pglite.ts';

let dir: string;
let database: Database;
const WS = 'TLOCAL';

beforeAll(async () => {
  dir = migratedPgliteDir('relance-pglite-ladder-');
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  await seedLedger(database, WS, '2026-11-23', [
    { ref: 'E1', name: 'Épicerie Fine', invoices: [{ number: 'E1-1', issued: '2026-10-01', due: '2026-10-24', cents: 12_345 }] },
    { ref: 'E2', name: 'Épices du Monde', invoices: [{ number: 'E2-1', issued: '2026-08-01', due: '2026-09-01', cents: 500 }] },
    { ref: 'E3', name: 'Bientôt', invoices: [{ number: 'E3-1', issued: '2026-11-01', due: '2026-11-27', cents: 900 }] },
  ]);
}, 60_000);

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the ladder on embedded PGlite', () => {
  it('passes a day, drafts and proposes, and changes nothing the second time', async () => {
    const workspace = (await findWorkspace(database.db, WS))!;
    const now = paris('2026-11-23');
    const dry = await runLadderDay(database.db, workspace, { now, dryRun: true });
    expect(dry).toMatchObject({ kind: 'passed', dryRun: true });
    const first = await runLadderDay(database.db, workspace, { now });
    expect(first.kind === 'passed' && first.result.stages.map((s) => [s.stage, s.moved, s.acting])).toEqual([['reminder_3', 1, 1], ['agency_or_legal', 1, 0]]);
    expect(first.kind === 'passed' && first.result.preDue.drafted).toBe(1);
    expect(await runLadderDay(database.db, workspace, { now })).toEqual({ kind: 'already_done', day: '2026-11-23' });
    const counted = await rows<{ drafts: number; escalations: number }>(database.db, sql`
      select (select count(*)::int from drafts) as drafts, (select count(*)::int from escalations) as escalations`);
    expect(counted[0]).toEqual({ drafts: 2, escalations: 1 });
  });
});
