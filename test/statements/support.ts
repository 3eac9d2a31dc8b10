// What the bank statement tests share: the ledger the fixtures pay
// (test/fixtures/camt053), and `relance import` run as a user runs it.
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/client.ts';
import { runImportCommand } from '../../src/import/cli.ts';
import { seedLedger } from '../support/ledger.ts';

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/camt053/${name}`, import.meta.url));

/** The customers and invoices the fixtures name: due dates set so the oldest-first rules are visible. */
export function seedStatementLedger(database: Database, workspaceId: string, today = '2026-11-23') {
  return seedLedger(database, workspaceId, today, [
    { ref: 'C-ACME', name: 'Acme SAS', invoices: [
      { number: 'F-2026-0042', issued: '2026-09-20', due: '2026-10-20', cents: 125_000 },
      { number: 'F-2026-0043', issued: '2026-09-25', due: '2026-10-25', cents: 40_000 },
      { number: 'F-2026-0044', issued: '2026-10-01', due: '2026-11-01', cents: 31_000 },
    ] },
    { ref: 'C-GLOBEX', name: 'Globex Ltd', invoices: [
      { number: 'INV-7001', issued: '2026-09-15', due: '2026-10-15', cents: 100_000 },
      { number: 'F-2026-0050', issued: '2026-09-30', due: '2026-10-30', cents: 80_000 },
    ] },
    { ref: 'C-SGE', name: "Société Générale d'Équipement SARL", invoices: [
      { number: 'F-2026-0061', issued: '2026-09-10', due: '2026-10-10', cents: 98_000 },
    ] },
    { ref: 'C-MARTIN', name: 'Boulangerie Martin', invoices: [
      { number: 'F-2026-0070', issued: '2026-08-31', due: '2026-09-30', cents: 120_000 },
      { number: 'F-2026-0071', issued: '2026-09-30', due: '2026-10-30', cents: 180_000 },
      { number: 'F-2026-0072', issued: '2026-10-15', due: '2026-11-15', cents: 50_000 },
    ] },
  ]);
}

class Capture {
  text = '';
  isTTY = false;
  write(s: string) {
    this.text += s;
    return true;
  }
}

export async function runImport(database: Database, argv: string[], now: Date) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runImportCommand(argv, {
    database, env: { RELANCE_TZ: 'Europe/Paris', RELANCE_LOCALE: 'en' }, stdout, stderr, now: () => now,
  });
  return { code, out: stdout.text, err: stderr.text };
}
