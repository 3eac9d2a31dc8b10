import { describe, expect, it } from 'vitest';
import { parseDigestArgs, parseWeekdays } from '../../src/domain/digest-args.ts';
import { dueTodayRun, nextDigestRun } from '../../src/domain/digest-schedule.ts';

const paris = { localTime: '09:00', timezone: 'Europe/Paris', weekdays: [1, 2, 3, 4, 5] };

/** Every run from `from` for `n` runs, as local dates and UTC instants. */
function runs(schedule: typeof paris, from: string, n: number, calendar: 'FR' | 'none' = 'FR') {
  const out: { date: string; utc: string }[] = [];
  let after = new Date(from);
  for (let i = 0; i < n; i++) {
    const run = nextDigestRun(schedule, after, calendar)!;
    out.push({ date: run.businessDate, utc: run.at.toISOString() });
    after = run.at;
  }
  return out;
}

describe('next digest run', () => {
  it('stays at 09:00 local across the spring daylight-saving change, once a day', () => {
    // Paris moves to summer time on Sunday 29 March 2026.
    expect(runs(paris, '2026-03-26T12:00:00Z', 3)).toEqual([
      { date: '2026-03-27', utc: '2026-03-27T08:00:00.000Z' },
      { date: '2026-03-30', utc: '2026-03-30T07:00:00.000Z' },
      { date: '2026-03-31', utc: '2026-03-31T07:00:00.000Z' },
    ]);
  });

  it('stays at 09:00 local across the autumn change, and a 02:30 digest on the changing night runs once', () => {
    expect(runs(paris, '2026-10-22T12:00:00Z', 3)).toEqual([
      { date: '2026-10-23', utc: '2026-10-23T07:00:00.000Z' },
      { date: '2026-10-26', utc: '2026-10-26T08:00:00.000Z' },
      { date: '2026-10-27', utc: '2026-10-27T08:00:00.000Z' },
    ]);
    // Clocks change on a Sunday, never a business day: an early digest keeps its local time around it.
    const early = runs({ ...paris, localTime: '02:30', weekdays: [1, 2, 3, 4, 5, 6, 7] }, '2026-10-22T12:00:00Z', 2, 'none');
    expect(early).toEqual([
      { date: '2026-10-23', utc: '2026-10-23T00:30:00.000Z' },
      { date: '2026-10-26', utc: '2026-10-26T01:30:00.000Z' },
    ]);
  });

  it('skips weekends and French public holidays', () => {
    // Friday 25 December 2026 is Christmas; Friday 1 January 2027 is New Year's Day.
    expect(runs(paris, '2026-12-23T12:00:00Z', 4).map((r) => r.date)).toEqual(['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30']);
    expect(runs(paris, '2026-12-30T12:00:00Z', 2).map((r) => r.date)).toEqual(['2026-12-31', '2027-01-04']);
  });

  it('honours other zones and chosen weekdays', () => {
    const ny = { localTime: '08:30', timezone: 'America/New_York', weekdays: [1, 3, 5] };
    expect(runs(ny, '2026-11-23T00:00:00Z', 3, 'none')).toEqual([
      { date: '2026-11-23', utc: '2026-11-23T13:30:00.000Z' },
      { date: '2026-11-25', utc: '2026-11-25T13:30:00.000Z' },
      { date: '2026-11-27', utc: '2026-11-27T13:30:00.000Z' },
    ]);
  });

  it('knows when today\'s digest is already due (for a restart after its time)', () => {
    expect(dueTodayRun(paris, new Date('2026-11-23T08:30:00Z'), 'FR')?.businessDate).toBe('2026-11-23');
    expect(dueTodayRun(paris, new Date('2026-11-23T07:59:00Z'), 'FR')).toBeNull();
    expect(dueTodayRun(paris, new Date('2026-11-28T10:00:00Z'), 'FR')).toBeNull(); // Saturday
  });
});

describe('digest arguments', () => {
  it('reads schedules people type', () => {
    expect(parseDigestArgs(['schedule', '8h30', 'Europe/Paris', 'lun-ven'])).toEqual({ ok: true, value: { action: 'schedule', localTime: '08:30', timeZone: 'Europe/Paris', weekdays: [1, 2, 3, 4, 5] } });
    expect(parseDigestArgs(['schedule', '09:00', 'mon,wed,fri'])).toEqual({ ok: true, value: { action: 'schedule', localTime: '09:00', weekdays: [1, 3, 5] } });
    expect(parseDigestArgs(['now'])).toEqual({ ok: true, value: { action: 'now' } });
    expect(parseWeekdays('fri-mon')).toEqual({ ok: true, value: [1, 5, 6, 7] });
  });

  it('quotes what it cannot read', () => {
    expect(parseDigestArgs(['schedule', '25:00'])).toMatchObject({ ok: false, error: { code: 'digest.bad_time', input: '25:00' } });
    expect(parseDigestArgs(['schedule', '09:00', 'Mars/Olympus'])).toMatchObject({ ok: false, error: { code: 'digest.bad_zone', input: 'Mars/Olympus' } });
    expect(parseDigestArgs(['schedule', '09:00', 'someday'])).toMatchObject({ ok: false, error: { code: 'digest.bad_days', input: 'someday' } });
    expect(parseDigestArgs(['tomorrow'])).toMatchObject({ ok: false, error: { code: 'digest.unknown_action', input: 'tomorrow' } });
    expect(parseDigestArgs(['now', 'please'])).toMatchObject({ ok: false, error: { code: 'digest.extra', input: 'please' } });
    expect(parseDigestArgs(['now', 'confirm', '8/12'])).toMatchObject({ ok: false, error: { code: 'digest.bad_date', input: '8/12' } });
    expect(parseDigestArgs(['now', 'found'])).toMatchObject({ ok: false, error: { code: 'digest.missing_link' } });
    expect(parseDigestArgs(['now', 'found', '<https://evil.example/x>'])).toMatchObject({ ok: false, error: { code: 'digest.bad_link' } });
  });

  it('reads what a manager answers about a digest relance could not confirm: the day, or the message\'s link', () => {
    expect(parseDigestArgs(['now', 'confirm'])).toEqual({ ok: true, value: { action: 'confirm' } });
    expect(parseDigestArgs(['maintenant', 'confirmer', '2026-12-08'])).toEqual({ ok: true, value: { action: 'confirm', date: '2026-12-08' } });
    expect(parseDigestArgs(['now', 'found', '<https://acme.slack.com/archives/C0123ABCD/p1796371200000100>'])).toEqual({
      ok: true, value: { action: 'found', link: { channelId: 'C0123ABCD', ts: '1796371200.000100' } },
    });
    // A reply's link, as Slack escapes it in a command.
    expect(parseDigestArgs(['now', 'trouvé', '<https://acme.slack.com/archives/C0123ABCD/p1796371260000200?thread_ts=1796371200.000100&amp;cid=C0123ABCD>'])).toEqual({
      ok: true, value: { action: 'found', link: { channelId: 'C0123ABCD', ts: '1796371260.000200', threadTs: '1796371200.000100' } },
    });
  });
});
