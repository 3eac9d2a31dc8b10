import { parseNoticeEvent } from '../../src/domain/notice-log.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOverdueArgs, tokenize } from '../../src/domain/args.ts';
import { parseLogRequest } from '../../src/domain/call-outcomes.ts';
import { parseDigestArgs } from '../../src/domain/digest-args.ts';
import { parsePauseArgs, parsePauseEnd } from '../../src/domain/pause-args.ts';
import { parsePlanArgs } from '../../src/domain/plan-args.ts';
import { parseCountry, parseDate, parseDuration, parseLocalTime } from '../../src/domain/dates.ts';
import { DOMAIN_ERROR_CODES } from '../../src/domain/errors.ts';
import { parseSettingsArgs } from '../../src/domain/settings.ts';
import { parseAmount, parseDecimal } from '../../src/domain/money.ts';
import { parseWorkingHours } from '../../src/domain/working-hours.ts';
import { parseCallingProfile } from '../../src/domain/calling-profile.ts';
import { parseStatsPeriod } from '../../src/domain/stats-period.ts';
import type { Result } from '../../src/domain/result.ts';

const dir = join(import.meta.dirname, '../../src/domain');
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'errors.ts')
  .map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

describe('DOMAIN_ERROR_CODES', () => {
  it('documents every code with a meaning and a correct example', () => {
    for (const [code, doc] of Object.entries(DOMAIN_ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(doc.meaning.length, code).toBeGreaterThan(10);
      expect(doc.example.length, code).toBeGreaterThan(0);
    }
  });

  it('lists only codes the domain actually returns', () => {
    for (const code of Object.keys(DOMAIN_ERROR_CODES)) expect(sources, code).toContain(`'${code}'`);
  });
});

// What each family's example must parse with; args.unresolved_mention's is advice, not input.
const CHECKS: Record<string, (example: string) => Result<unknown>> = {
  amount: (e) => parseAmount(e, { locale: 'fr', defaultCurrency: 'EUR' }),
  decimal: (e) => parseDecimal(e, '.'),
  date: (e) => parseDate(e, { locale: 'fr', today: '2026-11-23', future: true }),
  duration: parseDuration,
  time: parseLocalTime,
  country: parseCountry,
  overdue: (e) => parseOverdueArgs(tokenize(e.replace(/^\/collect overdue/, '')), 'USELF'),
  digest: (e) => parseDigestArgs(tokenize(e.replace(/^\/collect digest/, ''))),
  settings: (e) => parseSettingsArgs(tokenize(e), { currentChannelId: 'C0TEAM' }),
  hours: parseWorkingHours,
  profile: parseCallingProfile,
  // The first word after `log` is the case.
  log: (e) => parseLogRequest(tokenize(e.replace(/^\/collect log \S+/, '')), { locale: 'en', today: '2026-11-23', currency: 'EUR' }),
  // The first word after `log` is the case; then the notice event.
  notice: (e) => parseNoticeEvent(tokenize(e.replace(/^\/collect log \S+/, '')), { locale: 'en', today: '2026-11-23', currency: 'EUR' })
    ?? { ok: false, error: { code: 'notice.no_event', input: e } },
  stats: (e) => parseStatsPeriod(e.replace(/^\/collect stats ?/, ''), { locale: 'en', today: '2026-11-23' }),
  // The first word after `plan` is the case.
  plan: (e) => parsePlanArgs(tokenize(e.replace(/^\/collect plan \S+/, '')), { locale: 'en', today: '2026-11-23' }),
  pause: (e) => e.startsWith('/collect pause')
    ? parsePauseArgs(tokenize(e.replace(/^\/collect pause/, '')), { locale: 'en', today: '2026-11-23' })
    : parsePauseEnd(e, { locale: 'en', today: '2026-11-23' }),
};

describe('DOMAIN_ERROR_CODES examples', () => {
  it.each(Object.entries(DOMAIN_ERROR_CODES).filter(([code]) => code !== 'args.unresolved_mention'))('%s example parses', (code, doc) => {
    const check = CHECKS[code.split('.')[0] ?? ''];
    expect(check, code).toBeDefined();
    for (const example of doc.example.split(', ')) expect(check?.(example).ok, `${code}: ${example}`).toBe(true);
  });
});
