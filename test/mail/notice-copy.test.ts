// What the mail settings put into drafts, against a real database: the
// ladder's firm reminders (signature, payment link, legal footer; fees for a
// professional only) and the e-mail copy of a formal notice drafted with the
// letter, its figures the letter's, its PDF named through data.letter_id.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, drafts, letters } from '../../src/db/schema.ts';
import { generateFormalNotice } from '../../src/services/letters/generate-notice.ts';
import { runLadderPass } from '../../src/services/ladder/pass.ts';
import { insertNoticeCopyDraft } from '../../src/services/mail/draft-notice-copy.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { CREDITOR, caseOfRef, lettersOf, seedLetterLedger, setSettings, slack, TEAM, TODAY } from '../letters/support.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const MANAGER = 'U0MANAGER';
const SIGNATURE = 'Jeanne Martin\nService recouvrement';
const FOOTER = 'Relance Démo SAS · 12, rue de la Paix, 75002 Paris · SIREN 732 829 320';
/** French amounts as formatMoney writes them: U+202F between thousands, U+00A0 before the sign. */
const eur = (text: string) => text.replace(/(\d) (?=\d{3}\b)/g, `$1${NNBSP}`).replace(/ €/g, `${NBSP}€`);

describe('mail settings in drafts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedLetterLedger(t);
    await setSettings(t, {
      ...CREDITOR, mailSignature: SIGNATURE,
      paymentLink: 'https://pay.example.com/p?ref={customer_ref}&inv={invoices}&amount={amount}&cur={currency}&case={case}',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  const draftsOf = (caseId: number) => t.database.db.select().from(drafts).where(eq(drafts.caseId, caseId)).orderBy(asc(drafts.id));

  it('the ladder\'s firm reminders: signature, filled link, legal footer; interest and €40 for a professional, no fee for a consumer (Globex, 61 days late, only catches up)', async () => {
    const acme = await caseOfRef(t, 'C-ACME');
    const dupont = await caseOfRef(t, 'C-DUP');
    // On the call step, 30 days after the due date of 1 April: the pass moves them to reminder_3.
    await t.database.db.update(cases).set({ stage: 'call' }).where(eq(cases.workspaceId, TEAM));
    await t.database.db.transaction((tx) => runLadderPass(tx, { workspaceId: TEAM, day: TODAY, now: t.clock.now }));

    const [b2b] = await draftsOf(acme.caseId);
    expect(b2b).toMatchObject({ stage: 'reminder_3', locale: 'fr' });
    const link = `https://pay.example.com/p?ref=C-ACME&inv=F-2026-0042&amount=10000.00&cur=EUR&case=${acme.caseId}`;
    expect(b2b!.body).toContain(eur('les intérêts s\'élèvent à 99,86 €'));
    expect(b2b!.body).toContain(eur('et les indemnités à 40,00 € (1 facture).'));
    expect(b2b!.body).toContain(`\n\nRèglement : IBAN FR76 3000 6000 0112 3456 7890 189, BIC BNPAFRPP\nPayer en ligne : ${link}\n\n`);
    expect(b2b!.body.endsWith(`\n\nCordialement,\n${SIGNATURE}\n\n${FOOTER}`)).toBe(true);
    expect(b2b!.data).toMatchObject({ payment_link: link, signature: SIGNATURE, legal_footer: FOOTER, penalties_stated: true, customer_ref: 'C-ACME' });

    const [b2c] = await draftsOf(dupont.caseId);
    expect(b2c).toMatchObject({ stage: 'reminder_3', locale: 'fr' });
    for (const word of ['intérêts', 'indemnit', '40 €', 'L441-10']) expect(b2c!.body).not.toContain(word);
    expect(b2c!.data).toMatchObject({ penalties_stated: false, late_fees: null });
  });

  it('a formal notice drafts its e-mail copy in the letter\'s transaction: the letter\'s figures, deadline and id', async () => {
    const { caseId, customerId } = await caseOfRef(t, 'C-ACME');
    const made = await generateFormalNotice(t.database.db, slack(t), { workspaceId: TEAM, caseId, userId: MANAGER, now: t.clock.now, command: '/collect' });
    expect(made.kind).toBe('generated');
    const [letter] = await lettersOf(t, caseId);
    const copies = (await draftsOf(caseId)).filter((d) => d.stage === 'formal_notice');
    expect(copies).toHaveLength(1);
    const copy = copies[0]!;
    expect(copy).toMatchObject({ customerId, locale: 'fr', status: 'draft', subject: 'Copie de notre mise en demeure du 1er mai 2026' });
    expect(copy.body.startsWith('Acme SA\n\nMadame, Monsieur,\n\nVeuillez trouver ci-joint notre mise en demeure du 1er mai 2026 (également adressée par lettre recommandée avec demande d\'avis de réception).')).toBe(true);
    expect(copy.body).toContain(eur('- F-2026-0042 · émise le 02/03/2026 · échéance 01/04/2026 · montant 10 000,00 € · reste dû 10 000,00 €'));
    expect(copy.body).toContain(`Total réclamé : ${eur('10 139,86 €')} (principal ${eur('10 000,00 €')} · intérêts ${eur('99,86 €')} · indemnités forfaitaires de recouvrement ${eur('40,00 €')})`);
    expect(letter!.deadlineOn).toBe('2026-05-11');
    expect(copy.body).toContain('au plus tard le 11 mai 2026.');
    expect(copy.body).toContain(`Référence à rappeler : C-ACME\nPayer en ligne : https://pay.example.com/p?ref=C-ACME&inv=F-2026-0042&amount=10139.86&cur=EUR&case=${caseId}`);
    expect(copy.body.endsWith(`Cordialement,\n${SIGNATURE}\n\n${FOOTER}`)).toBe(true);
    expect(copy.data).toMatchObject({
      letter_id: letter!.id, letter_date: TODAY, deadline: '2026-05-11', customer_ref: 'C-ACME',
      invoices: [{ number: 'F-2026-0042', issue_date: '2026-03-02', due_date: '2026-04-01', currency: 'EUR', amount_cents: 1_000_000, open_cents: 1_000_000 }],
      totals: [{ cents: 1_000_000, currency: 'EUR' }],
      claim: [{ currency: 'EUR', principal_cents: 1_000_000, interest_cents: 9_986, other_cents: 4_000, total_cents: 1_013_986 }],
      signature: SIGNATURE, legal_footer: FOOTER,
    });
  });

  it('one copy per case: drafting it again changes nothing', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    const [letter] = await lettersOf(t, caseId);
    const before = await draftsOf(caseId);
    const again = await t.database.db.transaction((tx) => insertNoticeCopyDraft(tx, { workspaceId: TEAM, caseId, letterId: letter!.id, now: t.clock.now, command: '/collect' }));
    expect(again).toBeNull();
    expect(await draftsOf(caseId)).toEqual(before);
  });

  it('a consumer\'s copy claims no fee; a letter of another case or workspace drafts nothing', async () => {
    const { caseId } = await caseOfRef(t, 'C-DUP');
    const acme = await caseOfRef(t, 'C-ACME');
    const [acmeLetter] = await lettersOf(t, acme.caseId);
    expect(await t.database.db.transaction((tx) => insertNoticeCopyDraft(tx, { workspaceId: TEAM, caseId, letterId: acmeLetter!.id, now: t.clock.now, command: '/collect' }))).toBeNull();
    expect(await t.database.db.transaction((tx) => insertNoticeCopyDraft(tx, { workspaceId: 'T0OTHER', caseId: acme.caseId, letterId: acmeLetter!.id, now: t.clock.now, command: '/collect' }))).toBeNull();

    const made = await generateFormalNotice(t.database.db, slack(t), { workspaceId: TEAM, caseId, userId: MANAGER, now: t.clock.now });
    expect(made.kind).toBe('generated');
    const [copy] = (await draftsOf(caseId)).filter((d) => d.stage === 'formal_notice');
    const [letter] = await t.database.db.select().from(letters).where(and(eq(letters.caseId, caseId), eq(letters.kind, 'formal_notice')));
    expect(copy!.data).toMatchObject({ letter_id: letter!.id });
    expect(copy!.body).toContain(`\n\nTotal réclamé : ${eur('1 200,00 €')}\n\n`);
    for (const word of ['indemnit', 'intérêts']) expect(copy!.body).not.toContain(word);
  });
});
