// The embedded database (no DATABASE_URL) runs the same outbox: the trigger
// queues activities, the router and the poster work the same.
import { rmSync } from 'node:fs';
import { WebClient } from '@slack/web-api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { activities, cases, channelPosts } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { DEMO_ADMIN_ID, DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { drainChannel, POST_EVENT } from '../../src/services/threads/drain.ts';
import { postersWithWork } from '../../src/services/threads/route.ts';
import { seedLedger } from '../support/ledger.ts';
import { debtors } from '../support/digest-ledger.ts';
import { migratedPgliteDir } from '../support/pglite.ts';

let dir: string;
let database: Database;
let emulator: SlackEmulator;
const now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  dir = migratedPgliteDir('relance-pglite-threads-');
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  emulator = await startSlackEmulator();
});

afterAll(async () => {
  await emulator?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('case threads on PGlite', () => {
  it('queues, routes and posts every activity of a case once, and DMs the owner of a broken promise', async () => {
    await seedLedger(database, DEMO_TEAM_ID, '2026-11-23', debtors(2, '2026-11-23'));
    await writeSetting(database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: CHANNEL, by: DEMO_ADMIN_ID, now });
    const all = await database.db.select({ caseId: cases.id, customerId: cases.customerId }).from(cases);
    await database.db.update(cases).set({ ownerId: DEMO_COLLECTOR_ID });
    await database.db.insert(activities).values(all.flatMap((c) => [
      { workspaceId: DEMO_TEAM_ID, caseId: c.caseId, customerId: c.customerId, kind: 'call_logged', actorId: DEMO_COLLECTOR_ID, occurredAt: now, data: { outcome: 'reached' } },
      { workspaceId: DEMO_TEAM_ID, caseId: c.caseId, customerId: c.customerId, kind: 'promise_broken', actorId: 'relance', occurredAt: now,
        data: { amount_cents: 1000, currency: 'EUR', paid_cents: 0, missing_cents: 1000, due_on: '2026-11-19' } },
    ]));
    expect(await database.db.select().from(channelPosts)).toHaveLength(6);

    const deps = {
      db: database.db, client: new WebClient(DEMO_BOT_TOKEN, { slackApiUrl: emulator.apiUrl, retryConfig: { retries: 0 } }),
      clock: () => now, sleep: async () => {}, logger: createLogger('silent'),
    };
    const keys = await postersWithWork(database.db, now);
    expect(keys.map((k) => k.channelId).sort()).toEqual([CHANNEL, DEMO_COLLECTOR_ID]);
    for (const key of keys) expect(await drainChannel(deps, key)).toMatchObject({ kind: 'drained' });
    expect(await postersWithWork(database.db, now)).toEqual([]);

    const ours = emulator.messages(CHANNEL).filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === POST_EVENT);
    expect(ours).toHaveLength(2);
    for (const root of ours) expect(emulator.messages(CHANNEL, { threadTs: root.ts })).toHaveLength(3);
    const [kase] = await database.db.select().from(cases).where(eq(cases.id, all[0]!.caseId));
    expect(kase!.threadChannelId).toBe(CHANNEL);
    expect(emulator.calls('chat.postMessage').filter((c) => String(c.args.channel).startsWith('D'))).toHaveLength(2);
  });
});
