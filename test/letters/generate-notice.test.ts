// generateFormalNotice against a real database and the Slack emulator: refused
// with what is missing until the creditor is set; then the PDF is stored with
// its SHA-256, written to the timeline and uploaded to the case thread.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, cases, letters } from '../../src/db/schema.ts';
import { t as say } from '../../src/i18n/messages.ts';
import { generateFormalNotice } from '../../src/services/letters/generate-notice.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { postEverything } from '../threads/support.ts';
import { drawnText } from './pdf-text.ts';
import { CHANNEL, CREDITOR, caseOfRef, lettersOf, seedLetterLedger, setSettings, slack, TEAM } from './support.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const MANAGER = 'U0MANAGER';
const drawn = (pdf: Buffer) => drawnText(pdf).replace(/ *\n+ */g, ' ');

/** What PostgreSQL said when it refused a statement (drizzle wraps it). */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (e) {
    return `${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message ?? ''}`;
  }
  return 'no refusal';
}

describe('generateFormalNotice', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedLetterLedger(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const generate = (caseId: number) => generateFormalNotice(t.database.db, slack(t), { workspaceId: TEAM, caseId, userId: MANAGER, now: t.clock.now });
  const written = async (caseId: number) => ({
    letters: (await lettersOf(t, caseId)).length,
    activities: (await t.database.db.select().from(activities).where(and(eq(activities.caseId, caseId), eq(activities.kind, 'letter_generated')))).length,
    files: t.emulator.files().length,
  });

  it('is refused, naming every creditor setting still missing, and writes nothing', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    const before = await written(caseId);
    expect(await generate(caseId)).toEqual({
      kind: 'missing_settings', name: 'Acme SA',
      keys: ['creditor_name', 'creditor_address', 'creditor_company_id', 'creditor_iban', 'creditor_signatory'],
    });
    await setSettings(t, { creditorName: CREDITOR.creditorName, creditorIban: CREDITOR.creditorIban });
    const partly = await generate(caseId);
    expect(partly).toMatchObject({ kind: 'missing_settings', keys: ['creditor_address', 'creditor_company_id', 'creditor_signatory'] });
    expect(await written(caseId)).toEqual(before);
    expect(say('en', 'notice.missingSettings', { keys: 'creditor_address, creditor_company_id, creditor_signatory', command: '/collect' })).toBe(
      'A formal notice needs the creditor\'s identity, and this is not set yet: creditor_address, creditor_company_id, creditor_signatory. An admin sets each with `/collect settings set <key> <value>` (see `/collect settings creditor`). No letter was generated.',
    );
  });

  it('renders the letter in the debtor\'s language with the hand-computed fees, keeps it, logs it and posts it where the case lives', async () => {
    await setSettings(t, CREDITOR);
    const { caseId, customerId } = await caseOfRef(t, 'C-ACME');
    await t.database.db.insert(activities).values({
      workspaceId: TEAM, caseId, customerId, kind: 'reminder_drafted', actorId: 'relance', occurredAt: new Date('2026-04-02T07:00:00Z'), data: {},
    });
    const result = await generate(caseId);
    expect(result).toMatchObject({
      kind: 'generated', name: 'Acme SA', ref: 'C-ACME', locale: 'fr', filename: 'mise-en-demeure-C-ACME-2026-05-01.pdf',
      // 1 May + 8 days is Saturday 9 May: the deadline moves to Monday.
      deadline: '2026-05-11', missingRates: [],
      // The case has no thread yet: the letter goes to the team channel, which is told why.
      upload: { kind: 'channel', channelId: CHANNEL },
    });
    if (result.kind !== 'generated') return;

    const [stored] = await lettersOf(t, caseId);
    expect(stored).toMatchObject({ kind: 'formal_notice', locale: 'fr', createdBy: MANAGER, deadlineOn: '2026-05-11', sentAt: null, slackChannelId: CHANNEL });
    expect(stored!.sha256).toBe(createHash('sha256').update(stored!.content).digest('hex'));
    expect(result.sha256).toBe(stored!.sha256);

    const text = drawn(stored!.content);
    expect(text).toContain('MISE EN DEMEURE DE PAYER');
    expect(text).toContain('Relance Démo SAS 12, rue de la Paix 75002 Paris');
    expect(text).toContain(`F-2026-0042 02/03/2026 01/04/2026 10${NNBSP}000,00${NBSP}€ 10${NNBSP}000,00${NBSP}€`);
    expect(text).toContain(`30 10${NNBSP}000,00${NBSP}€ × 12,15${NNBSP}% × 30 / 365 (taux BCE de 2,15${NNBSP}% au 1er janvier 2026 + 10 points) 99,86${NBSP}€`);
    expect(text).toContain(`1 facture × 40,00${NBSP}€ = 40,00${NBSP}€.`);
    expect(text).toContain(`Total réclamé 10${NNBSP}139,86${NBSP}€`);
    expect(text).toContain('malgré notre relance du 2 avril 2026');
    expect(text).toContain('soit au plus tard le 11 mai 2026.');
    expect(text).toContain('requête en injonction de payer');

    const [entry] = await t.database.db.select().from(activities).where(and(eq(activities.caseId, caseId), eq(activities.kind, 'letter_generated')));
    expect(entry).toMatchObject({ actorId: MANAGER, data: { letter_id: stored!.id, letter_kind: 'formal_notice', locale: 'fr', due_on: '2026-05-11', sha256: stored!.sha256 } });

    const file = t.emulator.files().find((f) => result.upload.kind === 'channel' && f.id === result.upload.fileId)!;
    expect(file).toMatchObject({ filename: 'mise-en-demeure-C-ACME-2026-05-01.pdf', completed: true, channelId: CHANNEL });
    expect(file.threadTs).toBeUndefined();
    expect(file.bytes!.equals(stored!.content)).toBe(true);
    const shared = t.emulator.messages(CHANNEL).find((m) => m.ts === file.messageTs)!;
    expect(shared.text).toBe([
      'Formal notice for *Acme SA* (C-ACME), to send by registered letter with acknowledgement of receipt. To pay by 11 May 2026.',
      'The case has no thread yet, so the file is here in the channel.',
    ].join('\n'));
  });

  it('goes into the case thread once the case has one', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    await postEverything(t);
    const [kase] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(kase!.threadTs).toBeTruthy();
    // The earlier letter's activity is in the thread now, in the team's language.
    const thread = t.emulator.messages(CHANNEL, { threadTs: kase!.threadTs! });
    expect(thread.map((m) => m.text).join('\n')).toContain('Formal notice generated (PDF), to pay by 11 May 2026');

    const result = await generate(caseId);
    expect(result).toMatchObject({ kind: 'generated', upload: { kind: 'thread', channelId: CHANNEL, threadTs: kase!.threadTs } });
    const file = t.emulator.files().at(-1)!;
    expect(file).toMatchObject({ channelId: CHANNEL, threadTs: kase!.threadTs });
    const [, second] = await lettersOf(t, caseId);
    expect(second).toMatchObject({ slackFileId: file.id, slackThreadTs: kase!.threadTs });
  });

  it('writes a consumer\'s letter without indemnity, and says when a half-year has no rate yet', async () => {
    const { caseId } = await caseOfRef(t, 'C-DUP');
    const consumer = await generate(caseId);
    expect(consumer).toMatchObject({ kind: 'generated', locale: 'fr' });
    const [letter] = await lettersOf(t, caseId);
    const text = drawn(letter!.content);
    expect(text).toContain(`fait courir, à compter de sa réception, les intérêts au taux légal (2,62${NNBSP}% pour le premier semestre 2026)`);
    expect(text).toContain(`Total réclamé 1${NNBSP}200,00${NBSP}€`);
    expect(text).not.toContain('Indemnit');

    // November 2026: no ECB rate for the second half-year in the table.
    t.clock.set('2026-11-23T09:00:00Z');
    const { caseId: globex } = await caseOfRef(t, 'C-GLOB');
    const late = await generate(globex);
    expect(late).toMatchObject({
      kind: 'generated', locale: 'en', deadline: '2026-12-01',
      missingRates: [{ kind: 'ecb', halfYear: '2026-07-01', usedStartsOn: '2026-01-01', command: 'relance rates add ecb 2026-07-01 <percent> "<source>"' }],
    });
    const [english] = await lettersOf(t, globex);
    expect(drawn(english!.content)).toContain('The ECB rate for the second half of 2026 is not in our tables yet: the latest known rate (2.15%, in force on 1 January 2026) was applied for that period.');
    const posted = t.emulator.messages(CHANNEL).find((m) => m.ts === t.emulator.files().at(-1)!.messageTs)!;
    expect(posted.text).toContain('No ECB rate is recorded for 2026 H2: the letter uses the latest known one, 2.15% (2026 H1), and says so. Add it with `relance rates add ecb 2026-07-01 &lt;percent&gt; "&lt;source&gt;"`.');
  });

  it('keeps every letter as generated: no delete, no change to what it says; sending details can be filled in', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    const [first] = await lettersOf(t, caseId);
    expect(await refusal(t.database.db.delete(letters).where(eq(letters.id, first!.id)))).toMatch(/letters are kept as evidence: DELETE is not allowed/);
    expect(await refusal(t.database.db.update(letters).set({ content: Buffer.from('forged') }).where(eq(letters.id, first!.id))))
      .toMatch(/a generated letter cannot be changed/);
    expect(await refusal(t.database.db.execute(sql`truncate letters cascade`))).toMatch(/letters are kept as evidence: TRUNCATE is not allowed/);
    await t.database.db.update(letters).set({ sentAt: t.clock.now, trackingNo: '1A 234 567 8901 2' }).where(eq(letters.id, first!.id));
    const [after] = await lettersOf(t, caseId);
    expect(after).toMatchObject({ trackingNo: '1A 234 567 8901 2', sha256: first!.sha256 });
  });

  it('knows no case of another workspace, and refuses a closed one', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    const { caseId: closed } = await caseOfRef(t, 'C-DUP');
    await t.database.db.update(cases).set({ status: 'resolved', resolvedAt: t.clock.now }).where(eq(cases.id, closed));
    const before = (await lettersOf(t, closed)).length;
    expect(await generate(closed)).toEqual({ kind: 'closed', name: 'Jean Dupont' });
    expect(await lettersOf(t, closed)).toHaveLength(before);
    expect(await generateFormalNotice(t.database.db, slack(t), { workspaceId: TEAM, caseId: 999_999, userId: MANAGER, now: t.clock.now })).toEqual({ kind: 'no_case' });
    expect(await generateFormalNotice(t.database.db, slack(t), { workspaceId: 'T0OTHER', caseId, userId: MANAGER, now: t.clock.now })).toEqual({ kind: 'no_case' });
  });
});
