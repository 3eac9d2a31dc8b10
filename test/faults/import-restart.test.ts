// PostgreSQL stops while a large CSV streams into `importCsv`: the import fails
// with a clear message, the ledger is exactly as before (the transaction rolled
// back), and once the server is back the same file gives the same ledger as an
// import nobody disturbed.
import { Readable } from 'node:stream';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { importFiles } from '../../src/import/import-files.ts';
import type { StageMethod } from '../../src/import/types.ts';
import { EN, newWorkspace, snapshot, TODAY } from '../import/support.ts';
import { startOwnServers, type OwnServers } from './support/own-servers.ts';
import { DRIVER_NULL_SOCKET, withUncaughtErrorsRecorded } from './support/uncaught.ts';

const ROWS = 3_000;
const NOW = new Date('2026-03-15T08:00:00Z');
const HEADER = 'invoice_number,customer_ref,issue_date,due_date,currency,amount\n';
const CUSTOMERS = ['ACME', 'GLOBEX', 'JSMITH'];

let servers: OwnServers | undefined;
let database: Database | undefined;

const line = (i: number) => `BULK-${i},${CUSTOMERS[i % 3]},2026-01-${String(1 + (i % 28)).padStart(2, '0')},2026-02-${String(1 + (i % 28)).padStart(2, '0')},EUR,${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}\n`;

/** The whole file, in chunks of 200 lines. */
function bulkFile(): string[] {
  const chunks = [HEADER];
  for (let start = 0; start < ROWS; start += 200) {
    let chunk = '';
    for (let i = start; i < Math.min(ROWS, start + 200); i += 1) chunk += line(i);
    chunks.push(chunk);
  }
  return chunks;
}

/** The same file, but PostgreSQL is stopped (as a crash) once a third of it has been handed over. */
function fileWithOutage(server: OwnServers['pg']): Readable {
  const chunks = bulkFile();
  async function* paced() {
    for (const [n, chunk] of chunks.entries()) {
      if (n === Math.floor(chunks.length / 3)) await server.stop('immediate');
      yield chunk;
    }
  }
  return Readable.from(paced());
}

beforeAll(async () => {
  servers = await startOwnServers();
  const admin = postgres(servers.pg.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('create database relance');
  await admin.end();
  database = await openDatabase({ databaseUrl: servers.pg.urlFor('relance'), max: 3 });
  await migrateDatabase(database);
});

afterAll(async () => {
  await database?.close().catch(() => {});
  await servers?.destroy();
});

describe('PostgreSQL restarted in the middle of an import', () => {
  it.each(['copy', 'batch'] as StageMethod[])('rolls the file back, and a rerun gives the undisturbed ledger (%s staging)', async (stageMethod) => {
    const db = database!;
    const disturbed = await newWorkspace(db, `TOUTAGE_${stageMethod}`);
    const undisturbed = await newWorkspace(db, `TCALM_${stageMethod}`);
    for (const ws of [disturbed, undisturbed]) await importFiles(db, { workspaceId: ws, files: EN, today: TODAY, now: NOW });
    const before = await snapshot(db, disturbed);

    // The import runs on its own connections, as `relance import` runs in its own process.
    const importer = await openDatabase({ databaseUrl: servers!.pg.urlFor('relance'), max: 3 });
    const driverCrashes: Error[] = [];
    let report;
    try {
      report = await withUncaughtErrorsRecorded(driverCrashes, () =>
        importCsv(importer, { workspaceId: disturbed, today: TODAY, now: NOW, fileName: 'bulk.csv', stream: fileWithOutage(servers!.pg), stageMethod, batchSize: 500 }));
    } finally {
      // Its connections died with the server: nothing to wait for (Database.close would wait 5 s for them).
      await importer.pg?.end({ timeout: 0 }).catch(() => {});
      await servers!.pg.start();
    }
    // postgres.js 3.4.9 writes the ROLLBACK of a transaction whose connection died to a socket it
    // already dropped (porsager/postgres#1208): an uncaught TypeError from a setImmediate, nothing else.
    for (const crash of driverCrashes) expect(`${crash.message} ${crash.stack}`).toMatch(DRIVER_NULL_SOCKET);
    expect(report.failure).toMatch(/^the connection to the database was lost \(.+\); import the file again once the database is back; nothing from this file was imported$/);
    expect(report).toMatchObject({ inserted: 0, updated: 0 });
    expect(await snapshot(db, disturbed)).toEqual(before);

    const rerun = await importCsv(db, { workspaceId: disturbed, today: TODAY, now: NOW, fileName: 'bulk.csv', stream: Readable.from(bulkFile()), stageMethod, batchSize: 500 });
    const calm = await importCsv(db, { workspaceId: undisturbed, today: TODAY, now: NOW, fileName: 'bulk.csv', stream: Readable.from(bulkFile()), stageMethod, batchSize: 500 });
    expect(rerun.failure).toBeUndefined();
    expect(rerun.inserted).toBe(ROWS);
    expect({ ...rerun, durationMs: 0 }).toEqual({ ...calm, durationMs: 0 });
    expect(await snapshot(db, disturbed)).toEqual(await snapshot(db, undisturbed));
  });
});
