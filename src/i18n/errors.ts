// Input errors from the domain parsers, as sentences that quote what was wrong
// and show a correct example. One message per catalogued code, in both languages.
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from '../domain/errors.ts';
import type { InputError } from '../domain/result.ts';
import { inert } from './format.ts';
import type { Locale } from './messages.ts';

type Params = Record<string, string | number>;
type Say = (p: Params) => string;

const en: Record<DomainErrorCode, Say> = {
  'amount.empty': () => 'No amount was given.',
  'amount.not_a_number': () => 'is not an amount I can read.',
  'amount.negative': () => 'is negative: amounts must be more than zero.',
  'amount.zero': () => 'is zero: amounts must be more than zero.',
  'amount.too_many_decimals': (p) => `has more decimals than ${p.currency ?? 'the currency'} allows (${p.max ?? 2}).`,
  'amount.ambiguous_thousands': (p) => `could be ${p.thousands} or ${p.decimal} ${p.currency}, which has ${p.max} decimals: write ${p.thousands} ${p.currency} or ${p.decimal}0 ${p.currency} to say which.`,
  'amount.unknown_currency': (p) => `names a currency I don't know${p.currency ? ` (${p.currency})` : ''}.`,
  'amount.two_currencies': (p) => `mixes two currencies (${p.first}, ${p.second}).`,
  'amount.too_large': () => 'is larger than relance accepts.',
  'decimal.empty': () => 'is empty where a number is required.',
  'decimal.not_a_number': () => 'is not a number.',
  'decimal.too_many_decimals': (p) => `has more than ${p.max ?? 2} decimals.`,
  'decimal.too_large': () => 'is larger than relance accepts.',
  'date.empty': () => 'No date was given.',
  'date.unparseable': () => 'is not a date I understand.',
  'date.no_such_day': () => 'is a day that does not exist.',
  'date.out_of_range': (p) => `is outside the years ${p.min}–${p.max}.`,
  'date.two_digit_year': (p) => `has a two-digit year, ${p.year}, that could be ${p.earlier} or ${p.later}: write the year in full.`,
  'date.past': (p) => `is in the past (${p.date}): a future date is needed.`,
  'date.weekday_mismatch': () => 'names a weekday that does not fall on that date.',
  'date.time_not_allowed': () => 'has a time of day; give only a date.',
  'duration.empty': () => 'No duration was given.',
  'duration.unparseable': () => 'is not a duration I understand.',
  'duration.zero': () => 'is zero.',
  'duration.too_long': (p) => `is longer than relance accepts (${p.maxYears} years).`,
  'time.empty': () => 'No time of day was given.',
  'time.unparseable': () => 'is not a time of day I understand.',
  'time.out_of_range': () => 'is not a valid time of day.',
  'country.unsupported': (p) => `has no public-holiday calendar here (supported: ${p.supported}).`,
  'args.unresolved_mention': () => 'is not a Slack user: pick the person from the @ list so Slack turns it into a mention.',
  'overdue.unknown_arg': () => 'is not something `overdue` understands (mine, all, @user, >30, >60, >90).',
  'overdue.bad_threshold': (p) => `is not an age filter: use ${p.allowed ?? '>30, >60 or >90'}.`,
  'overdue.two_scopes': () => 'gives a second scope: use one of mine, all or @user.',
  'overdue.two_thresholds': () => 'gives a second age filter: use one of >30, >60, >90.',
  'digest.unknown_action': () => 'is not a digest action: use now, preview, schedule or off.',
  'digest.missing_time': () => 'Say when: schedule needs a time of day.',
  'digest.bad_time': () => 'is not a time of day (e.g. 09:00, 8h30).',
  'digest.bad_zone': () => 'is not a time zone I know (use an IANA name such as Europe/Paris).',
  'digest.bad_days': () => 'is not a set of weekdays (e.g. mon-fri, lun-ven, mon,wed,fri, daily).',
  'digest.extra': () => 'is more than this command takes.',
};

