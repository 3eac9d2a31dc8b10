// The bytes of a reminder e-mail: built with nodemailer's MailComposer, read
// back with mailparser field by field, and sent as `raw` through a real SMTP
// server (test/support/smtp-sink.ts) to show they arrive as they were built.
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReminder } from '../../src/drafts/reminders.ts';
import { composeRaw, composeRawStreamed, composeRawSync, mailKey, messageIdFor, type ComposeInput } from '../../src/mail/compose.ts';
import { reminderHtml } from '../../src/mail/html.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const rendered = renderReminder({
  stage: 'reminder_1', locale: 'fr', customerName: 'Boulangerie Martin SARL',
  invoices: [{ number: 'F-2026-101', issueDate: '2026-09-15', dueDate: '2026-10-15', currency: 'EUR', amountCents: 1_000_000, openCents: 400_000 }],
  daysOverdue: 12, earlierReminders: [], paymentDetails: 'IBAN FR76 3000 6000 0112 3456 7890 189', creditorName: 'Relance Démo SAS',
  penalties: null, paymentLink: 'https://pay.example.com/p?ref=C-1&amount=4000.00',
});
const KEY = mailKey({ caseId: 42, customerId: 7, stage: 'reminder_1', dueDate: null, invoices: [{ number: 'F-2026-101' }] });
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256)), Buffer.from('\n%%EOF\n')]);

const input: ComposeInput = {
  from: '"Relance Démo SAS" <ar@Relance-Demo.fr>',
  replyTo: 'Compta <compta@relance-demo.fr>',
  to: 'Boulangerie Martin <contact@boulangerie-martin.fr>',
  subject: rendered.subject,
  text: rendered.body,
  html: reminderHtml({ subject: rendered.subject, text: rendered.body, locale: 'fr' }),
  messageId: messageIdFor('T0DEMO', KEY, 'ar@Relance-Demo.fr'),
  date: new Date('2026-10-27T09:15:00Z'),
  attachments: [{ filename: 'mise-en-demeure-C-1-2026-10-27.pdf', content: PDF, contentType: 'application/pdf' }],
};

describe('mailKey and messageIdFor', () => {
  it('the key names the case (or customer), stage, due date and a digest of the invoices, whatever their order', () => {
    const invoices = [{ number: 'B-2' }, { number: 'A-1' }, { number: 'B-2' }];
    const key = mailKey({ caseId: 42, customerId: 7, stage: 'reminder_2', dueDate: null, invoices });
    expect(key).toMatch(/^case42:reminder_2::[0-9a-f]{16}$/);
    expect(mailKey({ caseId: 42, customerId: 7, stage: 'reminder_2', dueDate: null, invoices: [{ number: 'A-1' }, { number: 'B-2' }] })).toBe(key);
    expect(mailKey({ caseId: 42, customerId: 7, stage: 'reminder_2', dueDate: null, invoices: [{ number: 'A-1' }] })).not.toBe(key);
    expect(mailKey({ caseId: 42, customerId: 7, stage: 'reminder_3', dueDate: null, invoices })).not.toBe(key);
    expect(mailKey({ caseId: null, customerId: 7, stage: 'pre_due', dueDate: '2026-10-15', invoices })).toMatch(/^customer7:pre_due:2026-10-15:[0-9a-f]{16}$/);
  });

  it('the Message-ID is a function of the workspace and the key, at the From domain in lower case', () => {
    const id = messageIdFor('T0DEMO', KEY, '"Relance Démo SAS" <ar@Relance-Demo.FR>');
    expect(id).toMatch(/^<relance\.[0-9a-f]{32}@relance-demo\.fr>$/);
    expect(messageIdFor('T0DEMO', KEY, 'ar@relance-demo.fr')).toBe(id);
    expect(messageIdFor('T0OTHER', KEY, 'ar@relance-demo.fr')).not.toBe(id);
    expect(messageIdFor('T0DEMO', `${KEY}x`, 'ar@relance-demo.fr')).not.toBe(id);
  });
});

