// Reminder drafts worded by the model (issue #15 item 4): the guard on its
// answer (pure), then the step after a ladder pass over real PostgreSQL, the
// Slack emulator and the loopback chat-completions server: the prose
// rewritten around the template's figure paragraphs, kept verbatim; a wrong
// figure, a timeout or no key leave the template; an edited or decided draft
// is never touched, even when edited while the model answers; the post shows the new text, queued or already in Slack.
import { Writable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLadderJob, assignCallStage } from '../../jobs/ladder.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { createAiClient, type AiClient } from '../../src/ai/client.ts';
import {
  assembleWording, DRAFT_WORDING_SYSTEM_PROMPT, splitTemplate, type DraftTemplate, type DraftWordingAnswer,
} from '../../src/ai/draft-wording.ts';
import { loadEnv } from '../../src/config/env.ts';
import { channelPosts, customers, drafts, workspaces } from '../../src/db/schema.ts';
import { joinParagraphs, renderReminderParts, type ReminderData } from '../../src/drafts/reminders.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL } from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { wordPassDrafts } from '../../src/services/ladder/wording.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { paris, TEAM } from '../ladder/support.ts';
import { postEverything } from '../threads/support.ts';
import { startLoopback, type Loopback } from './loopback.ts';

// ------------------------------------------------------------ the guard

const REMINDER_2: ReminderData = {
  stage: 'reminder_2', locale: 'en', customerName: 'Acme Tools',
  invoices: [{ number: 'AC-1', issueDate: '2026-10-01', dueDate: '2026-11-02', currency: 'EUR', amountCents: 120_000, openCents: 120_000 }],
  daysOverdue: 21, earlierReminders: ['2026-11-03'], paymentDetails: 'IBAN FR76 3000 6000 0112 3456 7890 189',
  creditorName: 'Relance Demo SAS', penalties: null, paymentLink: null,
  legal: { name: 'Relance Demo SAS', address: '12 rue de la Paix\n75002 Paris', companyId: '732829320' },
};

function templateOf(d: ReminderData): DraftTemplate {
  const parts = renderReminderParts(d);
  return {
    stage: d.stage, locale: d.locale, customerKind: 'b2b', customerName: d.customerName, subject: parts.subject, paragraphs: parts.paragraphs,
    invoiceNumbers: d.invoices.map((i) => i.number),
  };
}

const GOOD_2: DraftWordingAnswer = {
  subject: 'Second reminder: €1,200.00 still overdue',
  greeting: 'Dear Acme Tools,',
  opening: 'We wrote to you on 3 Nov 2026, and the invoice below is still unpaid, 21 days after the oldest due date.',
  ask: 'Could you settle this amount now, by bank transfer? If paying it all at once is hard, get in touch: we can agree on instalments.',
  closing: 'Thank you for your help.',
};

