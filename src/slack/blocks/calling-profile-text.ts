// The calling profile in words, for the settings listing and the refusals that cite it.
import type { CallingProfile } from '../../domain/calling-profile.ts';
import type { Translator } from '../../i18n/messages.ts';

export function describeCallingProfile(t: Translator, profile: CallingProfile | null): string {
  if (!profile) return t('profile.off');
  const parts: string[] = [];
  if (profile.maxPerWeek !== null) parts.push(t('profile.cap', { max: profile.maxPerWeek }));
  if (profile.quietDays > 0) parts.push(t('profile.quiet', { days: profile.quietDays }));
  return parts.join(', ');
}
