// What an approval sets in motion, over signed HTTP: an approved formal notice
// puts its letter in the case thread; without the creditor's identity the
// managers hear what to set, once, and the escalations pass makes the letter
// as soon as it is set; an approved agency hand-off uploads the case file.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalations, letters } from '../../src/db/schema.ts';
import { caseIdOf, collect } from '../calls/support.ts';
import { CREDITOR, setSettings } from '../letters/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { CHANNEL, click, drain, escalationsOf, MANAGER, requestMessageOf, runPass, seedTeam } from './support.ts';

let t: TestApp;
let ids: Map<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedTeam(t);
});

afterAll(async () => {
  await t?.close();
});

async function approved(ref: string, kind: 'notice' | 'agency'): Promise<{ caseId: number; escalationId: number }> {
  expect((await collect(t, `escalate ${ref} ${kind} no answer for weeks`)).text).toContain('Request sent');
  const caseId = await caseIdOf(t, ids.get(ref)!);
  const request = (await escalationsOf(t, caseId)).at(-1)!;
  await drain(t);
  const ts = (await requestMessageOf(t, request.id)).ts;
  expect(await click(t, { userId: MANAGER, ts, actionId: 'escalation_approve' })).toContain('Approved');
  return { caseId, escalationId: request.id };
}

/** The click answers before the letter is made: wait for what follows it. */
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return read();
}

const lettersOf = (caseId: number) => t.database.db.select({ id: letters.id, kind: letters.kind }).from(letters).where(eq(letters.caseId, caseId));
const fulfilled = async (id: number) => (await t.database.db.select({ at: escalations.fulfilledAt }).from(escalations).where(eq(escalations.id, id)))[0]!.at;

describe('an approved formal notice', () => {
  it('waits for the creditor identity, tells the managers once, and is made by the pass once it is set', async () => {
    const { caseId, escalationId } = await approved('D01', 'notice');
    expect(await lettersOf(caseId)).toEqual([]);
    await runPass(t);
    await drain(t);
    const told = t.emulator.messages(CHANNEL).filter((m) => m.text.includes('waits for the creditor'));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('creditor_name');
    expect(await fulfilled(escalationId)).toBeNull();

    await setSettings(t, CREDITOR);
    await runPass(t);
    expect(await lettersOf(caseId)).toEqual([{ id: expect.any(Number), kind: 'formal_notice' }]);
    expect(t.emulator.files().some((f) => f.filename.endsWith('.pdf') && f.filename.includes('D01'))).toBe(true);
    expect(await fulfilled(escalationId)).not.toBeNull();
    // A later pass makes no second letter.
    await runPass(t);
    await drain(t);
    expect(await lettersOf(caseId)).toHaveLength(1);
    expect(t.emulator.messages(CHANNEL).filter((m) => m.text.includes('waits for the creditor'))).toHaveLength(1);
  });

  it('is made at the click when the settings are there', async () => {
    const { caseId, escalationId } = await approved('D02', 'notice');
    // Done once the letter is made and in Slack.
    expect(await eventually(() => fulfilled(escalationId), (at) => at !== null)).not.toBeNull();
    expect(await lettersOf(caseId)).toHaveLength(1);
  });
});

describe('an approved agency hand-off', () => {
  it('uploads the case file', async () => {
    const before = t.emulator.files().length;
    const { escalationId } = await approved('D03', 'agency');
    await eventually(() => fulfilled(escalationId), (at) => at !== null);
    const added = t.emulator.files().slice(before);
    expect(added.map((f) => f.filename)).toEqual([expect.stringMatching(/D03.*\.zip$/)]);
    expect(added[0]!.channelId).toBe(CHANNEL);
    expect(await fulfilled(escalationId)).not.toBeNull();
  });
});
