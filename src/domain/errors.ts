// Every input error the domain parsers can return. The message catalogue
// (src/i18n) is written from this list: one message per code, which quotes
// `input` and shows `example` as the correct form.
import { inputError, type Err, type InputError } from './result.ts';

interface ErrorDoc {
  meaning: string;
  example: string;
}

export const DOMAIN_ERROR_CODES = {
  // money.ts — parseAmount
  'amount.empty': { meaning: 'No amount was given.', example: '1 200,50 €' },
  'amount.not_a_number': { meaning: 'The amount is not a number (letters, misplaced separators or several numbers).', example: '1 200,50 €' },
  'amount.negative': { meaning: 'The amount is negative; amounts must be more than zero.', example: '50 €' },
  'amount.zero': { meaning: 'The amount is zero; amounts must be more than zero.', example: '50 €' },
  'amount.too_many_decimals': { meaning: 'More decimals than the currency has (params: currency, max). "1.200" in English or "1,200" in French also lands here.', example: '10,99 €' },
  'amount.ambiguous_thousands': { meaning: 'A lone separator and three digits ("1,234") in a currency with three decimals or more, where it could be thousands or decimals (params: currency, max, thousands, decimal: the two readings).', example: '1 234,500 KWD' },
  'amount.unknown_currency': { meaning: 'The currency code or symbol is not a known ISO 4217 currency (params: currency).', example: '12 EUR' },
  'amount.two_currencies': { meaning: 'Two different currencies in one amount (params: first, second).', example: '1200 EUR' },
  'amount.too_large': { meaning: 'The amount is larger than relance accepts (params: max, in major units).', example: '1 200 000 €' },

  // money.ts — parseDecimal (CSV cells)
  'decimal.empty': { meaning: 'The cell is empty where a number is required.', example: '1234.56' },
  'decimal.not_a_number': { meaning: 'The cell is not a plain number with the declared decimal separator (params: decimal).', example: '1234.56' },
  'decimal.too_many_decimals': { meaning: 'More non-zero decimals than the currency has (params: max).', example: '1234.56' },
  'decimal.too_large': { meaning: 'The number is larger than relance accepts (params: max).', example: '1234.56' },

  // dates.ts — parseDate
  'date.empty': { meaning: 'No date was given.', example: '2026-12-01' },
  'date.unparseable': { meaning: 'The text is not a date relance understands.', example: '01/12/2026, 1 déc, friday, in 10 days, fin du mois' },
  'date.no_such_day': { meaning: 'The day does not exist in that month (params: day, month, year).', example: '28/02/2027' },
  'date.out_of_range': { meaning: 'The year is outside the supported range (params: min, max).', example: '2026-12-01' },
  'date.two_digit_year': { meaning: 'A two-digit year more than 20 years from today, so its century is not guessed (params: year as typed, earlier, later: the two readings).', example: '01/12/2026' },
  'date.past': { meaning: 'The date is in the past where a future date is needed (params: date, the resolved ISO date).', example: 'tomorrow' },
  'date.weekday_mismatch': { meaning: 'The weekday given does not fall on that date (params: date, weekday as ISO 1=Mon..7=Sun).', example: 'mardi 1 décembre 2026' },
  'date.time_not_allowed': { meaning: 'A time of day was given where only a date is expected.', example: 'friday' },

  // dates.ts — parseDuration
  'duration.empty': { meaning: 'No duration was given.', example: '10 days' },
  'duration.unparseable': { meaning: 'The text is not a duration relance understands.', example: '10d, 2w, 3 weeks, 1 month, 10 jours, 2 semaines, 1 mois' },
  'duration.zero': { meaning: 'The duration is zero.', example: '10 days' },
  'duration.too_long': { meaning: 'The duration is longer than relance accepts (params: max, e.g. "10 years").', example: '6 months' },

  // dates.ts — parseLocalTime
  'time.empty': { meaning: 'No time of day was given.', example: '09:00' },
  'time.unparseable': { meaning: 'The text is not a time of day relance understands.', example: '09:00, 9h, 9h30, 17:45' },
  'time.out_of_range': { meaning: 'Hours or minutes are out of range (hours 0–23, minutes 0–59; 1–12 with am/pm).', example: '17:45' },

  // holidays.ts — parseCountry
  'country.unsupported': { meaning: 'No public-holiday calendar for that country (params: supported, a comma-separated list incl. "none").', example: 'FR' },

  // args.ts
  'args.unresolved_mention': { meaning: 'An @name that Slack did not turn into a user mention (the user does not exist or was not picked from the list).', example: '@jane picked from the autocomplete list' },
  'overdue.unknown_arg': { meaning: 'A word /collect overdue does not understand.', example: '/collect overdue mine >30' },
  'overdue.bad_threshold': { meaning: 'An age filter other than 30, 60 or 90 days (params: allowed).', example: '>60' },
  'overdue.two_scopes': { meaning: 'More than one of mine / @user / all.', example: '/collect overdue mine' },
  'overdue.two_thresholds': { meaning: 'More than one age filter.', example: '/collect overdue >90' },

  // digest-args.ts
  'digest.unknown_action': { meaning: 'Not one of now, preview, schedule, off.', example: '/collect digest schedule 09:00' },
  'digest.missing_time': { meaning: 'schedule needs a time of day.', example: '/collect digest schedule 09:00 Europe/Paris mon-fri' },
  'digest.bad_time': { meaning: 'Not a time of day.', example: '/collect digest schedule 08:30' },
  'digest.bad_zone': { meaning: 'Not an IANA time zone.', example: '/collect digest schedule 09:00 Europe/Paris' },
  'digest.bad_days': { meaning: 'Not a set of weekdays.', example: '/collect digest schedule 09:00 mon-fri' },
  'digest.extra': { meaning: 'Something after the command that it does not take.', example: '/collect digest now' },
  'digest.bad_date': { meaning: 'confirm takes the day of the digest as the notice gives it (YYYY-MM-DD).', example: '/collect digest now confirm 2026-12-08' },
  'digest.missing_link': { meaning: 'found needs the link of the message relance could not confirm.', example: '/collect digest now found https://acme.slack.com/archives/C0123ABCD/p1796371200000100' },
  'digest.bad_link': { meaning: 'Not the link of a Slack message (⋯ → Copy link).', example: '/collect digest now found https://acme.slack.com/archives/C0123ABCD/p1796371200000100' },

  // call-outcomes.ts — /collect log
  'log.promise_needs_date': { meaning: 'A promise with an amount but no date after it (input: the amount).', example: '/collect log acme promised 500 friday' },

  // notice-log.ts — /collect log <case> letter-sent | letter-received <date> | recovered <amount>
  'notice.received_needs_date': { meaning: 'letter-received without the day the receipt was signed.', example: '/collect log acme letter-received 12/05/2026' },
  'notice.received_in_future': { meaning: 'The day of receipt is after today (params: date).', example: '/collect log acme letter-received 12/05/2026' },
  'notice.extra_after_date': { meaning: 'Something after the day of receipt (input: what followed).', example: '/collect log acme letter-received 12/05/2026' },
  'notice.recovered_needs_amount': { meaning: 'recovered without the amount (or with text that is no amount).', example: '/collect log acme recovered 1200 €' },

  // stats-period.ts — /collect stats
  'stats.unknown_period': { meaning: 'Not a period /collect stats understands.', example: '/collect stats last month' },
  'stats.future_period': { meaning: 'The period starts after today (params: start, today).', example: '/collect stats this month' },
  'stats.range_order': { meaning: 'A range whose start comes after its end (params: start, end).', example: '/collect stats 2026-10-01..2026-10-31' },
  'stats.bad_days': { meaning: 'A number of days of 0 or more than the longest period (params: max).', example: '/collect stats 30d' },

  // pause-args.ts
  'pause.missing_case': { meaning: 'pause was given nothing: no case, date or reason.', example: '/collect pause acme 30d dispute price' },
  'pause.missing_when': { meaning: 'No date or duration after the case (input: the words given).', example: '/collect pause acme 2w plan' },
  'pause.missing_reason': { meaning: 'No reason word (dispute, plan, other) after the date (input: the words after the case).', example: '/collect pause acme 30d other' },
  'pause.missing_dispute': { meaning: 'A dispute without its reason (price, quality, not delivered, already paid, other).', example: '/collect pause acme 30d dispute quality' },
  'pause.unknown_dispute': { meaning: 'The word after "dispute" is not a dispute reason.', example: '/collect pause acme 30d dispute not delivered' },
  'pause.not_after_today': { meaning: 'The pause would end today (or before): it must end on a later day.', example: 'tomorrow, 10d' },
  'pause.too_far': { meaning: 'The pause would end more than a year from today (params: years).', example: '6 months' },

  // plan-args.ts — /collect plan
  'plan.bad_count': { meaning: 'The word after the case is not a whole number of instalments (params: min, max).', example: '/collect plan acme 3 every month' },
  'plan.count_out_of_range': { meaning: 'The number of instalments is outside what a plan takes (params: min, max).', example: '/collect plan acme 6 every month' },
  'plan.bad_period': { meaning: '"every …" (or tous les, chaque…) that names no period a plan takes: week, 2 weeks or month.', example: '/collect plan acme 4 every 2 weeks' },
  'plan.missing_date': { meaning: '"from" (à partir du, dès le…) with no date after it (input: the marker).', example: '/collect plan acme 3 every month from 15/12' },
  'plan.unknown_words': { meaning: 'Words after the number of instalments that are no period, date or currency.', example: '/collect plan acme 3 every month from 15/12 EUR' },
  'plan.repeated': { meaning: 'A second period, first date or currency.', example: '/collect plan acme 3 every month from 15/12' },

  // settings.ts — /collect settings [set] <key> <value>; examples are "<key> <value>"
  'settings.missing_key': { meaning: '`settings set` without a key (params: keys, the known keys).', example: 'promise_grace_days 2' },
  'settings.unknown_key': { meaning: 'Not the key of a setting (params: keys, the known keys).', example: 'promise_grace_days 2' },
  'settings.missing_value': { meaning: 'A key after `set` without a value (params: key).', example: 'promise_grace_days 2' },
  'settings.not_a_channel': { meaning: 'Not a channel Slack turned into a link (a #name typed without picking it, or plain text).', example: 'channel <#C0123ABCD|collections>' },
  'settings.here_not_channel': { meaning: '`here` typed in a direct message or group DM, which cannot hold case threads.', example: 'channel <#C0123ABCD|collections>' },
  'settings.not_whole_days': { meaning: 'Not a whole number of business days (also one element of a list).', example: 'promise_grace_days 2' },
  'settings.days_out_of_range': { meaning: 'A number of business days outside the setting\'s bounds (params: min, max).', example: 'call_backoff_days 1,2,4' },
  'settings.too_many_days': { meaning: 'A list of business days longer than the setting allows (params: max).', example: 'call_backoff_days 1,2,4' },
  'settings.not_whole_hours': { meaning: 'Not a whole number of business hours.', example: 'escalation_nudge_hours 24' },
  'settings.hours_out_of_range': { meaning: 'A number of business hours outside the setting\'s bounds (params: min, max).', example: 'escalation_nudge_hours 24' },
  'settings.not_a_time_range': { meaning: 'Not two times of day joined by a dash.', example: 'calling_window 09:00-19:00' },
  'settings.range_order': { meaning: 'A time range that does not end after it starts (params: start, end, as read).', example: 'calling_window 09:00-19:00' },

  // ladder-setting.ts — settings set ladder <step> <day>|off …, ladder_catch_up_days, payment_details
  'settings.ladder_unknown_stage': { meaning: 'Not a step of the ladder (params: stages, the step names).', example: 'ladder reminder_2 +12' },
  'settings.ladder_missing_day': { meaning: 'A step named without its day or `off` (params: stage).', example: 'ladder reminder_2 +12' },
  'settings.ladder_bad_day': { meaning: 'What follows a step is not a whole number of days (input: the step and its words; params: stage).', example: 'ladder call +20' },
  'settings.ladder_day_range': { meaning: 'A step\'s day outside its bounds: pre_due −60 to −1, the others +1 to +730 (params: stage, min, max).', example: 'ladder pre_due -5' },
  'settings.ladder_order': { meaning: 'The days would not increase in ladder order (params: stage, day, other, otherDay: the step before it and its day).', example: 'ladder reminder_2 +20 call +25' },
  'settings.ladder_approval_fixed': { meaning: 'An approval other than the step\'s own: a formal notice and the agency/legal hand-off always need a manager, the others never (params: stage, approval).', example: 'ladder formal_notice +40 manager' },
  'settings.ladder_repeated': { meaning: 'The same step named twice in one change (params: stage).', example: 'ladder reminder_2 +12' },
  'settings.not_calendar_days': { meaning: 'Not a whole number of calendar days.', example: 'ladder_catch_up_days 7' },
  'settings.calendar_days_out_of_range': { meaning: 'A number of calendar days outside the setting\'s bounds (params: min, max).', example: 'ladder_catch_up_days 7' },
  'settings.text_too_long': { meaning: 'A text setting longer than it may be (input: its start; params: max, length).', example: 'payment_details IBAN FR76 3000 6000 0112 3456 7890 189' },
  'settings.not_an_iban': { meaning: 'Not shaped like an IBAN: two letters, two check digits, then 11 to 30 letters or digits (spaces allowed).', example: 'creditor_iban FR76 3000 6000 0112 3456 7890 189' },
  'settings.iban_length': { meaning: 'An IBAN of the wrong length for its country (params: country, expected, length).', example: 'creditor_iban FR76 3000 6000 0112 3456 7890 189' },
  'settings.iban_checksum': { meaning: 'An IBAN whose check digits do not match: a digit is wrong or two are swapped.', example: 'creditor_iban FR76 3000 6000 0112 3456 7890 189' },
  'settings.not_a_bic': { meaning: 'Not a BIC: 8 or 11 letters and digits (bank, country, location, optional branch).', example: 'creditor_bic BNPAFRPP' },
  'settings.not_a_company_id': { meaning: 'Not a SIREN (9 digits), SIRET (14 digits) or EU VAT number.', example: 'creditor_company_id 732 829 320' },
  'settings.not_a_mailbox': { meaning: 'Not exactly one e-mail address, with an optional display name.', example: 'mail_from Acme Recouvrement <ar@acme.fr>' },
  'settings.payment_link_field': { meaning: 'A {field} the payment-link template does not know, or a stray brace (input: the field; params: fields, the known ones).', example: 'payment_link https://pay.acme.fr/?ref={customer_ref}&amount={amount}' },
  'settings.not_a_payment_link': { meaning: 'Not an http(s) address.', example: 'payment_link https://pay.acme.fr/?ref={customer_ref}&amount={amount}' },
  'settings.send_policy_word': { meaning: 'A word that is neither a mail stage nor approve/auto, or a choice with no stage before it (params: stages).', example: 'send_policy reminder_1 auto' },
  'settings.send_policy_missing_choice': { meaning: 'Stages named without approve or auto after them.', example: 'send_policy reminder_1,reminder_2 auto' },
  'settings.not_a_mail_rate': { meaning: 'Not a whole number of mails a minute.', example: 'mail_rate 60' },
  'settings.mail_rate_out_of_range': { meaning: 'A rate outside its bounds (params: min, max).', example: 'mail_rate 60' },
  // ledger-freshness.ts — ledger_max_age
  'settings.not_a_max_age': { meaning: 'Not a number of hours (h) or days (d), nor off.', example: 'ledger_max_age 36h' },
  'settings.max_age_out_of_range': { meaning: 'A ledger age outside its bounds (params: min in hours, max in days).', example: 'ledger_max_age 2d' },
  'settings.company_id_checksum': { meaning: 'A SIREN, SIRET or French VAT number whose check digit or key does not match (params: kind).', example: 'creditor_company_id 732 829 320' },

  // working-hours.ts — /collect team hours @user <days> <HH:MM-HH:MM> (time range errors are settings.* and time.*)
  'hours.missing_days': { meaning: 'No working days before the hours (input: all that was typed).', example: 'mon-fri 09:00-17:30' },
  'hours.bad_days': { meaning: 'Not a set of weekdays (input: the days part).', example: 'mon-fri 09:00-17:30, lun-ven 9h-17h30, mon,tue,thu 8:30-16:00, tue-sat 08:00-16:00' },
  'hours.missing_time': { meaning: 'Working days without the hours (input: all that was typed).', example: 'mon-fri 09:00-17:30' },

  // calling-profile.ts — /collect settings set calling_profile <value>; examples are the value
  'profile.unparseable': { meaning: 'Not a calling profile: off, a cap per 7 days and/or quiet days after a conversation.', example: '3/7d 2d, 3/week, off' },
  'profile.cap_out_of_range': { meaning: 'A number of calls per 7 days outside the bounds (params: min, max).', example: '3/7d' },
  'profile.days_out_of_range': { meaning: 'Quiet days after a conversation outside the bounds (params: min, max).', example: '3/7d 2d' },
} as const satisfies Record<string, ErrorDoc>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

/** `inputError` restricted to catalogued codes, so a new code cannot ship without its message. */
export const fail = (code: DomainErrorCode, input: string, params?: InputError['params']): Err<InputError> =>
  inputError(code, input, params);
