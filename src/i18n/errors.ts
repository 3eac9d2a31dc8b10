// Input errors from the domain parsers, as sentences that quote what was wrong
// and show a correct example. One message per catalogued code, in both languages.
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from '../domain/errors.ts';
import type { InputError } from '../domain/result.ts';
import { formatDate, inert } from './format.ts';
import { isIsoDate } from '../domain/dates.ts';
import type { Locale } from './messages.ts';

/** A date param as people read it (`29 Nov 2026`), never ISO. */
const shownDate = (date: unknown, locale: Locale) => (typeof date === 'string' && isIsoDate(date) ? formatDate(date, locale) : String(date));

type Params = Record<string, string | number>;
type Say = (p: Params) => string;

/**
 * How to write each reading of an ambiguous "1,234 KWD" so that parseAmount
 * reads it that way (money.ts: splitTyped), never with more decimals than the
 * currency has: thousands grouped by a space ("1 234 KWD") or with both marks
 * and the decimals in full ("1,234.000 KWD"); decimals after an integer part
 * that cannot be a thousands group ("01.234 KWD").
 */
function readings(p: Params, group: string, mark: string): { grouped: string; full: string; decimal: string } {
  const thousands = String(p.thousands);
  const [before, after] = [thousands.slice(0, -3), thousands.slice(-3)];
  const currency = String(p.currency);
  return {
    grouped: `${before} ${after} ${currency}`,
    full: `${before}${group}${after}${mark}${'0'.repeat(Number(p.max))} ${currency}`,
    decimal: `0${String(p.decimal)} ${currency}`,
  };
}

const en: Record<DomainErrorCode, Say> = {
  'amount.empty': () => 'No amount was given.',
  'amount.not_a_number': () => 'is not an amount I can read.',
  'amount.negative': () => 'is negative: amounts must be more than zero.',
  'amount.zero': () => 'is zero: amounts must be more than zero.',
  'amount.too_many_decimals': (p) => `has more decimals than ${p.currency ?? 'the currency'} allows (${p.max ?? 2}).`,
  'amount.ambiguous_thousands': (p) => {
    const { grouped, full, decimal } = readings(p, ',', '.');
    return `could mean ${grouped} or ${p.decimal} ${p.currency} (${p.currency} has ${p.max} decimals). Write ${grouped} or ${full} for the first, ${decimal} for the second.`;
  },
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
  'date.past': (p) => `is in the past (${shownDate(p.date, 'en')}): a future date is needed.`,
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
  'digest.bad_date': () => 'is not a day written as the notice gives it (YYYY-MM-DD).',
  'digest.missing_link': () => 'Give the link of the message: in Slack, ⋯ on the message → Copy link.',
  'digest.bad_link': () => 'is not the link of a Slack message: in Slack, ⋯ on the message → Copy link.',
  'log.promise_needs_date': () => 'is the amount; say also by when they will pay.',
  'settings.missing_key': (p) => `Say which setting to change: ${p.keys}.`,
  'settings.unknown_key': (p) => `is not a setting. The settings are: ${p.keys}.`,
  'settings.missing_value': (p) => `Give a value for ${p.key}, or \`default\` to go back to the default.`,
  'settings.not_a_channel': () => 'is not a channel: type # and pick the channel from the list so Slack turns it into a link, or type `here` in that channel.',
  'settings.here_not_channel': () => 'names this conversation, which is not a channel: type # and pick a channel, or type `here` in the channel itself.',
  'settings.not_whole_days': () => 'is not a whole number of business days.',
  'settings.days_out_of_range': (p) => `is outside ${p.min}–${p.max} business days.`,
  'settings.too_many_days': (p) => `has more than ${p.max} numbers.`,
  'settings.not_a_time_range': () => 'is not a time range: give the start and the end joined by a dash.',
  'settings.range_order': (p) => `does not end after it starts (${p.start} to ${p.end}): the end must come later the same day.`,
  'pause.missing_case': () => 'Say which case, until when and why: a date or duration, then dispute, plan or other.',
  'pause.missing_when': () => 'gives no end to the pause: after the case, say until when (15/12/2026, friday, end of month) or for how long (10d, 2w, 1 month), then the reason.',
  'pause.missing_reason': () => 'gives no reason for the pause: after the date, add dispute, plan or other.',
  'pause.missing_dispute': () => 'A dispute needs its reason: price, quality, not delivered, already paid or other.',
  'pause.unknown_dispute': () => 'is not a dispute reason: use price, quality, not delivered, already paid or other.',
  'pause.not_after_today': () => 'ends the pause today or earlier: a pause ends on a later day.',
  'pause.too_far': (p) => `ends the pause more than ${p.years === 1 ? 'a year' : `${p.years} years`} from today, the longest pause: pause for less, and pause again later if needed.`,
};