describe('the wording guard', () => {
  const template = templateOf(REMINDER_2);

  it('keeps every figure paragraph verbatim and puts the model\'s prose in place of the template\'s', () => {
    const assembled = assembleWording(template, GOOD_2);
    expect(assembled).toMatchObject({ ok: true });
    if (!assembled.ok) return;
    expect(assembled.value.subject).toBe(GOOD_2.subject);
    const expected = template.paragraphs.map((p) => {
      switch (p.kind) {
        case 'greeting': case 'opening': case 'ask': case 'closing': return GOOD_2[p.kind];
        default: return p.text;
      }
    });
    expect(assembled.value.body).toBe(expected.join('\n\n'));
    for (const kind of ['invoices', 'total', 'payment', 'signature', 'legal']) {
      const paragraph = template.paragraphs.find((p) => p.kind === kind);
      expect(paragraph, kind).toBeDefined();
      expect(assembled.value.body).toContain(paragraph!.text);
    }
  });

  it('discards a rewording that changes an amount, drops an invoice number or a figure, or adds a date', () => {
    expect(assembleWording(template, { ...GOOD_2, subject: 'Second reminder: €1,250.00 still overdue' })).toEqual({ ok: false, error: 'numbers_differ' });
    // 21 days dropped from the prose.
    expect(assembleWording(template, { ...GOOD_2, opening: 'We wrote to you on 3 Nov 2026, and the invoice below is still unpaid.' })).toEqual({ ok: false, error: 'numbers_differ' });
    // A deadline the template does not set, though 2 (a due day) is a number elsewhere in the mail.
    expect(assembleWording(template, { ...GOOD_2, ask: 'Please pay within 2 days.' })).toEqual({ ok: false, error: 'numbers_differ' });
    expect(assembleWording(template, { ...GOOD_2, ask: 'Please pay by 30 November.' })).toEqual({ ok: false, error: 'numbers_differ' });
    const first = templateOf({ ...REMINDER_2, stage: 'reminder_1', earlierReminders: [], daysOverdue: 1 });
    const good1: DraftWordingAnswer = { subject: 'A friendly reminder about invoice AC-1', greeting: 'Hello Acme Tools,', opening: 'The invoice below is still open.', ask: 'Could you pay it soon?', closing: 'Thanks!' };
    expect(assembleWording(first, good1)).toMatchObject({ ok: true });
    expect(assembleWording(first, { ...good1, subject: 'A friendly payment reminder' })).toEqual({ ok: false, error: 'numbers_differ' });
    expect(assembleWording(first, { ...good1, subject: 'A friendly reminder about invoice AC-7' })).toEqual({ ok: false, error: 'numbers_differ' });
  });

  it('discards empty, overlong or linked prose', () => {
    expect(assembleWording(template, { ...GOOD_2, greeting: '  ' })).toEqual({ ok: false, error: 'empty' });
    expect(assembleWording(template, { ...GOOD_2, ask: 'Please pay now. '.repeat(60) })).toEqual({ ok: false, error: 'too_long' });
    expect(assembleWording(template, { ...GOOD_2, ask: 'Pay at https://evil.example/pay now.' })).toEqual({ ok: false, error: 'link' });
  });

  it('cuts a stored body back into its paragraphs, or refuses when it no longer matches', () => {
    const parts = renderReminderParts(REMINDER_2);
    const body = joinParagraphs(parts.paragraphs);
    const layout = parts.paragraphs.map((p) => ({ kind: p.kind, length: p.text.length }));
    expect(splitTemplate(body, layout)).toEqual(parts.paragraphs);
    expect(splitTemplate(`${body}!`, layout)).toBeNull();
    expect(splitTemplate(body, undefined)).toBeNull();
  });
});

// ------------------------------------------------------------ after a ladder pass

const FR_GOOD: DraftWordingAnswer = {
  subject: 'Petit rappel : facture DU-5',
  greeting: 'Bonjour Dupont SARL,',
  opening: 'Sauf erreur de notre part, la facture ci-dessous n\'est pas encore réglée alors que son échéance est passée.',
  ask: 'Il s\'agit sans doute d\'un simple oubli : pourriez-vous organiser le règlement dès que possible ? Si c\'est déjà fait, ne tenez pas compte de ce message.',
  closing: 'Merci beaucoup et belle journée.',
};

const EN_GOOD: DraftWordingAnswer = {
  subject: 'A friendly reminder about invoice AC-1',
  greeting: 'Hello Acme Tools,',
  opening: 'We hope all is well. Our records show that the invoice below is still open past its due date.',
  ask: 'It has probably slipped through: could you arrange the payment when you can? If anything is holding it up, just reply to this e-mail.',
  closing: 'Many thanks.',
};

let t: TestApp;
let server: Loopback;
const logLines: string[] = [];
const logger = createLogger('debug', new Writable({ write(chunk: Buffer, _e, done) { logLines.push(chunk.toString()); done(); } }));
const PASS_AT = paris('2026-11-03', '08:00');

function ai(overrides: Record<string, string> = {}): AiClient | null {
  const env = loadEnv({ OPENAI_API_KEY: 'sk-test-loopback', OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: 'loopback-model', OPENAI_TIMEOUT_MS: '3000', ...overrides });
  return createAiClient(env);
}