describe('composeRaw', () => {
  it('builds a message mailparser reads back field by field: headers, text verbatim, HTML, the PDF', async () => {
    const raw = await composeRaw(input);
    const mail = await simpleParser(raw);
    // nodemailer writes the domain in lower case (domains are case-insensitive).
    expect(mail.from?.value).toEqual([{ name: 'Relance Démo SAS', address: 'ar@relance-demo.fr' }]);
    expect(mail.replyTo?.value).toEqual([{ name: 'Compta', address: 'compta@relance-demo.fr' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : null).toEqual([{ name: 'Boulangerie Martin', address: 'contact@boulangerie-martin.fr' }]);
    expect(mail.subject).toBe(input.subject);
    expect(mail.messageId).toBe(input.messageId);
    expect(mail.date?.toISOString()).toBe('2026-10-27T09:15:00.000Z');
    expect(mail.text).toBe(input.text);
    expect(mail.html).toBe(input.html);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'mise-en-demeure-C-1-2026-10-27.pdf', contentType: 'application/pdf' });
    expect(Buffer.compare(mail.attachments[0]!.content, PDF)).toBe(0);
    // Standard headers only: a person approved this business letter.
    const headers = raw.toString('latin1').split(/\r\n\r\n/)[0]!;
    expect(headers).not.toMatch(/^Auto-Submitted:/im);
    expect(headers).not.toMatch(/^X-/im);
  });

  it('writes the very bytes MailComposer\'s own stream writes, CRLF throughout, without its streams', async () => {
    const long = 'Une ligne très longue qui dépasse soixante-seize caractères, et des espaces en fin   \n'.repeat(30);
    const variants: ComposeInput[] = [
      input,
      { ...input, replyTo: null, attachments: undefined },
      { ...input, subject: `${'x'.repeat(200)} é`, text: `${long} trailing `, html: reminderHtml({ subject: 'S', text: long, locale: 'fr' }) },
      { ...input, subject: 'plain', text: 'short', html: '<p>short</p>', attachments: undefined },
    ];
    for (const variant of variants) {
      const sync = composeRawSync(variant, '0123456789abcdef');
      expect(sync.equals(await composeRawStreamed(variant, '0123456789abcdef'))).toBe(true);
      expect(sync.toString('latin1')).not.toMatch(/(?<!\r)\n/);
    }
    // Boundaries are drawn per mail: two builds differ only there.
    const [a, b] = [await composeRaw(input), await composeRaw(input)];
    expect(a.equals(b)).toBe(false);
    expect((await simpleParser(a)).text).toBe((await simpleParser(b)).text);
  });

  it('leaves out Reply-To when none is set, and builds a mail without attachments', async () => {
    const mail = await simpleParser(await composeRaw({ ...input, replyTo: null, attachments: undefined }));
    expect(mail.replyTo).toBeUndefined();
    expect(mail.attachments).toHaveLength(0);
    expect(mail.text).toBe(input.text);
  });

  it('the same input twice gives the same Message-ID and the same key', async () => {
    const again = { ...input, messageId: messageIdFor('T0DEMO', mailKey({ caseId: 42, customerId: 7, stage: 'reminder_1', dueDate: null, invoices: [{ number: 'F-2026-101' }] }), 'ar@Relance-Demo.fr') };
    const [a, b] = await Promise.all([composeRaw(input), composeRaw(again)]);
    expect((await simpleParser(a)).messageId).toBe((await simpleParser(b)).messageId);
    expect(again.messageId).toBe(input.messageId);
  });
});

describe('sent as raw through SMTP', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('arrives unchanged: the same bytes, the same parsed fields and Message-ID', async () => {
    const raw = await composeRaw(input);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, logger: false, debug: false });
    try {
      const info = await transport.sendMail({ envelope: { from: 'ar@relance-demo.fr', to: ['contact@boulangerie-martin.fr'] }, raw });
      expect(info.response).toMatch(/^250 /);
    } finally {
      transport.close();
    }
    expect(sink.received).toHaveLength(1);
    const got = sink.received[0]!;
    expect(got.envelope).toEqual({ from: 'ar@relance-demo.fr', to: ['contact@boulangerie-martin.fr'] });
    // CRLF throughout (quoted-printable bodies included): nothing for SMTP to rewrite, the server gets the very bytes kept.
    expect(raw.toString('latin1')).not.toMatch(/(?<!\r)\n/);
    expect(got.raw.equals(raw)).toBe(true);
    const sent = await simpleParser(raw);
    expect(got.parsed.messageId).toBe(input.messageId);
    expect(got.parsed.subject).toBe(sent.subject);
    expect(got.parsed.text).toBe(sent.text);
    expect(got.parsed.html).toBe(sent.html);
    expect(Buffer.compare(got.parsed.attachments[0]!.content, PDF)).toBe(0);
  });
});
