// Buttons and reactions whose payload is wrong (forged or damaged values, a case
// of another workspace) or whose write fails: the person who acted is told what
// went wrong, and nothing changes.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members, tasks } from '../../src/db/schema.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { otherWorkspaceCase, postTestDigest, type PostedReply } from '../support/posted-digest.ts';

const MONDAY = '2026-11-23';
let t: TestApp;
let replies: PostedReply[];
let otherWorkspaceCaseId: number;

async function click(reply: PostedReply, actionId: string, value?: string): Promise<string> {
  const sent = await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, actionId, ...(value !== undefined ? { value } : {}) });
  expect(sent.status).toBe(200);
  const answer = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return (answer.body as { text: string }).text;
}

const openTasks = async () => (await t.database.db.select().from(tasks).where(and(eq(tasks.kind, 'call'), eq(tasks.status, 'open')))).length;

async function withFailingActivities<T>(run: () => Promise<T>): Promise<T> {
  await t.database.pg!.unsafe(`
    create function fail_activity() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$;
    create trigger fail_activity before insert on activities for each row execute function fail_activity();`);
  try {
    return await run();
  } finally {
    await t.database.pg!.unsafe('drop trigger fail_activity on activities; drop function fail_activity();');
  }
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(3, MONDAY));
  otherWorkspaceCaseId = await otherWorkspaceCase(t, MONDAY);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  ({ replies } = await postTestDigest(t, MONDAY));
});

afterAll(async () => {
  await t?.close();
});

describe('a button with a value relance did not make', () => {
  it('Claim call quotes the bad value and claims nothing', async () => {
    expect(await click(replies[0]!, 'claim_call', 'abc')).toContain('This button carries "abc", which is not a number relance put there');
    expect(await click(replies[0]!, 'claim_call', '12; drop table cases')).toContain('carries "12; drop table cases"');
    expect(await openTasks()).toBe(0);
  });

  it('Log call quotes the bad value and opens no modal', async () => {
    expect(await click(replies[0]!, 'log_call', '1e3')).toContain('This button carries "1e3"');
    expect(t.emulator.calls('views.open')).toHaveLength(0);
  });

  it('Open case quotes the bad value', async () => {
    const text = await click(replies[0]!, 'case_open', 'x1');
    expect(text).toContain('This button carries "x1"');
    // It names a customer, not a case: the message must not say it wants a case number.
    expect(text).not.toContain('case number');
  });

  it('a case of another workspace is not found, and nothing is claimed there', async () => {
    expect(await click(replies[0]!, 'claim_call', String(otherWorkspaceCaseId))).toContain('I can\'t find this case in this workspace');
    expect(await click(replies[0]!, 'log_call', String(otherWorkspaceCaseId))).toContain('I can\'t find this case in this workspace');
    expect(await openTasks()).toBe(0);
  });
});

describe('when the database fails', () => {
  it('Claim call answers with an error and a reference, and claims nothing', async () => {
    const text = await withFailingActivities(() => click(replies[1]!, 'claim_call'));
    expect(text).toMatch(/Something went wrong on my side.*`[0-9a-f]{8}`/);
    expect(await openTasks()).toBe(0);
  });

  it('a :raising_hand: is answered with an error and a reference', async () => {
    await withFailingActivities(async () => {
      await t.sender.event({ event: t.emulator.addReaction(DEMO_COLLECTOR_ID, CHANNEL, replies[2]!.ts, 'raising_hand') });
      const told = await t.emulator.waitFor(() => t.emulator.ephemerals({ user: DEMO_COLLECTOR_ID }).find((e) => e.text.includes('Something went wrong')), { timeoutMs: 10_000 });
      expect(told.text).toMatch(/`[0-9a-f]{8}`/);
    });
    expect(await openTasks()).toBe(0);
  });
});
