// Asking for an escalation or a write-off over signed HTTP: the request posted
// in the managers' channel with the case brief and its buttons, the managers'
// DMs, the timeline and the case thread; every refusal quoted, writing nothing;
// and the same in French.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, cases, promises } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { DEMO_COLLECTOR_ID as COLLECTOR, DEMO_GENERAL_CHANNEL_ID as GENERAL } from '../../src/emulator/seed.ts';
import { caseIdOf, collect, entries } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { dmsTo, threadPosts } from '../threads/support.ts';
import {
  activityCount, ADMIN, buttonsOf, CHANNEL, drain, escalationCount, escalationsOf, MANAGER, requestMessageOf, TEAM, seedTeam,
} from './support.ts';

let t: TestApp;
let ids: Map<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedTeam(t);
});

afterAll(async () => {
  await t?.close();
});

describe('/collect escalate', () => {
  it('posts the request with the case brief and Approve / Reject, DMs the managers, and writes the timeline', async () => {
    const caseId = await caseIdOf(t, ids.get('C-ACME')!);
    // Some history for the brief: two calls, a broken promise, a dispute pause long over.
    await t.database.db.insert(activities).values([
      { workspaceId: TEAM, caseId, customerId: ids.get('C-ACME')!, kind: 'call_logged', actorId: COLLECTOR, occurredAt: new Date('2026-11-10T09:00:00Z'), data: { outcome: 'no_answer' } },
      { workspaceId: TEAM, caseId, customerId: ids.get('C-ACME')!, kind: 'call_logged', actorId: COLLECTOR, occurredAt: new Date('2026-11-16T09:00:00Z'), data: { outcome: 'refused' } },
      { workspaceId: TEAM, caseId, customerId: ids.get('C-ACME')!, kind: 'case_paused', actorId: COLLECTOR, occurredAt: new Date('2026-10-05T09:00:00Z'), data: { until: '2026-10-20', reason: 'dispute', dispute: 'price' } },
    ]);
    await t.database.db.insert(promises).values({ workspaceId: TEAM, caseId, amountCents: 10_000, currency: 'EUR', dueOn: '2026-11-02', takenBy: COLLECTOR, status: 'broken' });

    const reply = await collect(t, 'escalate C-ACME notice they ignore every reminder');
    expect(reply.text).toBe(`Request sent: formal notice for *Acme SA* (C-ACME), posted in <#${CHANNEL}> and sent by DM to 2 managers. A manager other than you decides; you will get a DM with the decision.`);
    const [request] = await escalationsOf(t, caseId);
    expect(request).toMatchObject({ kind: 'notice', status: 'pending', requestedBy: COLLECTOR, reason: 'they ignore every reminder' });
    const [requested] = await entries(t, caseId, 'escalation_requested');
    expect(requested).toMatchObject({ actorId: COLLECTOR, note: 'they ignore every reminder', data: { escalation_id: request!.id, escalation: 'notice' } });

    await drain(t);
    const message = await requestMessageOf(t, request!.id);
    const shown = JSON.stringify(message.blocks);
    expect(message.text).toBe('Approval needed: formal notice for Acme SA (C-ACME)');
    for (const part of [
      ':scales: *Approval needed: formal notice* — *Acme SA* (C-ACME)',
      '*Overdue*\\n€500.00',
      '*Oldest unpaid*\\ndue 1 Oct 2026, 53 days overdue',
      '*Reminders*\\nnone drafted yet',
      '*Calls*\\n2 logged; last: refused to pay on 16 Nov 2026',
      '*Broken promises*\\n1',
      '*Disputes*\\n1 (paused for a dispute)',
      '*Reason:*\\n> they ignore every reminder',
      `Requested by <@${COLLECTOR}> on 23 Nov 2026`,
    ]) expect(shown).toContain(part);
    expect(buttonsOf(message)).toEqual(['"action_id":"escalation_approve"', '"action_id":"escalation_reject"']);
    // Each manager is told once; the requester is not a manager and is not.
    for (const manager of [MANAGER, ADMIN]) {
      const dms = dmsTo(t, manager).filter((m) => m.text.includes('Acme SA'));
      expect(dms.map((m) => m.text)).toEqual([
        `<@${COLLECTOR}> asks for a formal notice on *Acme SA* (C-ACME). It waits for a manager's decision in <#${CHANNEL}>, or with \`/collect escalations\`.`,
      ]);
    }
    expect(threadPosts(t, CHANNEL, caseId).map((m) => m.text)).toContain(
      `Manager approval requested: formal notice by <@${COLLECTOR}>\n> they ignore every reminder`);
  });

  it('posts in the managers\' channel when one is set, and reads the kind in other words', async () => {
    await writeSetting(t.database.db, { workspaceId: TEAM, name: 'managersChannel', value: GENERAL, by: ADMIN, now: t.clock.now });
    try {
      t.emulator.state.addMember(GENERAL, 'U0DEMOBOT');
      const reply = await collect(t, 'escalate "boulangerie martin" agence');
      expect(reply.text).toContain(`Request sent: hand-off to a collection agency for *Boulangerie Martin* (C-BM), posted in <#${GENERAL}>`);
      const [request] = await escalationsOf(t, await caseIdOf(t, ids.get('C-BM')!));
      expect(request).toMatchObject({ kind: 'agency', reason: null });
      await drain(t);
      const message = await requestMessageOf(t, request!.id);
      expect(JSON.stringify(message.blocks)).toContain('_No reason given._');
      expect(t.emulator.messages(GENERAL).some((m) => m.ts === message.ts)).toBe(true);
    } finally {
      await writeSetting(t.database.db, { workspaceId: TEAM, name: 'managersChannel', value: null, by: ADMIN, now: t.clock.now });
    }
  });

  it('refuses what it cannot read or do, quoting it, and writes nothing', async () => {
    const before = { escalations: await escalationCount(t), activities: await activityCount(t) };
    const refusals: [string, string][] = [
      ['escalate', 'Which case, and which escalation? E.g. `/collect escalate acme notice no answer to three reminders`'],
      ['escalate C-ACMP lawyer please', '"lawyer" is not an escalation: use notice (formal notice), agency or legal. Nothing was requested. Example: `/collect escalate C-ACMP notice no answer to three reminders`'],
      ['escalate C-ACMP', 'Which escalation for *Acme Plastics*: notice (formal notice), agency or legal? Example: `/collect escalate C-ACMP notice no answer to three reminders`'],
      ['escalate nobody notice', 'No case matches "nobody", so nothing was requested.'],
      ['escalate C-PAID notice', '*Paid Up SARL* has no open case (nothing is overdue), so there is nothing to escalate.'],
      ['escalate C-ACME notice again', 'A formal notice for *Acme SA* already waits for a manager (asked by <@U0COLLECTOR> on 23 Nov 2026), so nothing new was requested.'],
      ['escalate acme notice', '"acme" matches 2 customers. Which one?'],
      [`escalate C-ACMP legal ${'x'.repeat(1001)}`, 'The reason is 1001 characters long; the most is 1000. Nothing was requested.'],
      ['writeoff C-ACMP', 'Why write *Acme Plastics* off? The reason is required: the approving manager reads it. Nothing was requested. Example: `/collect writeoff C-ACMP company liquidated, claim filed with the liquidator`'],
      ['writeoff', 'Which case, and why?'],
      ['writeoff C-PAID bankrupt', '*Paid Up SARL* has no open case (nothing is overdue), so there is nothing to write off.'],
    ];
    for (const [text, expected] of refusals) expect((await collect(t, text)).text, text).toContain(expected);
    expect({ escalations: await escalationCount(t), activities: await activityCount(t) }).toEqual(before);
  });

  it('refuses a request for a step the case has reached', async () => {
    const caseId = await caseIdOf(t, ids.get('D01')!);
    await t.database.db.update(cases).set({ status: 'agency' }).where(eq(cases.id, caseId));
    const before = await escalationCount(t);
    expect((await collect(t, 'escalate D01 notice')).text).toBe('*Debtor 01* is already there or further (with agency), so nothing was requested.');
    expect((await collect(t, 'escalate D01 agency')).text).toBe('*Debtor 01* is already there or further (with agency), so nothing was requested.');
    expect(await escalationCount(t)).toBe(before);
    // Legal after an agency is a step further: allowed.
    expect((await collect(t, 'escalate D01 legal agency gave up')).text).toContain('Request sent: legal action for *Debtor 01*');
  });

  it('asks for a write-off with its reason, the case found among the words', async () => {
    const reply = await collect(t, 'writeoff boulangerie martin nord closed down last spring');
    expect(reply.text).toContain('Request sent: write-off for *Boulangerie Martin Nord* (C-BMN)');
    const [request] = await escalationsOf(t, await caseIdOf(t, ids.get('C-BMN')!));
    expect(request).toMatchObject({ kind: 'writeoff', reason: 'closed down last spring', status: 'pending' });
  });

  it('is explained by help, and its nudge delay is a setting', async () => {
    // Help is answered in the ack itself.
    const help = async (text: string) => ((await t.sender.slashCommand({ userId: COLLECTOR, channelId: CHANNEL, text })).body as { text: string }).text;
    expect(await help('help escalate')).toContain('`/collect escalate <case> notice|agency|legal [reason…]`');
    const list = (await t.sender.slashCommand({ userId: COLLECTOR, channelId: CHANNEL, text: 'help' })).body as { blocks: unknown[] };
    expect(JSON.stringify(list.blocks)).toContain('`/collect writeoff <case> <reason>`');
    expect((await collect(t, 'settings set escalation_nudge_hours 16h', ADMIN)).text)
      .toBe('*escalation_nudge_hours* is now 16 business hours (was 24 business hours).');
    expect((await collect(t, 'settings set escalation_nudge_hours 2 days', ADMIN)).text)
      .toBe('"2 days" is not a whole number of business hours. Example: `/collect settings set escalation_nudge_hours 24`');
    expect((await collect(t, 'settings set escalation_nudge_hours default', ADMIN)).text).toContain('is back to its default: 24 business hours');
  });

  it('says it all in French in a French workspace', async () => {
    await t.database.db.execute(sql`update workspaces set locale = 'fr'`);
    // The app reads the workspace afresh after a minute.
    t.clock.set(new Date(t.clock.now.getTime() + 120_000).toISOString());
    try {
      const refused = await collect(t, 'escalate D02 avocat');
      expect(refused.text).toBe('« avocat » n\'est pas une escalade : utilisez notice (mise en demeure), agency (agence) ou legal (judiciaire). Rien n\'a été demandé. Exemple : `/collect escalate D02 notice aucune réponse à trois relances`');
      const reply = await collect(t, 'escalate D02 mise en demeure aucune réponse');
      expect(reply.text).toContain('Demande envoyée : mise en demeure pour *Debtor 02* (D02)');
      const caseId = await caseIdOf(t, ids.get('D02')!);
      const [request] = await escalationsOf(t, caseId);
      expect(request).toMatchObject({ kind: 'notice', reason: 'aucune réponse' });
      await drain(t);
      const shown = JSON.stringify((await requestMessageOf(t, request!.id)).blocks);
      expect(shown).toContain(':scales: *Approbation demandée : mise en demeure* — *Debtor 02* (D02)');
      expect(shown).toContain('*Plus ancien impayé*\\néchu le ');
      expect(shown).toContain('"text":"Approuver"');
      expect(threadPosts(t, CHANNEL, caseId).map((m) => m.text)).toContain(
        `Approbation d'un manager demandée : mise en demeure par <@${COLLECTOR}>\n> aucune réponse`);
    } finally {
      await t.database.db.execute(sql`update workspaces set locale = 'en'`);
    }
  });
});
