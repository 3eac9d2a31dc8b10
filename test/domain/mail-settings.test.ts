// The parsers of the reminder e-mail settings: what an admin types in Slack,
// read or refused with the bad part quoted.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEND_POLICY, fillPaymentLink, formatMailbox, isUsableAddress, MAX_SIGNATURE, parseMailbox, parseMailRate, parsePaymentLink,
  parseSendPolicy, parseSignature, stageNeedsManager, decodeSendPolicy, decodeMailbox,
} from '../../src/domain/mail-settings.ts';

const refusal = (r: { ok: boolean; error?: unknown }) => (r.ok ? null : r.error);

describe('mailbox (mail_from, mail_reply_to)', () => {
  it('reads a bare address, a named one, a quoted name and Slack\'s mailto link', () => {
    expect(parseMailbox('ar@acme.fr')).toEqual({ ok: true, value: { name: '', address: 'ar@acme.fr' } });
    expect(parseMailbox('  Acme Recouvrement   <ar@acme.fr> ')).toEqual({ ok: true, value: { name: 'Acme Recouvrement', address: 'ar@acme.fr' } });
    expect(parseMailbox('"Acme, Recouvrement" <ar@acme.fr>')).toEqual({ ok: true, value: { name: 'Acme, Recouvrement', address: 'ar@acme.fr' } });
    expect(parseMailbox('Acme <mailto:ar@acme.fr|ar@acme.fr>')).toEqual({ ok: true, value: { name: 'Acme', address: 'ar@acme.fr' } });
    expect(parseMailbox('<mailto:ar@acme.fr|ar@acme.fr>')).toEqual({ ok: true, value: { name: '', address: 'ar@acme.fr' } });
  });

  it('refuses what is not exactly one usable mailbox, quoting it', () => {
    for (const typed of ['', 'n/a', 'jean@', '@acme.fr', 'ar@acme', 'ar@acme.f', 'ar@acme.fr, compta@acme.fr', 'a@b.fr; c@d.fr', 'ar at acme.fr', 'Acme <>']) {
      expect(refusal(parseMailbox(typed)), typed).toEqual({ code: 'settings.not_a_mailbox', input: typed });
    }
    expect(isUsableAddress(`${'a'.repeat(250)}@acme.fr`)).toBe(false);
  });

  it('refuses a second address or stray text folded into the display name', () => {
    for (const typed of ['Acme <ar@acme.fr> <b@acme.fr>', 'ar@acme.fr b@acme.fr', 'b@x.fr <ar@acme.fr>', 'Acme <ar@acme.fr> extra', '<ar@acme.fr']) {
      expect(refusal(parseMailbox(typed)), typed).toEqual({ code: 'settings.not_a_mailbox', input: typed });
    }
  });

  it('formats a header mailbox, quoting a name with specials', () => {
    expect(formatMailbox({ name: '', address: 'ar@acme.fr' })).toBe('ar@acme.fr');
    expect(formatMailbox({ name: 'Acme Recouvrement', address: 'ar@acme.fr' })).toBe('Acme Recouvrement <ar@acme.fr>');
    expect(formatMailbox({ name: 'Acme, S.A. "Paris"', address: 'ar@acme.fr' })).toBe('"Acme, S.A. \\"Paris\\"" <ar@acme.fr>');
    expect(decodeMailbox('Acme <ar@acme.fr>')).toBe('Acme <ar@acme.fr>');
    expect(decodeMailbox(null)).toBeNull();
    expect(decodeMailbox('garbage')).toBeUndefined();
  });
});

describe('signature (mail_signature)', () => {
  it('turns ; and " / " into lines and squeezes spaces', () => {
    expect(parseSignature('Jeanne Martin ;  Service recouvrement / 01 23 45 67 89')).toEqual({ ok: true, value: 'Jeanne Martin\nService recouvrement\n01 23 45 67 89' });
    expect(parseSignature('Acme   SA')).toEqual({ ok: true, value: 'Acme SA' });
    // A slash inside a word is not a line break.
    expect(parseSignature('Acme A/R team')).toEqual({ ok: true, value: 'Acme A/R team' });
  });

  it('refuses an empty signature and one too long', () => {
    expect(refusal(parseSignature('   '))).toEqual({ code: 'settings.missing_value', input: '   ', params: { key: 'mail_signature' } });
    expect(refusal(parseSignature('x'.repeat(MAX_SIGNATURE + 1)))).toMatchObject({ code: 'settings.text_too_long', params: { max: MAX_SIGNATURE, length: MAX_SIGNATURE + 1 } });
  });
});

