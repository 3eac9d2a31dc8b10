// The freshness rule alone: the last sync, the setting and the clock in, a verdict out.
import { describe, expect, it } from 'vitest';
import {
  decodeLedgerMaxAge, formatLedgerMaxAge, ledgerAge, ledgerFreshness, ledgerHold, ledgerHoldView, parseLedgerMaxAge, type LedgerSync,
} from '../../src/domain/ledger-freshness.ts';
import { formatInputError } from '../../src/i18n/errors.ts';
import { DEFAULT_SETTINGS, parseSettingsArgs, SETTING_GROUPS, viewSetting } from '../../src/domain/settings.ts';
import { translator } from '../../src/i18n/messages.ts';

const sync: LedgerSync = { at: new Date('2026-11-27T08:00:00Z'), source: 'import' };
const hours = (n: number) => new Date(sync.at.getTime() + n * 3_600_000);

describe('ledgerFreshness', () => {
  it('is fresh up to the maximum age, included, and stale beyond', () => {
    expect(ledgerFreshness(sync, 36, hours(36)).state).toBe('fresh');
    const stale = ledgerFreshness(sync, 36, hours(36.01));
    expect(stale).toMatchObject({ state: 'stale', maxAgeHours: 36, sync });
    expect(ledgerHold(stale)).toBe(stale);
    expect(ledgerHold(ledgerFreshness(sync, 36, hours(1)))).toBeNull();
  });

  it('never holds a workspace that never synced, nor when the setting is off', () => {
    expect(ledgerFreshness(null, 36, hours(1000))).toEqual({ state: 'never' });
    expect(ledgerFreshness(sync, 'off', hours(1000))).toEqual({ state: 'off' });
  });

  it('treats a sync in the future (clock skew) as fresh', () => {
    expect(ledgerFreshness(sync, 1, hours(-5)).state).toBe('fresh');
  });

  it('says the age in hours under two days, in days beyond, with the day of the sync in the workspace zone', () => {
    expect(ledgerAge(37 * 3_600_000)).toEqual({ unit: 'hours', count: 37 });
    expect(ledgerAge(3 * 24 * 3_600_000 + 5)).toEqual({ unit: 'days', count: 3 });
    const late = { at: new Date('2026-11-27T23:30:00Z'), source: 'api' as const };
    const hold = ledgerHold(ledgerFreshness(late, 36, new Date('2026-11-30T12:00:00Z')))!;
    expect(ledgerHoldView(hold, 'Europe/Paris')).toEqual({ count: 2, unit: 'days', source: 'api', syncedOn: '2026-11-28' });
  });
});

describe('the ledger_max_age setting', () => {
  it('reads hours, days and off', () => {
    expect(parseLedgerMaxAge('36h')).toEqual({ ok: true, value: 36 });
    expect(parseLedgerMaxAge(' 36 hours ')).toEqual({ ok: true, value: 36 });
    expect(parseLedgerMaxAge('2d')).toEqual({ ok: true, value: 48 });
    expect(parseLedgerMaxAge('3 days')).toEqual({ ok: true, value: 72 });
    expect(parseLedgerMaxAge('OFF')).toEqual({ ok: true, value: 'off' });
    expect(formatLedgerMaxAge(48)).toBe('2d');
    expect(formatLedgerMaxAge(36)).toBe('36h');
  });

  it('refuses what it cannot read, quoting it with an example', () => {
    const parsed = parseSettingsArgs(['set', 'ledger_max_age', '36', 'heures'], { currentChannelId: 'C0TEAM' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ code: 'settings.not_a_max_age', input: '36 heures', name: 'ledgerMaxAge' });
    expect(formatInputError('en', parsed.error, '/collect settings set ledger_max_age 36h'))
      .toBe('"36 heures" is not an age relance reads: a number of hours or days written with h or d (36h, 2d), or off. Example: `/collect settings set ledger_max_age 36h`');
    expect(formatInputError('fr', parsed.error, '/collect settings set ledger_max_age 36h')).toContain('« 36 heures » n\'est pas une durée');
    expect(parseLedgerMaxAge('36')).toMatchObject({ ok: false, error: { code: 'settings.not_a_max_age' } });
    expect(parseLedgerMaxAge('0h')).toMatchObject({ ok: false, error: { code: 'settings.max_age_out_of_range', params: { min: 1, max: 60 } } });
    expect(parseLedgerMaxAge('61d')).toMatchObject({ ok: false, error: { code: 'settings.max_age_out_of_range' } });
  });

  it('is listed with the mail settings, 36 hours by default', () => {
    expect(SETTING_GROUPS.mail).toContain('ledgerMaxAge');
    expect(viewSetting('ledgerMaxAge', DEFAULT_SETTINGS.ledgerMaxAge)).toEqual({ kind: 'max_age', maxAge: 36 });
    expect(translator('en')('settings.value.maxAge', { hours: 36 })).toBe('36 hours after the last sync');
    expect(translator('fr')('settings.value.maxAge', { hours: 48 })).toBe('2 jours après la dernière synchronisation');
    expect(parseSettingsArgs(['ledger_max_age', 'off'], { currentChannelId: 'C0TEAM' })).toEqual({ ok: true, value: { action: 'set', name: 'ledgerMaxAge', value: 'off' } });
  });

  it('decodes only what it stores', () => {
    expect(decodeLedgerMaxAge(36)).toBe(36);
    expect(decodeLedgerMaxAge('off')).toBe('off');
    expect(decodeLedgerMaxAge('36h')).toBeUndefined();
    expect(decodeLedgerMaxAge(0)).toBeUndefined();
  });
});
