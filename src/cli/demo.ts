// `relance demo seed [--reset]`: the demo workspace (T0DEMO) of the sandbox,
// seeded in the configured database: about 40 customers, 300 invoices and five
// weeks of calls, promises and requests. Seeding twice changes nothing;
// --reset empties the demo workspace (and no other) and seeds it again.
import { parseArgs } from 'node:util';
import type { Env } from '../config/env.ts';
import type { Database } from '../db/client.ts';
import { DemoResetRefused } from '../demo/reset.ts';
import { seedDemoWorkspace } from '../demo/seed.ts';
import { DEMO_TEAM_ID } from '../emulator/seed.ts';
import type { CliIo } from './digest.ts';

export const DEMO_USAGE = `Usage: relance demo seed [--reset]
  seeds the demo workspace ${DEMO_TEAM_ID} (the sandbox's) in the configured database;
  --reset empties that workspace first, and only that one`;

export async function runDemoCommand(argv: string[], database: Database, env: Env, io: CliIo): Promise<number> {
  const say = (s: string) => io.stdout.write(`${s}\n`);
  const complain = (s: string) => io.stderr.write(`${s}\n`);
  const [sub, ...rest] = argv;
  if (sub !== 'seed') {
    return complain(`relance demo: ${sub === undefined ? 'a subcommand is needed' : `unknown subcommand "${sub}"`}. Example: relance demo seed\n${DEMO_USAGE}`), 2;
  }
  let reset: boolean;
  try {
    ({ values: { reset } } = parseArgs({ args: rest, options: { reset: { type: 'boolean', default: false } }, strict: true }));
  } catch (error) {
    return complain(`${(error as Error).message}. Example: relance demo seed --reset\n${DEMO_USAGE}`), 2;
  }
  say(`${reset ? 'Resetting and seeding' : 'Seeding'} the demo workspace ${DEMO_TEAM_ID} in ${database.where}…`);
  try {
    const result = await seedDemoWorkspace(database, {
      timezone: env.RELANCE_TZ, locale: env.RELANCE_LOCALE, now: io.now(), reseed: reset, say, command: env.RELANCE_COMMAND,
    });
    if (!result.seeded) {
      say(`The demo workspace ${DEMO_TEAM_ID} already holds ${result.customers} customers and ${result.invoices} invoices: nothing was changed. `
        + '`relance demo seed --reset` empties it and seeds it again.');
    }
    return 0;
  } catch (error) {
    if (error instanceof DemoResetRefused) return complain(error.message), 1;
    throw error;
  }
}