describe('payment link (payment_link)', () => {
  it('reads an https template of known fields, Slack\'s <link> form too, and fills each field URL-encoded', () => {
    const template = 'https://pay.acme.fr/?ref={customer_ref}&amount={amount}&cur={currency}&inv={invoices}&case={ case }';
    const parsed = parsePaymentLink(template);
    expect(parsed).toEqual({ ok: true, value: 'https://pay.acme.fr/?ref={customer_ref}&amount={amount}&cur={currency}&inv={invoices}&case={case}' });
    expect(parsePaymentLink('<https://pay.acme.fr/{customer_ref}>')).toEqual({ ok: true, value: 'https://pay.acme.fr/{customer_ref}' });
    expect(parsePaymentLink('http://pay.acme.fr/')).toEqual({ ok: true, value: 'http://pay.acme.fr/' });
    expect(fillPaymentLink(parsed.ok ? parsed.value : '', {
      customer_ref: 'C 1&2', amount: '1200.50', currency: 'EUR', invoices: 'F-1,F-2', case: '17',
    })).toBe('https://pay.acme.fr/?ref=C%201%262&amount=1200.50&cur=EUR&inv=F-1%2CF-2&case=17');
  });

  it('refuses an unknown field by quoting it with the known ones, a stray brace, and what is not a web address', () => {
    const fields = '{customer_ref} {invoices} {amount} {currency} {case}';
    expect(refusal(parsePaymentLink('https://pay.acme.fr/?ref={customer_ref}&iban={iban}'))).toEqual({ code: 'settings.payment_link_field', input: '{iban}', params: { fields } });
    expect(refusal(parsePaymentLink('https://pay.acme.fr/?ref={customer_ref'))).toMatchObject({ code: 'settings.payment_link_field', params: { fields } });
    expect(refusal(parsePaymentLink('pay.acme.fr/?ref={customer_ref}'))).toEqual({ code: 'settings.not_a_payment_link', input: 'pay.acme.fr/?ref={customer_ref}' });
    expect(refusal(parsePaymentLink('javascript:alert(1)'))).toMatchObject({ code: 'settings.not_a_payment_link' });
    expect(refusal(parsePaymentLink(`https://pay.acme.fr/${'x'.repeat(500)}`))).toMatchObject({ code: 'settings.text_too_long', params: { max: 500 } });
  });
});

describe('send policy (send_policy)', () => {
  it('changes the stages named, keeps the others, and reads French words and groups', () => {
    expect(parseSendPolicy('reminder_1 auto')).toEqual({ ok: true, value: { ...DEFAULT_SEND_POLICY, reminder_1: 'auto' } });
    expect(parseSendPolicy('pre_due,reminder_1 auto reminder_3 approve', { ...DEFAULT_SEND_POLICY, reminder_3: 'auto' }))
      .toEqual({ ok: true, value: { ...DEFAULT_SEND_POLICY, pre_due: 'auto', reminder_1: 'auto' } });
    expect(parseSendPolicy('tous automatique')).toEqual({ ok: true, value: { pre_due: 'auto', reminder_1: 'auto', reminder_2: 'auto', reminder_3: 'auto', formal_notice: 'auto' } });
    expect(parseSendPolicy('reminders=auto notice: valider')).toEqual({ ok: true, value: { pre_due: 'approve', reminder_1: 'auto', reminder_2: 'auto', reminder_3: 'auto', formal_notice: 'approve' } });
    expect(parseSendPolicy('Reminder-2 AUTO')).toEqual({ ok: true, value: { ...DEFAULT_SEND_POLICY, reminder_2: 'auto' } });
  });

  it('refuses an unknown word by quoting it, a choice before any stage, and stages left without a choice', () => {
    const stages = 'pre_due, reminder_1, reminder_2, reminder_3, formal_notice';
    expect(refusal(parseSendPolicy('reminder_9 auto'))).toEqual({ code: 'settings.send_policy_word', input: 'reminder_9', params: { stages } });
    expect(refusal(parseSendPolicy('auto'))).toEqual({ code: 'settings.send_policy_word', input: 'auto', params: { stages } });
    expect(refusal(parseSendPolicy('reminder_1 auto reminder_2'))).toEqual({ code: 'settings.send_policy_missing_choice', input: 'reminder_1 auto reminder_2' });
    expect(refusal(parseSendPolicy(''))).toMatchObject({ code: 'settings.send_policy_missing_choice' });
  });

  it('decodes only a stored policy of known stages and choices; a formal-notice copy needs a manager', () => {
    expect(decodeSendPolicy({ reminder_1: 'auto' })).toEqual({ ...DEFAULT_SEND_POLICY, reminder_1: 'auto' });
    expect(decodeSendPolicy({ reminder_1: 'sometimes' })).toBeUndefined();
    expect(decodeSendPolicy({ call: 'auto' })).toBeUndefined();
    expect(decodeSendPolicy(['auto'])).toBeUndefined();
    expect(stageNeedsManager('formal_notice')).toBe(true);
    expect(stageNeedsManager('reminder_3')).toBe(false);
  });
});

describe('rate (mail_rate)', () => {
  it('reads a whole number of mails a minute, with or without its unit', () => {
    for (const typed of ['60', '60/min', '60 / minute', '60 per minute', '60 par minute', '60 mails/min']) expect(parseMailRate(typed), typed).toEqual({ ok: true, value: 60 });
    expect(parseMailRate('100000')).toEqual({ ok: true, value: 100_000 });
  });

  it('refuses what is not a whole number, and a rate out of bounds, quoting it', () => {
    expect(refusal(parseMailRate('sixty'))).toEqual({ code: 'settings.not_a_mail_rate', input: 'sixty' });
    expect(refusal(parseMailRate('1.5'))).toEqual({ code: 'settings.not_a_mail_rate', input: '1.5' });
    expect(refusal(parseMailRate('0'))).toEqual({ code: 'settings.mail_rate_out_of_range', input: '0', params: { min: 1, max: 100_000 } });
    expect(refusal(parseMailRate('100001'))).toMatchObject({ code: 'settings.mail_rate_out_of_range', input: '100001' });
  });
});