const fr: Record<DomainErrorCode, Say> = {
  'amount.empty': () => 'Aucun montant indiqué.',
  'amount.not_a_number': () => 'n\'est pas un montant que je sais lire.',
  'amount.negative': () => 'est négatif : le montant doit être supérieur à zéro.',
  'amount.zero': () => 'vaut zéro : le montant doit être supérieur à zéro.',
  'amount.too_many_decimals': (p) => `a plus de décimales que ${p.currency ?? 'la devise'} n'en permet (${p.max ?? 2}).`,
  'amount.ambiguous_thousands': (p) => `peut être ${p.thousands} ou ${p.decimal} ${p.currency}, qui a ${p.max} décimales : écrivez ${p.thousands} ${p.currency} ou ${p.decimal}0 ${p.currency} pour préciser.`,
  'amount.unknown_currency': (p) => `indique une devise que je ne connais pas${p.currency ? ` (${p.currency})` : ''}.`,
  'amount.two_currencies': (p) => `mélange deux devises (${p.first}, ${p.second}).`,
  'amount.too_large': () => 'dépasse ce que relance accepte.',
  'decimal.empty': () => 'est vide alors qu\'un nombre est attendu.',
  'decimal.not_a_number': () => 'n\'est pas un nombre.',
  'decimal.too_many_decimals': (p) => `a plus de ${p.max ?? 2} décimales.`,
  'decimal.too_large': () => 'dépasse ce que relance accepte.',
  'date.empty': () => 'Aucune date indiquée.',
  'date.unparseable': () => 'n\'est pas une date que je comprends.',
  'date.no_such_day': () => 'est un jour qui n\'existe pas.',
  'date.out_of_range': (p) => `est hors des années ${p.min}–${p.max}.`,
  'date.two_digit_year': (p) => `a une année à deux chiffres, ${p.year}, qui peut être ${p.earlier} ou ${p.later} : écrivez l'année en entier.`,
  'date.past': (p) => `est dans le passé (${p.date}) : il faut une date à venir.`,
  'date.weekday_mismatch': () => 'indique un jour de la semaine qui ne tombe pas à cette date.',
  'date.time_not_allowed': () => 'contient une heure ; donnez seulement une date.',
  'duration.empty': () => 'Aucune durée indiquée.',
  'duration.unparseable': () => 'n\'est pas une durée que je comprends.',
  'duration.zero': () => 'vaut zéro.',
  'duration.too_long': (p) => `dépasse la durée que relance accepte (${p.maxYears} ans).`,
  'time.empty': () => 'Aucune heure indiquée.',
  'time.unparseable': () => 'n\'est pas une heure que je comprends.',
  'time.out_of_range': () => 'n\'est pas une heure valide.',
  'country.unsupported': (p) => `n'a pas de calendrier de jours fériés ici (disponibles : ${p.supported}).`,
  'args.unresolved_mention': () => 'n\'est pas un utilisateur Slack : choisissez la personne dans la liste @ pour que Slack en fasse une mention.',
  'overdue.unknown_arg': () => 'n\'est pas compris par `overdue` (mine, all, @utilisateur, >30, >60, >90).',
  'overdue.bad_threshold': (p) => `n'est pas un filtre d'ancienneté : utilisez ${p.allowed ?? '>30, >60 ou >90'}.`,
  'overdue.two_scopes': () => 'indique une deuxième portée : utilisez une seule de mine, all ou @utilisateur.',
  'overdue.two_thresholds': () => 'indique un deuxième filtre d\'ancienneté : utilisez un seul de >30, >60, >90.',
  'digest.unknown_action': () => 'n\'est pas une action du relevé : utilisez now, preview, schedule ou off.',
  'digest.missing_time': () => 'Indiquez quand : schedule demande une heure.',
  'digest.bad_time': () => 'n\'est pas une heure (par ex. 09:00, 8h30).',
  'digest.bad_zone': () => 'n\'est pas un fuseau horaire connu (utilisez un nom IANA comme Europe/Paris).',
  'digest.bad_days': () => 'n\'est pas une liste de jours (par ex. mon-fri, lun-ven, mon,wed,fri, daily).',
  'digest.extra': () => 'est de trop pour cette commande.',
};

const catalogues: Record<Locale, Record<DomainErrorCode, Say>> = { en, fr };

/**
 * `"<input>" <reason> Example: <example>` — the input quoted exactly as typed.
 * `example` is the caller's full command example when it has one.
 */
export function formatInputError(locale: Locale, error: InputError, example?: string): string {
  const code = error.code as DomainErrorCode;
  const say = catalogues[locale][code];
  const params = error.params ?? {};
  const reason = say ? say(params) : (locale === 'fr' ? 'n\'est pas valide ici.' : 'is not valid here.');
  const sample = example ?? DOMAIN_ERROR_CODES[code]?.example;
  const startsWithSentence = /^[A-Z]/.test(reason) && !error.input;
  // Typed input is data: quoted inert (escaped, shortened), never as Slack markup.
  const input = inert(error.input);
  const quoted = startsWithSentence ? reason : `${locale === 'fr' ? `« ${input} »` : `"${input}"`} ${reason}`;
  if (!sample) return quoted;
  return locale === 'fr' ? `${quoted} Exemple : \`${sample}\`` : `${quoted} Example: \`${sample}\``;
}