const fr: Record<DomainErrorCode, Say> = {
  'amount.empty': () => 'Aucun montant indiqué.',
  'amount.not_a_number': () => 'n\'est pas un montant que je sais lire.',
  'amount.negative': () => 'est négatif : le montant doit être supérieur à zéro.',
  'amount.zero': () => 'vaut zéro : le montant doit être supérieur à zéro.',
  'amount.too_many_decimals': (p) => `a plus de décimales que ${p.currency ?? 'la devise'} n'en permet (${p.max ?? 2}).`,
  'amount.ambiguous_thousands': (p) => {
    const { grouped, full, decimal } = readings(p, '.', ',');
    return `peut valoir ${grouped} ou ${p.decimal} ${p.currency} (${p.currency} a ${p.max} décimales). Écrivez ${grouped} ou ${full} pour le premier, ${decimal} pour le second.`;
  },
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
  'date.past': (p) => `est dans le passé (${shownDate(p.date, 'fr')}) : il faut une date à venir.`,
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
  'digest.bad_date': () => 'n\'est pas un jour écrit comme dans l\'avis (AAAA-MM-JJ).',
  'digest.missing_link': () => 'Donnez le lien du message : dans Slack, ⋯ sur le message → Copier le lien.',
  'digest.bad_link': () => 'n\'est pas le lien d\'un message Slack : dans Slack, ⋯ sur le message → Copier le lien.',
  'log.promise_needs_date': () => 'est le montant ; indiquez aussi la date à laquelle le client paiera.',
  'settings.missing_key': (p) => `Indiquez le réglage à changer : ${p.keys}.`,
  'settings.unknown_key': (p) => `n'est pas un réglage. Les réglages sont : ${p.keys}.`,
  'settings.missing_value': (p) => `Donnez une valeur pour ${p.key}, ou \`défaut\` pour revenir à la valeur par défaut.`,
  'settings.not_a_channel': () => 'n\'est pas un canal : tapez # et choisissez le canal dans la liste pour que Slack en fasse un lien, ou tapez `ici` dans ce canal.',
  'settings.here_not_channel': () => 'désigne cette conversation, qui n\'est pas un canal : tapez # et choisissez un canal, ou tapez `ici` dans le canal lui-même.',
  'settings.not_whole_days': () => 'n\'est pas un nombre entier de jours ouvrés.',
  'settings.days_out_of_range': (p) => `est hors de ${p.min} à ${p.max} jours ouvrés.`,
  'settings.too_many_days': (p) => `a plus de ${p.max} nombres.`,
  'settings.not_a_time_range': () => 'n\'est pas une plage horaire : donnez le début et la fin reliés par un tiret.',
  'settings.range_order': (p) => `ne finit pas après son début (${p.start} à ${p.end}) : la fin doit venir plus tard le même jour.`,
  'pause.missing_case': () => 'Indiquez le dossier, jusqu\'à quand et pourquoi : une date ou une durée, puis litige, échéancier ou autre.',
  'pause.missing_when': () => 'ne dit pas quand finit la pause : après le dossier, indiquez jusqu\'à quand (15/12/2026, vendredi, fin du mois) ou pour combien de temps (10j, 2 semaines, 1 mois), puis le motif.',
  'pause.missing_reason': () => 'ne donne pas le motif de la pause : après la date, ajoutez litige, échéancier ou autre.',
  'pause.missing_dispute': () => 'Un litige demande son motif : prix, qualité, non livré, déjà payé ou autre.',
  'pause.unknown_dispute': () => 'n\'est pas un motif de litige : utilisez prix, qualité, non livré, déjà payé ou autre.',
  'pause.not_after_today': () => 'finit la pause aujourd\'hui ou avant : une pause finit un jour suivant.',
  'pause.too_far': (p) => `finit la pause à plus d${p.years === 1 ? '\'un an' : `e ${p.years} ans`} d'aujourd'hui, la pause la plus longue : faites une pause plus courte, et recommencez plus tard si besoin.`,
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