const draftOf = async (ref: string) => {
  const [row] = await t.database.db.select().from(drafts).innerJoin(customers, eq(customers.id, drafts.customerId))
    .where(and(eq(customers.customerRef, ref), eq(drafts.workspaceId, TEAM)));
  return row!.drafts;
};

const postRow = async (d: { caseId: number | null; stage: string }) => {
  const [post] = await t.database.db.select().from(channelPosts).where(eq(channelPosts.dedupeKey, `draft.${d.caseId}.${d.stage}`));
  return post!;
};

const slackText = async (d: { caseId: number | null; stage: string }) => {
  const post = await postRow(d);
  expect(post.messageTs).toBeTruthy();
  const message = t.emulator.message(post.channelId!, post.messageTs!)!;
  return JSON.stringify(message.blocks);
};

const words = (deps: { ai: AiClient | null }) => wordPassDrafts(
  { db: t.database.db, ai: deps.ai, client: slackClientForJobs(t.env), logger, command: '/collect' },
  { workspaceId: TEAM, createdAt: PASS_AT },
);

beforeAll(async () => {
  server = await startLoopback();
  t = await startTestApp();
  await seedLedger(t.database, TEAM, '2026-11-02', [
    { ref: 'ACME', name: 'Acme Tools', invoices: [{ number: 'AC-1', issued: '2026-10-01', due: '2026-11-02', cents: 120_000 }] },
    { ref: 'BOLT', name: 'Bolt & Nut', invoices: [{ number: 'BN-7', issued: '2026-10-01', due: '2026-11-02', cents: 45_050 }] },
    { ref: 'CORK', name: 'Cork Ltd', invoices: [{ number: 'CK-3', issued: '2026-10-01', due: '2026-11-02', cents: 9_900 }] },
    { ref: 'DUP', name: 'Dupont SARL', invoices: [{ number: 'DU-5', issued: '2026-10-01', due: '2026-11-02', cents: 80_000 }] },
  ]);
  await t.database.db.update(customers).set({ email: sql`lower(customer_ref) || '@example.com'` });
  await t.database.db.update(customers).set({ locale: 'fr' }).where(eq(customers.customerRef, 'DUP'));
  await t.database.db.update(workspaces).set({ name: 'Relance Demo SAS', teamChannelId: CHANNEL }).where(eq(workspaces.id, TEAM));
}, 60_000);

afterAll(async () => {
  await t?.close();
  await server?.close();
});

