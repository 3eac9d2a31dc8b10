// Working hours in words: "weekdays 09:00–17:30", "Tuesday–Saturday 08:00–16:00", "Monday, Wednesday 09:00–12:00".
import type { WorkingHours } from '../../domain/working-hours.ts';
import type { Translator } from '../../i18n/messages.ts';

const dayName = (t: Translator, day: number) => t(`day.${day}` as 'day.1');

/** Runs of three days or more read as a range. */
export function describeWorkDays(t: Translator, days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.join() === '1,2,3,4,5') return t('days.weekdays');
  if (sorted.length === 7) return t('days.daily');
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs.flatMap((run) => (run.length >= 3 ? [`${dayName(t, run[0]!)}–${dayName(t, run.at(-1)!)}`] : run.map((d) => dayName(t, d)))).join(', ');
}

export function describeHours(t: Translator, hours: WorkingHours): string {
  return `${describeWorkDays(t, hours.days)} ${hours.start}–${hours.end}`;
}
