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
  'notice.received_needs_date': () => 'Say on which day the acknowledgement of receipt was signed.',
  'notice.received_in_future': (p) => `is after today (${shownDate(p.date, 'en')}): give the day the receipt was signed.`,
  'notice.extra_after_date': () => 'follows the date: give only the day the receipt was signed.',
  'notice.recovered_needs_amount': () => 'Say how much was recovered.',
  'settings.missing_key': (p) => `Say which setting to change: ${p.keys}.`,
  'settings.unknown_key': (p) => `is not a setting. The settings are: ${p.keys}.`,
  'settings.missing_value': (p) => `Give a value for ${p.key}, or \`default\` to go back to the default.`,
  'settings.not_a_channel': () => 'is not a channel: type # and pick the channel from the list so Slack turns it into a link, or type `here` in that channel.',
  'settings.here_not_channel': () => 'names this conversation, which is not a channel: type # and pick a channel, or type `here` in the channel itself.',
  'settings.not_whole_days': () => 'is not a whole number of business days.',
  'settings.days_out_of_range': (p) => `is outside ${p.min}–${p.max} business days.`,
  'settings.too_many_days': (p) => `has more than ${p.max} numbers.`,
  'settings.not_whole_hours': () => 'is not a whole number of business hours.',
  'settings.hours_out_of_range': (p) => `is outside ${p.min}–${p.max} business hours.`,
  'settings.not_a_time_range': () => 'is not a time range: give the start and the end joined by a dash.',
  'settings.range_order': (p) => `does not end after it starts (${p.start} to ${p.end}): the end must come later the same day.`,
  'settings.ladder_unknown_stage': (p) => `is not a step of the ladder. The steps are: ${p.stages}.`,
  'settings.ladder_missing_day': (p) => `names the step ${p.stage} without its day: give the day (+12, or -7 for pre_due) or \`off\`.`,
  'settings.ladder_bad_day': (p) => `does not give ${p.stage} a day: write a whole number of days, e.g. +12 (or -7 for pre_due), or \`off\`.`,
  'settings.ladder_day_range': (p) => `puts ${p.stage} outside ${p.min} to ${p.max} days from the oldest due date${p.stage === 'pre_due' ? ' (pre_due comes before the due date)' : ' (this step comes after the due date)'}.`,
  'settings.ladder_order': (p) => `puts ${p.stage} on day ${p.day}, not after ${p.other} (day ${p.otherDay}): the days must increase in ladder order. Move both in one change if needed.`,
  'settings.ladder_approval_fixed': (p) => `changes who approves ${p.stage}: its approval is fixed (${p.approval === 'manager' ? 'a manager always approves it' : 'it needs no approval'}).`,
  'settings.ladder_repeated': (p) => `names ${p.stage} twice: give each step once.`,
  'settings.not_calendar_days': () => 'is not a whole number of days.',
  'settings.calendar_days_out_of_range': (p) => `is outside ${p.min}–${p.max} days.`,
  'settings.text_too_long': (p) => `is ${p.length} characters long; the most is ${p.max}.`,
  'settings.not_an_iban': () => 'is not an IBAN: two letters for the country, two check digits, then the account (spaces allowed).',
  'settings.iban_length': (p) => `has ${p.length} characters, and an IBAN from ${p.country} has ${p.expected}.`,
  'settings.iban_checksum': () => 'does not add up: its check digits do not match, so a character is wrong or two are swapped. Copy it again from a bank statement.',
  'settings.not_a_bic': () => 'is not a BIC: 8 or 11 letters and digits (bank, country, location, optional branch).',
  'settings.not_a_company_id': () => 'is not a SIREN (9 digits), a SIRET (14 digits) or an EU VAT number (FR40303265045).',
  'settings.not_a_mailbox': () => 'is not one e-mail address: give a single address, with a name before it in <> if wanted.',
  'settings.payment_link_field': (p) => `is not a field the payment link can fill: use ${p.fields}.`,
  'settings.not_a_payment_link': () => 'is not a web address starting with https:// (or http://).',
  'settings.send_policy_word': (p) => `is neither a stage (${p.stages}, or all) nor approve/auto after one.`,
  'settings.send_policy_missing_choice': () => 'names stages without saying approve or auto after them.',
  'settings.not_a_mail_rate': () => 'is not a whole number of mails a minute.',
  'settings.mail_rate_out_of_range': (p) => `is outside ${p.min}–${p.max} mails a minute.`,
  'settings.not_a_max_age': () => 'is not an age relance reads: a number of hours or days written with h or d (36h, 2d), or off.',
  'settings.max_age_out_of_range': (p) => `is outside ${p.min} hour to ${p.max} days.`,
  'settings.company_id_checksum': (p) => `is not a valid ${p.kind} number: its check ${p.kind === 'VAT' ? 'key' : 'digit'} does not match, so a digit is wrong.`,
  'hours.missing_days': () => 'gives no working days: say which days first, then the hours.',
  'hours.bad_days': () => 'is not a set of weekdays (e.g. mon-fri, lun-ven, mon,tue,thu, tue-sat).',
  'hours.missing_time': () => 'gives the days but not the hours: add them as start-end.',
  'profile.unparseable': () => 'is not a calling profile: give the calls allowed per 7 days and/or the days to wait after a conversation, or off.',
  'profile.cap_out_of_range': (p) => `is outside ${p.min}–${p.max} calls per 7 days.`,
  'profile.days_out_of_range': (p) => `is outside ${p.min}–${p.max} days after a conversation.`,
  'stats.unknown_period': () => 'is not a period I understand: try this month, last month, this quarter, ytd, 30d, 2026-10, oct 2026 or 2026-10-01..2026-10-31.',
  'stats.future_period': (p) => `starts after today (${shownDate(p.start, 'en')}): the figures cover days that have begun.`,
  'stats.range_order': (p) => `starts (${shownDate(p.start, 'en')}) after it ends (${shownDate(p.end, 'en')}): give the earlier day first.`,
  'stats.bad_days': (p) => `is not a number of days from 1 to ${p.max}.`,
  'pause.missing_case': () => 'Say which case, until when and why: a date or duration, then dispute, plan or other.',
  'pause.missing_when': () => 'gives no end to the pause: after the case, say until when (15/12/2026, friday, end of month) or for how long (10d, 2w, 1 month), then the reason.',
  'pause.missing_reason': () => 'gives no reason for the pause: after the date, add dispute, plan or other.',
  'pause.missing_dispute': () => 'A dispute needs its reason: price, quality, not delivered, already paid or other.',
  'pause.unknown_dispute': () => 'is not a dispute reason: use price, quality, not delivered, already paid or other.',
  'pause.not_after_today': () => 'ends the pause today or earlier: a pause ends on a later day.',
  'pause.too_far': (p) => `ends the pause more than ${p.years === 1 ? 'a year' : `${p.years} years`} from today, the longest pause: pause for less, and pause again later if needed.`,
  'plan.bad_count': (p) => `is not a number of instalments: give a whole number from ${p.min} to ${p.max} right after the case.`,
  'plan.count_out_of_range': (p) => `is not a number of instalments a plan takes: from ${p.min} to ${p.max}.`,
  'plan.bad_period': () => 'is not a period a plan takes: every week, every 2 weeks or every month (weekly, fortnightly, monthly).',
  'plan.missing_date': () => 'needs the first due date after it, e.g. 15/12 or friday.',
  'plan.unknown_words': () => 'is not part of a plan: after the number of instalments give the period (every month), the first due date (from 15/12) or the currency (EUR).',
  'plan.repeated': () => 'says a second time what the plan already has (a period, a first due date or a currency): give each once.',
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
  'notice.received_needs_date': () => 'Indiquez le jour où l\'accusé de réception a été signé.',
  'notice.received_in_future': (p) => `est après aujourd'hui (${shownDate(p.date, 'fr')}) : indiquez le jour où l'accusé de réception a été signé.`,
  'notice.extra_after_date': () => 'suit la date : indiquez seulement le jour où l\'accusé de réception a été signé.',
  'notice.recovered_needs_amount': () => 'Indiquez le montant récupéré.',
  'settings.missing_key': (p) => `Indiquez le réglage à changer : ${p.keys}.`,
  'settings.unknown_key': (p) => `n'est pas un réglage. Les réglages sont : ${p.keys}.`,
  'settings.missing_value': (p) => `Donnez une valeur pour ${p.key}, ou \`défaut\` pour revenir à la valeur par défaut.`,
  'settings.not_a_channel': () => 'n\'est pas un canal : tapez # et choisissez le canal dans la liste pour que Slack en fasse un lien, ou tapez `ici` dans ce canal.',
  'settings.here_not_channel': () => 'désigne cette conversation, qui n\'est pas un canal : tapez # et choisissez un canal, ou tapez `ici` dans le canal lui-même.',
  'settings.not_whole_days': () => 'n\'est pas un nombre entier de jours ouvrés.',
  'settings.days_out_of_range': (p) => `est hors de ${p.min} à ${p.max} jours ouvrés.`,
  'settings.too_many_days': (p) => `a plus de ${p.max} nombres.`,
  'settings.not_whole_hours': () => 'n\'est pas un nombre entier d\'heures ouvrées.',
  'settings.hours_out_of_range': (p) => `est hors de ${p.min} à ${p.max} heures ouvrées.`,
  'settings.not_a_time_range': () => 'n\'est pas une plage horaire : donnez le début et la fin reliés par un tiret.',
  'settings.range_order': (p) => `ne finit pas après son début (${p.start} à ${p.end}) : la fin doit venir plus tard le même jour.`,
  'settings.ladder_unknown_stage': (p) => `n'est pas une étape de l'échelle de relance. Les étapes sont : ${p.stages}.`,
  'settings.ladder_missing_day': (p) => `nomme l'étape ${p.stage} sans son jour : donnez le jour (+12, ou -7 pour pre_due) ou \`off\`.`,
  'settings.ladder_bad_day': (p) => `ne donne pas de jour à ${p.stage} : écrivez un nombre entier de jours, par ex. +12 (ou -7 pour pre_due), ou \`off\`.`,
  'settings.ladder_day_range': (p) => `place ${p.stage} hors de ${p.min} à ${p.max} jours de la plus ancienne échéance${p.stage === 'pre_due' ? ' (pre_due vient avant l\'échéance)' : ' (cette étape vient après l\'échéance)'}.`,
  'settings.ladder_order': (p) => `place ${p.stage} au jour ${p.day}, pas après ${p.other} (jour ${p.otherDay}) : les jours doivent croître dans l'ordre de l'échelle. Déplacez les deux dans la même modification si besoin.`,
  'settings.ladder_approval_fixed': (p) => `change qui approuve ${p.stage} : son approbation est fixe (${p.approval === 'manager' ? 'un manager l\'approuve toujours' : 'elle n\'en demande aucune'}).`,
  'settings.ladder_repeated': (p) => `nomme ${p.stage} deux fois : donnez chaque étape une seule fois.`,
  'settings.not_calendar_days': () => 'n\'est pas un nombre entier de jours.',
  'settings.calendar_days_out_of_range': (p) => `est hors de ${p.min} à ${p.max} jours.`,
  'settings.text_too_long': (p) => `fait ${p.length} caractères ; le maximum est ${p.max}.`,
  'settings.not_an_iban': () => 'n\'est pas un IBAN : deux lettres pour le pays, deux chiffres de contrôle, puis le compte (espaces permis).',
  'settings.iban_length': (p) => `a ${p.length} caractères, et un IBAN de ${p.country} en a ${p.expected}.`,
  'settings.iban_checksum': () => 'ne tombe pas juste : sa clé de contrôle ne correspond pas, un caractère est donc faux ou deux sont inversés. Recopiez-le depuis un relevé bancaire.',
  'settings.not_a_bic': () => 'n\'est pas un BIC : 8 ou 11 lettres et chiffres (banque, pays, localité, agence facultative).',
  'settings.not_a_company_id': () => 'n\'est ni un SIREN (9 chiffres), ni un SIRET (14 chiffres), ni un numéro de TVA intracommunautaire (FR40303265045).',
  'settings.not_a_mailbox': () => 'n\'est pas une adresse e-mail : donnez une seule adresse, précédée d\'un nom et entre <> si vous le souhaitez.',
  'settings.payment_link_field': (p) => `n'est pas un champ que le lien de paiement sait remplir : utilisez ${p.fields}.`,
  'settings.not_a_payment_link': () => 'n\'est pas une adresse web commençant par https:// (ou http://).',
  'settings.send_policy_word': (p) => `n'est ni une étape (${p.stages}, ou all) ni approve/auto après une étape.`,
  'settings.send_policy_missing_choice': () => 'nomme des étapes sans dire approve ou auto après elles.',
  'settings.not_a_mail_rate': () => 'n\'est pas un nombre entier de mails par minute.',
  'settings.mail_rate_out_of_range': (p) => `est hors de ${p.min} à ${p.max} mails par minute.`,
  'settings.not_a_max_age': () => 'n\'est pas une durée que relance lit : un nombre d\'heures ou de jours suivi de h ou d (36h, 2d), ou off.',
  'settings.max_age_out_of_range': (p) => `est hors de ${p.min} heure à ${p.max} jours.`,
  'settings.company_id_checksum': (p) => `n'est pas un numéro ${p.kind} valide : sa clé de contrôle ne correspond pas, un chiffre est donc faux.`,
  'hours.missing_days': () => 'ne donne pas de jours de travail : indiquez d\'abord les jours, puis les horaires.',
  'hours.bad_days': () => 'n\'est pas un ensemble de jours de la semaine (par ex. lun-ven, mon-fri, lun,mar,jeu, mar-sam).',
  'hours.missing_time': () => 'donne les jours mais pas les horaires : ajoutez-les sous la forme début-fin.',
  'profile.unparseable': () => 'n\'est pas un profil d\'appel : donnez les appels permis par 7 jours et/ou les jours à attendre après une conversation, ou off.',
  'profile.cap_out_of_range': (p) => `est hors de ${p.min} à ${p.max} appels par 7 jours.`,
  'profile.days_out_of_range': (p) => `est hors de ${p.min} à ${p.max} jours après une conversation.`,
  'stats.unknown_period': () => 'n\'est pas une période que je comprends : essayez ce mois, mois dernier, ce trimestre, cette année, 30j, 2026-10, octobre 2026 ou 2026-10-01..2026-10-31.',
  'stats.future_period': (p) => `commence après aujourd'hui (${shownDate(p.start, 'fr')}) : les chiffres portent sur des jours déjà commencés.`,
  'stats.range_order': (p) => `commence (${shownDate(p.start, 'fr')}) après sa fin (${shownDate(p.end, 'fr')}) : donnez d'abord le jour le plus ancien.`,
  'stats.bad_days': (p) => `n'est pas un nombre de jours de 1 à ${p.max}.`,
  'pause.missing_case': () => 'Indiquez le dossier, jusqu\'à quand et pourquoi : une date ou une durée, puis litige, échéancier ou autre.',
  'pause.missing_when': () => 'ne dit pas quand finit la pause : après le dossier, indiquez jusqu\'à quand (15/12/2026, vendredi, fin du mois) ou pour combien de temps (10j, 2 semaines, 1 mois), puis le motif.',
  'pause.missing_reason': () => 'ne donne pas le motif de la pause : après la date, ajoutez litige, échéancier ou autre.',
  'pause.missing_dispute': () => 'Un litige demande son motif : prix, qualité, non livré, déjà payé ou autre.',
  'pause.unknown_dispute': () => 'n\'est pas un motif de litige : utilisez prix, qualité, non livré, déjà payé ou autre.',
  'pause.not_after_today': () => 'finit la pause aujourd\'hui ou avant : une pause finit un jour suivant.',
  'pause.too_far': (p) => `finit la pause à plus d${p.years === 1 ? '\'un an' : `e ${p.years} ans`} d'aujourd'hui, la pause la plus longue : faites une pause plus courte, et recommencez plus tard si besoin.`,
  'plan.bad_count': (p) => `n'est pas un nombre d'échéances : donnez un nombre entier de ${p.min} à ${p.max} juste après le dossier.`,
  'plan.count_out_of_range': (p) => `n'est pas un nombre d'échéances possible : de ${p.min} à ${p.max}.`,
  'plan.bad_period': () => 'n\'est pas une périodicité possible : toutes les semaines, toutes les 2 semaines ou tous les mois (hebdomadaire, mensuel).',
  'plan.missing_date': () => 'demande ensuite la date de la première échéance, par ex. 15/12 ou vendredi.',
  'plan.unknown_words': () => 'ne fait pas partie d\'un échéancier : après le nombre d\'échéances, indiquez la périodicité (tous les mois), la première échéance (à partir du 15/12) ou la devise (EUR).',
  'plan.repeated': () => 'redit ce que l\'échéancier a déjà (une périodicité, une première échéance ou une devise) : donnez chacune une seule fois.',
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