describe('the wording step after a ladder pass', () => {
  it('rewords the pass\'s drafts once it committed: the row and the queued post show the prose, with the template\'s figures', async () => {
    server.behave({ kind: 'answer', answer: EN_GOOD });
    t.clock.set(PASS_AT.toISOString());
    const templates = new Map<string, { subject: string; body: string }>();
    const { passed } = await runLadderJob(t.database.db, t.clock.now, { onCallStage: assignCallStage, ai: ai(), client: slackClientForJobs(t.env), logger });
    expect(passed).toHaveLength(1);
    // One request per draft; the one answer fits ACME's figures only.
    expect(server.requests).toHaveLength(4);

    const acme = await draftOf('ACME');
    expect(acme).toMatchObject({ stage: 'reminder_1', status: 'draft', subject: EN_GOOD.subject, editedAt: null });
    expect((acme.data as { wording?: string }).wording).toBe('ai');
    const layout = (acme.data as { paragraphs: { kind: string; length: number }[] }).paragraphs;
    expect(layout.map((p) => p.kind)).toEqual(['greeting', 'opening', 'invoices', 'total', 'ask', 'closing', 'signature']);
    expect(acme.body).toContain(EN_GOOD.opening);
    expect(acme.body).toContain('- AC-1 · issued 1 Oct 2026 · due 2 Nov 2026 · amount €1,200.00 · outstanding €1,200.00');
    expect(acme.body).toContain('Total outstanding: €1,200.00');
    expect(acme.body).not.toContain('Unless we are mistaken');

    for (const ref of ['BOLT', 'CORK', 'DUP']) {
      const d = await draftOf(ref);
      expect((d.data as { wording?: string }).wording, ref).toBeUndefined();
      templates.set(ref, { subject: d.subject, body: d.body });
    }
    expect(templates.get('BOLT')!.subject).toBe('Payment reminder: invoice BN-7');

    // The request: a fixed system prompt; the debtor's name and the template as one JSON value.
    const request = server.requests.find((r) => r.body.messages[1]!.content.includes('Acme Tools'))!;
    expect(request.body.messages[0]).toEqual({ role: 'system', content: DRAFT_WORDING_SYSTEM_PROMPT });
    expect(DRAFT_WORDING_SYSTEM_PROMPT).not.toMatch(/Acme|AC-1/);
    expect(request.body.response_format.json_schema.name).toBe('draft_wording');
    expect(JSON.parse(request.body.messages[1]!.content)).toMatchObject({
      language: 'en', stage: 'reminder_1', customer_kind: 'b2b', customer_name: 'Acme Tools',
      template: { subject: 'Payment reminder: invoice AC-1', greeting: 'Dear Acme Tools,' },
    });
    const french = server.requests.find((r) => r.body.messages[1]!.content.includes('Dupont SARL'))!;
    expect(JSON.parse(french.body.messages[1]!.content)).toMatchObject({ language: 'fr', customer_name: 'Dupont SARL' });

    // The queued post was rewritten before it left: Slack gets the worded text, marked.
    expect((await postRow(acme)).status).toBe('pending');
    await postEverything(t);
    const shown = await slackText(acme);
    expect(shown).toContain('We hope all is well');
    expect(shown).toContain('AC-1 · issued 1 Oct 2026');
    expect(shown).toContain('Worded by AI');
    expect(shown).toContain('reminder_send');
    const bolt = await slackText(await draftOf('BOLT'));
    expect(bolt).toContain('Unless we are mistaken');
    expect(bolt).not.toContain('Worded by AI');
  }, 60_000);

  it('stops asking a model that does not answer: the rest of the pass keeps the template', async () => {
    server.requests.length = 0;
    server.behave({ kind: 'hang' });
    const result = await wordPassDrafts(
      { db: t.database.db, ai: ai({ OPENAI_TIMEOUT_MS: '300' }), logger, command: '/collect', concurrency: 1, stopAfterUnreachable: 2 },
      { workspaceId: TEAM, createdAt: PASS_AT },
    );
    expect(result).toEqual({ candidates: 3, worded: 0, kept: 3, beyondCap: 0 });
    expect(server.requests).toHaveLength(2);
  });

  it('never rewrites a draft edited or decided, nor one already worded', async () => {
    const cork = await draftOf('CORK');
    await t.database.db.update(drafts).set({ body: 'Our own words.', editedAt: new Date(), editedBy: 'U0COLLECTOR' }).where(eq(drafts.id, cork.id));
    const bolt = await draftOf('BOLT');
    await t.database.db.update(drafts).set({ status: 'approved', decidedAt: new Date(), decidedBy: 'U0COLLECTOR' }).where(eq(drafts.id, bolt.id));
    server.requests.length = 0;
    server.behave({ kind: 'answer', answer: { ...EN_GOOD, subject: 'About invoice CK-3', greeting: 'Hello,' } });
    const result = await words({ ai: ai() });
    // DUP alone was asked (its figures differ from this answer): CORK, BOLT and ACME were not.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.messages[1]!.content).toContain('Dupont SARL');
    expect(result).toEqual({ candidates: 1, worded: 0, kept: 1, beyondCap: 0 });
    expect(await draftOf('CORK')).toMatchObject({ body: 'Our own words.' });
    expect((await draftOf('BOLT')).subject).toBe('Payment reminder: invoice BN-7');
  });

  it('keeps the template for an answer with another amount, a timeout, or without a key', async () => {
    const before = await draftOf('DUP');
    server.requests.length = 0;
    server.behave({ kind: 'answer', answer: { ...FR_GOOD, ask: 'Merci de régler les 850,00 € dès que possible.' } });
    expect(await words({ ai: ai() })).toMatchObject({ worded: 0, kept: 1 });
    expect(logLines.some((l) => l.includes('"reason":"numbers_differ"'))).toBe(true);

    server.behave({ kind: 'hang' });
    const started = Date.now();
    expect(await words({ ai: ai({ OPENAI_TIMEOUT_MS: '300' }) })).toMatchObject({ worded: 0, kept: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);

    server.requests.length = 0;
    server.behave({ kind: 'answer', answer: FR_GOOD });
    expect(ai({ OPENAI_API_KEY: '' })).toBeNull();
    expect(await words({ ai: null })).toEqual({ candidates: 0, worded: 0, kept: 0, beyondCap: 0 });
    expect(server.requests).toHaveLength(0);

    const after = await draftOf('DUP');
    expect({ subject: after.subject, body: after.body, data: after.data }).toEqual({ subject: before.subject, body: before.body, data: before.data });
    // Nothing the model wrote reached a log line.
    expect(logLines.join('\n')).not.toContain('850,00');
  }, 30_000);

  it('leaves a draft someone edited while the model was answering', async () => {
    const before = await draftOf('DUP');
    server.requests.length = 0;
    server.behave({ kind: 'answer', answer: FR_GOOD, delayMs: 400 });
    const running = words({ ai: ai() });
    await expect.poll(() => server.requests.length).toBe(1);
    await t.database.db.update(drafts).set({ body: 'Texte du collecteur.', editedAt: new Date(), editedBy: 'U0COLLECTOR' }).where(eq(drafts.id, before.id));
    expect(await running).toEqual({ candidates: 1, worded: 0, kept: 1, beyondCap: 0 });
    expect(await draftOf('DUP')).toMatchObject({ subject: before.subject, body: 'Texte du collecteur.' });
    // Back to the pass's draft for the next test.
    await t.database.db.update(drafts).set({ body: before.body, editedAt: null, editedBy: null }).where(eq(drafts.id, before.id));
  });

  it('words a French draft whose post is already in Slack: the row and the message are updated', async () => {
    const before = await draftOf('DUP');
    expect((await postRow(before)).status).toBe('posted');
    const result = await words({ ai: ai() });
    expect(result).toEqual({ candidates: 1, worded: 1, kept: 0, beyondCap: 0 });
    const dup = await draftOf('DUP');
    expect(dup.subject).toBe(FR_GOOD.subject);
    expect(dup.body.startsWith(`${FR_GOOD.greeting}\n\n${FR_GOOD.opening}\n\n- DU-5 · émise le`)).toBe(true);
    const figures = before.body.split('\n\n').filter((p) => p.startsWith('- DU-5') || p.startsWith('Total restant dû'));
    expect(figures).toHaveLength(2);
    for (const paragraph of figures) expect(dup.body).toContain(paragraph);
    const shown = await slackText(dup);
    expect(shown).toContain('organiser le règlement');
    expect(shown).toContain('Worded by AI');
  }, 30_000);

  it('words at most the cap per pass and says so in counts', async () => {
    // ACME and DUP waiting again, unmarked: their bodies are no longer a template's layout, so neither is asked.
    await t.database.db.update(drafts).set({ data: sql`${drafts.data} - 'wording'` }).where(eq(drafts.workspaceId, TEAM));
    server.requests.length = 0;
    const capped = await wordPassDrafts(
      { db: t.database.db, ai: ai(), logger, command: '/collect', maxPerPass: 1 },
      { workspaceId: TEAM, createdAt: PASS_AT },
    );
    expect(capped).toEqual({ candidates: 2, worded: 0, kept: 1, beyondCap: 1 });
    expect(server.requests).toHaveLength(0);
    expect(logLines.some((l) => l.includes('the rest keep the template') && l.includes('"beyondCap":1'))).toBe(true);
  });
});
