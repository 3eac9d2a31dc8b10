// A name that reached the database before the import refused control characters
// (or by any other way) still reaches Slack without them: no direction override
// reversing what follows, no terminal escape, no bell — in mrkdwn and plain_text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../src/db/schema.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { postTestDigest, type PostedReply } from '../support/posted-digest.ts';

const MONDAY = '2026-11-23';
const HOSTILE = 'Evil\u202Ecorp\u001b[31m\u0007';
/** What is left of it: the printable characters, in the order stored. */
const SHOWN = 'Evilcorp[31m';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let t: TestApp;
let replies: PostedReply[];

/** Every string in a Slack payload: message text, mrkdwn and plain_text alike. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** The name shows, and no string of the payload holds a control character (line breaks relance puts between lines aside). */
function expectClean(what: string, payload: unknown): void {
  const all = strings(payload);
  expect(all.some((s) => s.includes(SHOWN)), `${what} shows the name`).toBe(true);
  for (const s of all) expect(s.replace(/\n/g, ''), what).not.toMatch(CONTROL);
}

async function collect(text: string): Promise<{ text: string; blocks?: unknown[] }> {
  const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  return (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { text: string; blocks?: unknown[] };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  // Written straight into the tables, as rows imported before the import refused such names are.
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, [
    { ref: 'EVIL-1', name: HOSTILE, invoices: [{ number: 'INV-1', issued: '2026-07-01', due: '2026-08-01', cents: 500_000 }] },
  ]);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  ({ replies } = await postTestDigest(t, MONDAY));
});

afterAll(async () => {
  await t?.close();
});

describe('a customer name holding control and direction-override characters', () => {
  it('shows without them in /collect overdue', async () => {
    expectClean('worklist', await collect('overdue all'));
  });

  it('shows without them in the case card, its plain_text header included', async () => {
    const card = await collect('case EVIL-1');
    expectClean('case card', card);
    const header = (card.blocks as { type: string; text?: { type: string; text: string } }[]).find((b) => b.type === 'header');
    expect(header?.text).toEqual({ type: 'plain_text', text: `${SHOWN} (EVIL-1)` });
  });

  it('shows without them in the digest reply, text and blocks', async () => {
    expect(replies).toHaveLength(1);
    const message = t.emulator.message(CHANNEL, replies[0]!.ts)!;
    expectClean('digest reply', { text: message.text, blocks: message.blocks });
    expect(message.text).toContain(SHOWN);
  });
});
