// The creditor's identifiers are checked before a letter prints them.
import { describe, expect, it } from 'vitest';
import { addressLines, formatCompanyId, formatIban, parseBic, parseCompanyId, parseIban } from '../../src/domain/creditor.ts';
import { parseSettingsArgs } from '../../src/domain/settings.ts';
import { tokenize } from '../../src/domain/args.ts';
import { formatInputError } from '../../src/i18n/errors.ts';

const context = { currentChannelId: 'C0TEAM' };
const settingsLine = (text: string) => parseSettingsArgs(tokenize(text), context);

describe('IBAN', () => {
  it('takes an IBAN as copied from a statement, checks its check digits and stores it compact', () => {
    expect(parseIban('FR76 3000 6000 0112 3456 7890 189')).toEqual({ ok: true, value: 'FR7630006000011234567890189' });
    expect(parseIban('iban: de89-3704-0044-0532-0130-00')).toEqual({ ok: true, value: 'DE89370400440532013000' });
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });

  it('refuses a typo (one digit changed, two swapped), a wrong length and what is no IBAN at all', () => {
    expect(parseIban('FR76 3000 6000 0112 3456 7890 188')).toMatchObject({ ok: false, error: { code: 'settings.iban_checksum' } });
    expect(parseIban('FR76 3000 6000 0112 3456 7890 198')).toMatchObject({ ok: false, error: { code: 'settings.iban_checksum' } });
    expect(parseIban('FR76 3000 6000 0112 3456 7890')).toMatchObject({
      ok: false, error: { code: 'settings.iban_length', params: { country: 'FR', expected: 27, length: 24 } },
    });
    expect(parseIban('30006000011234567890189')).toMatchObject({ ok: false, error: { code: 'settings.not_an_iban' } });
  });

  it('quotes the IBAN typed and shows a correct one when it does not add up', () => {
    const parsed = settingsLine('set creditor_iban FR76 3000 6000 0112 3456 7890 188');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(formatInputError('en', parsed.error, '/collect settings set creditor_iban FR76 3000 6000 0112 3456 7890 189')).toBe(
      '"FR76 3000 6000 0112 3456 7890 188" does not add up: its check digits do not match, so a character is wrong or two are swapped. Copy it again from a bank statement. Example: `/collect settings set creditor_iban FR76 3000 6000 0112 3456 7890 189`',
    );
  });
});

describe('company id and BIC', () => {
  it('reads SIREN, SIRET and VAT numbers and checks their keys', () => {
    expect(parseCompanyId('732 829 320')).toEqual({ ok: true, value: { kind: 'siren', value: '732829320' } });
    expect(parseCompanyId('SIRET 732 829 320 00074')).toEqual({ ok: true, value: { kind: 'siret', value: '73282932000074' } });
    expect(parseCompanyId('FR 40 303 265 045')).toEqual({ ok: true, value: { kind: 'vat', value: 'FR40303265045' } });
    expect(parseCompanyId('DE123456789')).toEqual({ ok: true, value: { kind: 'vat', value: 'DE123456789' } });
    expect(parseCompanyId('732 829 321')).toMatchObject({ ok: false, error: { code: 'settings.company_id_checksum', params: { kind: 'SIREN' } } });
    expect(parseCompanyId('FR41303265045')).toMatchObject({ ok: false, error: { code: 'settings.company_id_checksum', params: { kind: 'VAT' } } });
    expect(parseCompanyId('Acme')).toMatchObject({ ok: false, error: { code: 'settings.not_a_company_id' } });
    expect(formatCompanyId({ kind: 'siret', value: '73282932000074' })).toBe('732 829 320 00074');
  });

  it('reads a BIC of 8 or 11 characters', () => {
    expect(parseBic('bnpa fr pp')).toEqual({ ok: true, value: 'BNPAFRPP' });
    expect(parseBic('BNPAFRPPXXX')).toEqual({ ok: true, value: 'BNPAFRPPXXX' });
    expect(parseBic('BNPAFR')).toMatchObject({ ok: false, error: { code: 'settings.not_a_bic', input: 'BNPAFR' } });
  });
});

describe('address lines', () => {
  it('splits at ; when used, else at commas, keeping a house number with its street', () => {
    expect(addressLines('Bât. B; 12 rue de la Paix; 75002 Paris')).toEqual(['Bât. B', '12 rue de la Paix', '75002 Paris']);
    expect(addressLines('12, rue de la Paix, 75002 Paris, France')).toEqual(['12, rue de la Paix', '75002 Paris', 'France']);
    expect(addressLines('3 bis, avenue Foch / 69006 Lyon')).toEqual(['3 bis, avenue Foch', '69006 Lyon']);
  });
});

describe('/collect settings creditor', () => {
  it('lists the creditor group; `settings creditor_name` still shows one key', () => {
    expect(settingsLine('creditor')).toEqual({ ok: true, value: { action: 'list', group: 'creditor' } });
    expect(settingsLine('créancier')).toEqual({ ok: true, value: { action: 'list', group: 'creditor' } });
    expect(settingsLine('creditor_name')).toEqual({ ok: true, value: { action: 'show', name: 'creditorName' } });
  });

  it('reads notice_days as calendar days', () => {
    expect(settingsLine('set notice_days 15 days')).toEqual({ ok: true, value: { action: 'set', name: 'noticeDays', value: 15 } });
    expect(settingsLine('set notice_days 0')).toMatchObject({ ok: false, error: { code: 'settings.calendar_days_out_of_range', name: 'noticeDays' } });
  });
});
