// Submitting the log-call modal, as Slack sends it and as an attacker or a bad
// network can: replayed, oversized, with control characters, with forged
// metadata, or while the database fails. The timeline is append-only: what it
// gets must be right the first time.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, members } from '../../src/db/schema.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { otherWorkspaceCase, postTestDigest, type PostedReply } from '../support/posted-digest.ts';

const MONDAY = '2026-11-23';
let t: TestApp;
let replies: PostedReply[];
let otherWorkspaceCaseId: number;

type Values = Record<string, unknown>;
const outcome = (value: string | null): Values => ({ outcome: { value: { type: 'static_select', selected_option: value === null ? null : { value } } } });
const note = (value: string): Values => ({ note: { value: { type: 'plain_text_input', value } } });

const logged = (caseId: number) => t.database.db.select().from(activities).where(and(eq(activities.caseId, caseId), eq(activities.kind, 'call_logged')));

/** Presses Log call on a digest reply and returns the opened modal's id. */
async function openModal(reply: PostedReply): Promise<string> {
  const before = t.emulator.calls('views.open').length;
  await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'log_call' });
  const opened = await t.emulator.waitForCall('views.open', { count: before + 1, timeoutMs: 5_000 });
  return (opened.response as { view: { id: string } }).view.id;
}

function submit(viewId: string, values: Values, view: Record<string, unknown> = {}) {
  return t.sender.viewSubmission({ userId: DEMO_COLLECTOR_ID, viewId, view: { state: { values }, ...view } });
}

/** The errors a view_submission's ack shows in the modal, by block. */
const errorsOf = (body: unknown) => (body as { response_action?: string; errors?: Record<string, string> }).errors ?? {};

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(6, MONDAY));
  otherWorkspaceCaseId = await otherWorkspaceCase(t, MONDAY);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  ({ replies } = await postTestDigest(t, MONDAY));
});

afterAll(async () => {
  await t?.close();
});

describe('a replayed submission', () => {
  it('writes the call once to the timeline, however often Slack (or anyone) sends it', async () => {
    const reply = replies[0]!;
    const viewId = await openModal(reply);
    for (let i = 0; i < 3; i++) {
      const sent = await submit(viewId, { ...outcome('reached'), ...note('Promised to pay Friday') });
      expect(sent.status).toBe(200);
      expect(errorsOf(sent.body)).toEqual({});
    }
    expect(await logged(reply.caseId)).toHaveLength(1);
    const told = t.emulator.ephemerals({ user: DEMO_COLLECTOR_ID }).filter((e) => e.text.includes('logged: reached'));
    expect(told).toHaveLength(1);
  });

  it('still logs a corrected submission of the same modal after an error', async () => {
    const reply = replies[1]!;
    const viewId = await openModal(reply);
    const refused = await submit(viewId, outcome(null));
    expect(errorsOf(refused.body).outcome).toContain('Pick an outcome');
    const accepted = await submit(viewId, outcome('voicemail'));
    expect(errorsOf(accepted.body)).toEqual({});
    expect(await logged(reply.caseId)).toHaveLength(1);
  });
});

describe('the note', () => {
  it('is refused over 2,000 characters, in the modal, and nothing is stored', async () => {
    const reply = replies[2]!;
    const viewId = await openModal(reply);
    const sent = await submit(viewId, { ...outcome('reached'), ...note('x'.repeat(1_000_000)) });
    expect(sent.status).toBe(200);
    expect(errorsOf(sent.body).note).toMatch(/1000000 characters long; the most is 2000/);
    expect(await logged(reply.caseId)).toHaveLength(0);
  });

  it('loses control and direction-override characters, and is stored', async () => {
    const reply = replies[2]!;
    const viewId = await openModal(reply);
    const sent = await submit(viewId, { ...outcome('reached'), ...note('Rang\u0000 twice\u0007\u202E, line\nbreak kept') });
    expect(errorsOf(sent.body)).toEqual({});
    const [entry] = await logged(reply.caseId);
    expect(entry?.note).toBe('Rang twice, line\nbreak kept');
  });
});

describe('forged or damaged metadata', () => {
  for (const [what, metadata] of [
    ['a case id that is not a number', JSON.stringify({ caseId: 'abc', channelId: CHANNEL })],
    ['metadata that is not JSON', '{caseId: 12'],
    ['a case of another workspace', ''],
  ] as const) {
    it(`says what is wrong for ${what}, and logs nothing`, async () => {
      const reply = replies[3]!;
      const viewId = await openModal(reply);
      const forged = metadata || JSON.stringify({ caseId: otherWorkspaceCaseId, channelId: CHANNEL });
      const sent = await submit(viewId, outcome('reached'), { private_metadata: forged });
      expect(sent.status).toBe(200);
      const shown = Object.values(errorsOf(sent.body)).join(' ');
      expect(shown).toMatch(what === 'a case of another workspace' ? /not in this workspace/ : /This form is damaged/);
      if (what !== 'a case of another workspace') expect(shown).toContain(forged.slice(0, 8));
      // A form shows its errors as plain text: the command as typed, no code marks.
      expect(shown).toContain('/collect case <name>');
      expect(shown).not.toContain('`');
      expect(await logged(reply.caseId)).toHaveLength(0);
      expect(await logged(otherWorkspaceCaseId)).toHaveLength(0);
    });
  }
});

describe('when the database fails', () => {
  it('keeps the modal open with an error and a reference, instead of silence', async () => {
    const reply = replies[4]!;
    const viewId = await openModal(reply);
    await t.database.pg!.unsafe(`
      create function fail_activity() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$;
      create trigger fail_activity before insert on activities for each row execute function fail_activity();`);
    try {
      const sent = await submit(viewId, { ...outcome('reached'), ...note('Said the cheque is in the post') });
      expect(sent.status).toBe(200);
      expect(errorsOf(sent.body).note).toMatch(/nothing was logged.*reference: [0-9a-f]{8}/);
    } finally {
      await t.database.pg!.unsafe('drop trigger fail_activity on activities; drop function fail_activity();');
    }
    expect(await logged(reply.caseId)).toHaveLength(0);
    // Once the database is back, the same modal can be submitted.
    const retried = await submit(viewId, { ...outcome('reached'), ...note('Said the cheque is in the post') });
    expect(errorsOf(retried.body)).toEqual({});
    expect(await logged(reply.caseId)).toHaveLength(1);
  });
});
