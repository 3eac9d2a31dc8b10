// Every sentence relance says, in English: the reference catalogue, whose keys
// and parameters French must have too (messages.ts). Values are data unless
// wrapped as Mrkdwn: `t` escapes and shortens them.
import type { Mrkdwn } from './format.ts';

type P = Record<string, string | number | Mrkdwn>;
type Msg<T extends P = P> = (p: T) => string;

export const en = {
  // access
  'access.stranger': (p: { command: string; admins: Mrkdwn }) =>
    `Sorry, relance is only open to the collections team, and you are not on it yet. ${p.admins.text ? `Ask an admin (${p.admins}) to add you` : 'Ask your relance admin to add you'} with \`${p.command} team add @you collector\`.`,
  'access.needRole': (p: { role: string; command: string; sub: string }) =>
    `\`${p.command} ${p.sub}\` needs the *${p.role}* role. Ask an admin to run \`${p.command} team add @you ${p.role}\`.`,
  'error.unknownSub': (p: { input: string; command: string }) =>
    `I don't know the command "${p.input}". Try \`${p.command} help\` to see what I can do.`,
  'error.unknownSubSuggest': (p: { input: string; suggestion: string; command: string }) =>
    `Unknown subcommand "${p.input}" — did you mean \`${p.suggestion}\`? \`${p.command} help\` lists them all.`,
  'error.unknownSubSuggestTwo': (p: { input: string; first: string; second: string; command: string }) =>
    `Unknown subcommand "${p.input}" — did you mean \`${p.first}\` or \`${p.second}\`? \`${p.command} help\` lists them all.`,
  'error.internal': (p: { ref: string }) =>
    `Something went wrong on my side and nothing was changed. Please try again; if it persists, give your admin this reference: \`${p.ref}\`.`,
  'error.tooManyArgs': (p: { input: string; example: string }) =>
    `I didn't understand "${p.input}" here. Example: \`${p.example}\``,
  'error.commandTooLong': (p: { length: number; max: number; start: string; command: string }) =>
    `That command is ${p.length} characters long; I read at most ${p.max}. It starts "${p.start}". Nothing was done. Example: \`${p.command} case acme\``,

  // help
  'help.title': (p: { command: string }) => `*relance* — collections from Slack. Type \`${p.command} help <command>\` for details.`,
  'help.unknown': (p: { input: string; command: string }) =>
    `There is no command "${p.input}" to explain. Try \`${p.command} help\` for the list.`,
  'help.examples': () => 'Examples',
  'help.access': (p: { command: string }) =>
    `relance is for the collections team: an admin adds people with \`${p.command} team add @user collector\`.`,
  'help.help.summary': () => 'Show the commands, or the details of one.',
  'help.overdue.summary': () => 'Your worklist: overdue accounts, highest priority first, with totals per currency.',
  'help.overdue.details': () =>
    'Scope: `mine` (cases you own), `@someone`, or `all` (default). Filter on the oldest unpaid invoice: `>30`, `>60` or `>90` days overdue.',
  'help.case.summary': () => 'Open a case card: balance, unpaid invoices, stage, owner and the latest activity.',
  'help.case.details': () =>
    'Name the case by customer reference, invoice number, or the start of the customer name. If several match, I list them.',
  'help.team.summary': () => 'See the team and its working hours, add and remove members (admins only), set working hours.',
  'help.team.details': () =>
    'Roles: `collector` works cases, `manager` also approves escalations, `admin` also manages the team and settings. Bootstrap admins come from RELANCE_ADMINS and from Slack workspace admins. `team hours @user <days> <HH:MM-HH:MM>` sets someone\'s working days and hours in their own Slack time zone (`mon-fri 09:00-17:30`, `lun-ven 8h30-17h`, `tue-sat 08:00-16:00`); admins and managers set anyone\'s, a collector their own; `team hours @user` shows them, `team hours @user default` goes back to the default (business days 09:00–18:00). Automatic call assignment gives people calls only when they work.',

  'help.digest.summary': () => 'The daily overdue digest of this channel: post it now, preview it, schedule it or stop it.',
  'help.digest.details': () =>
    'The digest goes out on business days only (weekends and public holidays skipped), at most once a day per channel. Default time 09:00 in the workspace time zone, Monday to Friday. Scheduling, posting now and stopping need the manager role. If relance says it could not confirm whether a digest message is already in the channel, look: if it is missing type `digest now confirm <day>` in that channel; if it is there, `digest now found <link>` with its link (⋯ → Copy link).',
  'help.settings.summary': () => 'See and change the workspace settings: channels, promise grace, calls, the ladder, the creditor, reminder e-mails (admins only).',
  'help.settings.details': () =>
    'Each setting checks its own value and says what is wrong. `set <key> default` goes back to the default. A channel: type # and pick it from the list, or type `here` in that channel; relance must be able to post there. Days are business days. Without `set`, `settings <key> <value>` also changes a setting and `settings <key>` shows one. `settings creditor` and `settings mail` show the settings of letters and of reminder e-mails together.',

  // overdue worklist
  'overdue.title.all': () => 'Overdue accounts — everyone',
  'overdue.title.mine': () => 'Overdue accounts — mine',
  'overdue.title.user': (p: { user: Mrkdwn }) => `Overdue accounts — owned by ${p.user}`,
  'overdue.filter': (p: { days: number }) => `oldest invoice more than ${p.days} days overdue`,
  'overdue.totals': (p: { totals: string; cases: number }) => `*Total overdue:* ${p.totals} · ${p.cases} case${p.cases === 1 ? '' : 's'}`,
  'overdue.empty': () => 'Nothing overdue here. :tada:',
  'overdue.more': (p: { shown: number; total: number; command: string }) =>
    `Showing the ${p.shown} highest-priority of ${p.total}. Narrow it with \`${p.command} overdue mine\` or \`>60\`.`,
  'overdue.row': (p: { name: string; ref: string; amount: string; days: number; invoices: number; owner: Mrkdwn; status: string }) =>
    `*${p.name}* (${p.ref}) — *${p.amount}* overdue · oldest ${p.days} days · ${p.invoices} invoice${p.invoices === 1 ? '' : 's'} · ${p.owner} · ${p.status}`,
  'overdue.noOwner': () => 'no owner',
  'overdue.priority': (p: { score: number }) => `priority ${p.score}`,
  'overdue.timeBar': (p: { date: string }) => `:warning: time-barred on ${p.date}`,
  'button.openCase': () => 'Open case',

  // case lookup and card
  'case.missing': (p: { command: string }) =>
    `Which case? Give a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} case acme\`.`,
  'case.notFound': (p: { input: string; command: string }) =>
    `No case matches "${p.input}". Use a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} case ACME\`.`,
  'case.ambiguous': (p: { input: string; count: number }) =>
    `"${p.input}" matches ${p.count} customers. Which one?`,
  'case.ambiguousMore': (p: { more: number }) => `…and ${p.more} more: type more of the name, or the reference.`,
  'case.noOpenCase': () => 'No open case: nothing is overdue for this customer.',
  'case.title': (p: { name: string; ref: string }) => `${p.name} (${p.ref})`,
  'case.field.balance': () => 'Balance',
  'case.field.overdue': () => 'Overdue',
  'case.field.status': () => 'Status',
  'case.field.owner': () => 'Owner',
  'case.field.oldest': () => 'Oldest unpaid',
  'case.field.kind': () => 'Customer',
  'case.oldestValue': (p: { date: string; days: number }) => p.days > 0 ? `due ${p.date} (${p.days} days overdue)` : `due ${p.date}`,
  'case.invoicesTitle': (p: { count: number }) => `*Unpaid invoices* (${p.count})`,
  'case.invoiceRow': (p: { number: string; issued: string; due: string; amount: string; balance: string; late: string }) =>
    `\`${p.number}\` issued ${p.issued} · due ${p.due}${p.late} · ${p.amount} · *${p.balance}* left`,
  'case.daysLate': (p: { days: number }) => ` (${p.days} d late)`,
  'case.invoicesMore': (p: { more: number }) => `…and ${p.more} more unpaid invoices.`,
  'case.activityTitle': () => '*Latest activity*',
  'case.noActivity': () => 'No activity yet.',
  'case.timeBar': (p: { date: string; days: number }) =>
    `:warning: The oldest claim is time-barred on *${p.date}* (in ${p.days} days): act or obtain a written acknowledgement before then.`,
  'case.timeBarPassed': (p: { date: string }) => `:warning: The oldest claim may be time-barred since *${p.date}*.`,
  'kind.b2b': () => 'business (B2B)',
  'kind.b2c': () => 'consumer (B2C)',

  // stats
  'help.stats.summary': () => 'Team figures for a period: DSO, overdue by age, CEI, promise-kept rate, and per collector.',
  'help.stats.details': () =>
    'The period (default: this month to date): `today`, `yesterday`, `this week`, `last week`, `this month`, `last month`, `this quarter`, `last quarter`, `ytd`, `last year`, `30d` or `last 30 days`, a month (`2026-10`, `oct 2026`), a quarter (`Q3 2026`), a year (`2025`), or days `2026-10-01..2026-10-31`. Days are calendar days in the workspace time zone, both ends included; a period never ends after today. Per currency: receivables, credit sales, DSO (receivables at the end ÷ credit sales × days: the standard method), CEI, and what is overdue at the end by days past due. The promise-kept rate counts the promises decided in the period. Per collector: calls, reach rate, promises taken and kept, and payments received within 30 days of a conversation with the customer. Collectors see the team figures and their own line; managers and admins see every line.',
  'stats.title': (p: { from: string; to: string }) => `Collections stats: ${p.from} to ${p.to}`,
  'stats.text': (p: { from: string; to: string }) => `Collections stats from ${p.from} to ${p.to}.`,
  'stats.period': (p: { days: number; zone: string }) =>
    `${p.days} day${p.days === 1 ? '' : 's'}, both ends included, in the workspace time zone (${p.zone}). Amounts per currency, never added across currencies.`,
  'stats.clamped': (p: { today: string }) => `The period is cut at today, ${p.today}: later days have no figures yet.`,
  'stats.currency': (p: { currency: string }) => `*${p.currency}*`,
  'stats.receivableEnd': (p: { date: string; amount: string }) => `*Receivables on ${p.date}*\n${p.amount}`,
  'stats.receivableBefore': (p: { date: string; amount: string }) => `*Receivables on ${p.date}* (the day before)\n${p.amount}`,
  'stats.sales': (p: { amount: string }) => `*Credit sales in the period*\n${p.amount}`,
  'stats.dso': (p: { value: string }) => `*DSO* (standard method)\n${p.value}`,
  'stats.days': (p: { value: string }) => `${p.value} days`,
  'stats.cei': (p: { value: string }) => `*CEI*\n${p.value}`,
  'stats.overdue': (p: { date: string; amount: string }) => `*Overdue on ${p.date}*\n${p.amount}`,
  'stats.bucket': (p: { range: string; amount: string }) => `*${p.range} days past due*\n${p.amount}`,
  'stats.none': () => '—',
  'stats.noLedger': () => 'No receivables and no invoices issued in this period.',
  'stats.promises': (p: { rate: string; kept: number; partly: number; broken: number; decided: number }) =>
    `*Promise-kept rate:* ${p.rate} (${p.kept} kept, ${p.partly} partly kept, ${p.broken} broken: ${p.decided} promise${p.decided === 1 ? '' : 's'} decided in the period)`,
  'stats.promisesNone': () => '*Promise-kept rate:* — (no promise was decided in the period)',
  'stats.collectorsTitle': () => '*Per collector*',
  'stats.collectorsOwn': () => '*Your figures* (managers and admins see every collector\'s)',
  'stats.collectorLine': (p: { user: Mrkdwn; calls: number; reach: string; taken: number; kept: number; decided: number; collected: string }) =>
    `${p.user}: ${p.calls} call${p.calls === 1 ? '' : 's'} logged · reach rate ${p.reach} · ${p.taken} promise${p.taken === 1 ? '' : 's'} taken · ${p.kept} kept of ${p.decided} decided · collected after contact: ${p.collected}`,
  'stats.nothingCollected': () => 'nothing',
  'stats.noCollectors': () => 'Nobody logged a call, took a promise or collected after contact in the period.',

  // pauses
  'help.pause.summary': () => 'Pause a case until a date or for a while: a dispute, a payment plan or another reason.',
  'help.pause.details': () =>
    'Give the case, then until when (`15/12/2026`, `friday`, `end of month`) or for how long (`10d`, `2w`, `3 weeks`, `1 month`), then the reason: `dispute`, `plan` or `other` (French: `litige`, `échéancier`, `autre`). A dispute also takes its reason: `price`, `quality`, `not delivered`, `already paid` or `other`. Words after that are a note for the case file. The pause ends on a later day, at most a year ahead; that morning the case is back in the worklist by itself. While paused, the case scores 0 in the worklist and its open calls are cancelled. Pausing a paused case moves its date.',
  'help.resume.summary': () => 'End a pause now: the case is back in the worklist.',
  'help.resume.details': () => 'The case goes back to open (or promised while a promise to pay is pending). Pauses also end by themselves on their date.',
  'pauseReason.dispute': () => 'dispute',
  'pauseReason.plan': () => 'payment plan',
  'pauseReason.other': () => 'other reason',
  'disputeReason.price': () => 'price',
  'disputeReason.quality': () => 'quality',
  'disputeReason.not_delivered': () => 'not delivered',
  'disputeReason.already_paid': () => 'already paid',
  'disputeReason.other': () => 'other',
  'pause.statusUntil': (p: { until: string; reason: string }) => `paused until ${p.until} (${p.reason})`,
  'pause.reasonWithDispute': (p: { reason: string; dispute: string }) => `${p.reason}: ${p.dispute}`,
  'pause.done': (p: { name: string; until: string; reason: string }) =>
    `*${p.name}* is paused until *${p.until}* (${p.reason}). It stays out of the worklist until then and comes back by itself that morning.`,
  'pause.moved': (p: { name: string; from: string; until: string; reason: string }) =>
    `*${p.name}* was paused until ${p.from}; it is now paused until *${p.until}* (${p.reason}).`,
  'pause.cancelledCalls': (p: { count: number }) => `${p.count === 1 ? 'Its open call was' : `Its ${p.count} open calls were`} cancelled.`,
  'pause.noCase': (p: { input: string; command: string }) =>
    `No case matches "${p.input}", so nothing was paused. Use a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} pause ACME 30d dispute price\`.`,
  'pause.closed': (p: { name: string }) => `*${p.name}* has no open case (nothing is overdue), so there is nothing to pause.`,
  'pause.ambiguous': (p: { input: string; names: string; command: string }) =>
    `"${p.input}" matches several customers: ${p.names}. Nothing was paused. Give the reference, e.g. \`${p.command} pause C-1042 30d plan\`.`,
  'resume.missing': (p: { command: string }) => `Which case? E.g. \`${p.command} resume acme\`.`,
  'resume.done': (p: { name: string; status: string }) => `*${p.name}* is no longer paused (status: ${p.status}) and is back in the worklist.`,
  'resume.notPaused': (p: { name: string; status: string }) => `*${p.name}* is not paused (status: ${p.status}); nothing changed.`,
  'resume.noCase': (p: { input: string; command: string }) =>
    `No case matches "${p.input}", so nothing was resumed. Use a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} resume ACME\`.`,
  'resume.closed': (p: { name: string }) => `*${p.name}* has no open case (nothing is overdue), so there is no pause to end.`,
  'resume.ambiguous': (p: { input: string; names: string; command: string }) =>
    `"${p.input}" matches several customers: ${p.names}. Nothing was resumed. Give the reference, e.g. \`${p.command} resume C-1042\`.`,
  'activity.case_paused': (p: { until: string; reason: string; dispute?: string }) =>
    `Paused until ${p.until}: ${p.reason}${p.dispute ? ` (${p.dispute})` : ''}`,
  'activity.case_resumed': () => 'Pause ended: back in the worklist',

  // promises to pay
  'help.promise.summary': () => 'Record a promise to pay: how much, and by when.',
  'help.promise.details': () =>
    'Give the case, the amount and the date, then a note if you like. The amount may name its currency (`1 200,50 €`, `1200 EUR`, `$99.90`); without one it is in the currency the case owes, and a case that owes several asks which. The date is today or later: `15/12/2026`, `friday`, `in 10 days`, `end of month`. The promise may not exceed what is overdue in that currency. It is kept when the customer\'s payments from today reach the amount by the end of the promised day plus the grace (`promise_grace_days` business days, 1 by default); otherwise it is broken, the case thread and its owner hear of it, and the case goes back on the ladder. A new promise replaces a pending one.',
  'promise.usage': (p: { command: string }) =>
    `Which case, how much and by when? E.g. \`${p.command} promise acme 1200 friday\` (a note may follow).`,
  'promise.notFound': (p: { input: string; command: string }) =>
    `No case matches "${p.input}", so no promise was recorded. Use a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} promise ACME 1200 friday\`.`,
  'promise.noOpenCase': (p: { name: string }) => `*${p.name}* has no open case: nothing of theirs is overdue, so there is no promise to record.`,
  'promise.missingAmount': (p: { name: string; example: string }) => `How much did *${p.name}* promise, and by when? Example: \`${p.example}\``,
  'promise.missingDate': (p: { input: string; example: string }) => `By when? Give the date after "${p.input}". Example: \`${p.example}\``,
  'promise.whichCurrency': (p: { input: string; name: string; currencies: string; example: string }) =>
    `"${p.input}" names no currency, and *${p.name}* owes ${p.currencies}: say which. Example: \`${p.example}\``,
  'promise.wrongCurrency': (p: { input: string; currency: string; name: string; currencies: string; example: string }) =>
    `"${p.input}" is in ${p.currency}, but *${p.name}* owes nothing overdue in ${p.currency} (overdue: ${p.currencies}). Example: \`${p.example}\``,
  'promise.nothingOverdue': (p: { name: string }) => `*${p.name}* owes nothing overdue today, so there is no promise to record.`,
  'promise.tooLarge': (p: { input: string; name: string; balance: string; example: string }) =>
    `"${p.input}" is more than the ${p.balance} *${p.name}* owes overdue. Example: \`${p.example}\``,
  'promise.noCase': (p: { command: string }) =>
    `This case is closed or no longer in this workspace, so no promise was recorded. Look it up with \`${p.command} case <name>\`.`,
  'promise.recorded': (p: { name: string; amount: string; date: string; deadline: string; grace: number }) =>
    `Promise recorded: *${p.name}* will pay *${p.amount}* by *${p.date}*. It is kept if the payments reach it by the end of ${p.deadline}${p.grace > 0 ? ` (${p.grace} business day${p.grace === 1 ? '' : 's'} of grace)` : ''}; otherwise it is marked broken and the case goes back on the ladder.`,
  'activity.promise_taken': (p: { amount: string; date: string }) => `Promise to pay ${p.amount} by ${p.date}`,
  'activity.promise_replaced': (p: { amount: string; date: string }) => `Earlier promise of ${p.amount} by ${p.date} replaced by a new one`,
  'activity.promise_kept': (p: { amount: string; paid: string }) => `Promise of ${p.amount} kept: ${p.paid} paid`,
  'activity.promise_broken': (p: { amount: string; date: string; paid: string; missing: string }) =>
    `Promise of ${p.amount} by ${p.date} broken: ${p.paid} paid, ${p.missing} missing`,

  // payment plans
  'help.plan.summary': () => 'Record a payment plan: the overdue balance in n instalments, each tracked like a promise.',
  'help.plan.details': () =>
    'Give the case and the number of instalments (2 to 36), then if you like the period (`every week`, `every 2 weeks`, `every month` — the default; `weekly`, `monthly`, `tous les mois`…), the first due date (`from 15/12`, `à partir du 15/12`; default: one period from today) and the currency when the case owes several. The total is what is overdue today in that currency, split in equal instalments with the rounding remainder on the last one. Each instalment is kept when the payments since today reach it (the earlier ones first) by the end of its day plus the grace (`promise_grace_days`); the first one missed breaks the plan and the case goes back on the ladder. The case is paused while the plan runs. The debtor\'s acceptance, dated today, restarts the limitation period. `plan <case>` shows the plan, `plan <case> cancel` cancels it; a new plan replaces the current one.',
  'plan.usage': (p: { command: string }) =>
    `Which case, and in how many instalments? E.g. \`${p.command} plan acme 3 every month from 15/12\`. \`${p.command} plan acme\` shows a case's plan, \`${p.command} plan acme cancel\` cancels it.`,
  'plan.notFound': (p: { input: string; command: string }) =>
    `No case matches "${p.input}", so no plan was recorded. Use a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} plan ACME 3 every month\`.`,
  'plan.noOpenCase': (p: { name: string }) => `*${p.name}* has no open case: nothing of theirs is overdue, so there is no plan to record or change.`,
  'plan.noCase': (p: { command: string }) =>
    `This case is closed or no longer in this workspace, so nothing was changed. Look it up with \`${p.command} case <name>\`.`,
  'plan.whichCurrency': (p: { name: string; currencies: string; example: string }) =>
    `*${p.name}* owes ${p.currencies} overdue: a plan is in one currency, so say which. Example: \`${p.example}\``,
  'plan.wrongCurrency': (p: { input: string; name: string; currencies: string; example: string }) =>
    `"${p.input}": *${p.name}* owes nothing overdue in that currency (overdue: ${p.currencies}). Example: \`${p.example}\``,
  'plan.nothingOverdue': (p: { name: string }) => `*${p.name}* owes nothing overdue today, so there is no plan to record.`,
  'plan.tooSmall': (p: { input: string; total: string; name: string; example: string }) =>
    `"${p.input}" instalments would be less than the smallest coin each: *${p.name}* owes ${p.total} overdue. Example: \`${p.example}\``,
  'plan.recorded': (p: { name: string; total: string; count: number; period: string; ack: string; until: string }) =>
    `Payment plan recorded: *${p.name}* pays *${p.total}* in ${p.count} ${p.period} instalments. The case is paused until ${p.until}, and the debtor's acceptance (${p.ack}) restarts the limitation period.`,
  'plan.line': (p: { number: number; date: string; amount: string }) => `${p.number}. ${p.date} — ${p.amount}`,
  'plan.rule': (p: { grace: number }) =>
    `Each instalment is kept when the payments since today reach it, the earlier ones first, by the end of its day${p.grace > 0 ? ` plus ${p.grace} business day${p.grace === 1 ? '' : 's'} of grace` : ''}. The first one missed breaks the plan and the case goes back on the ladder.`,
  'plan.replacedPlan': (p: { total: string; count: number }) => `It replaces the earlier plan (${p.total} in ${p.count} instalments), now cancelled.`,
  'plan.replacedPromise': () => 'The pending promise to pay is replaced by the plan.',
  'plan.show': (p: { name: string; total: string; count: number; period: string; ack: string; by: Mrkdwn }) =>
    `*${p.name}*: payment plan of *${p.total}* in ${p.count} ${p.period} instalments, agreed on ${p.ack} (recorded by ${p.by}).`,
  'plan.showLine': (p: { number: number; date: string; amount: string; status: string }) => `${p.number}. ${p.date} — ${p.amount} · ${p.status}`,
  'plan.showHint': (p: { command: string; ref: string }) => `Cancel it with \`${p.command} plan ${p.ref} cancel\`; a new plan replaces it.`,
  'plan.none': (p: { name: string; command: string; ref: string }) =>
    `*${p.name}* has no payment plan running. Record one with \`${p.command} plan ${p.ref} 3 every month\`.`,
  'plan.cancelled': (p: { name: string; total: string; count: number; status: string }) =>
    `The payment plan of *${p.name}* (${p.total}) is cancelled, with its ${p.count} instalment${p.count === 1 ? '' : 's'} still to come. Case status: ${p.status}.`,
  'plan.nothingToCancel': (p: { name: string }) => `*${p.name}* has no payment plan running; nothing was cancelled.`,
  'planLine.pending': () => 'to come',
  'planLine.kept': () => 'paid',
  'planLine.broken': () => 'missed',
  'planLine.cancelled': () => 'cancelled',
  'planPeriod.week': () => 'weekly',
  'planPeriod.2weeks': () => 'fortnightly',
  'planPeriod.month': () => 'monthly',
  'promise.planActive': (p: { name: string; command: string; ref: string }) =>
    `*${p.name}* has a payment plan running: its instalments are the promises, so no other promise was recorded. To agree something else, record a new plan (it replaces this one) or cancel it first: \`${p.command} plan ${p.ref} cancel\`.`,
  'logCall.planActive': (p: { command: string; ref: string }) =>
    `This case has a payment plan running, so no promise can be added and nothing was logged: record a new plan, or cancel the plan first with ${p.command} plan ${p.ref} cancel.`,
  'resume.planActive': (p: { name: string; command: string; input: string }) =>
    `*${p.name}* is paused for its payment plan, until it is kept or broken; nothing changed. To put the case back on the ladder now, cancel the plan: \`${p.command} plan ${p.input} cancel\`.`,
  'case.plan': (p: { paid: number; count: number; period: string; total: string }) =>
    `:calendar: Payment plan: ${p.count} ${p.period} instalments, ${p.paid} paid (${p.total} in all)`,
  'case.planNext': (p: { amount: string; date: string }) => `, next ${p.amount} due ${p.date}`,
  'activity.plan_agreed': (p: { amount: string; instalments: string; period: string; date: string; last: string; acknowledged: string }) =>
    `Payment plan agreed: ${p.amount} in ${p.instalments} ${p.period} instalments, ${p.date} to ${p.last} (debt acknowledged on ${p.acknowledged})`,
  'activity.plan_replaced': (p: { amount: string; instalments: string }) => `Earlier payment plan (${p.amount} in ${p.instalments} instalments) replaced by a new one`,
  'activity.plan_cancelled': (p: { amount: string; instalments: string }) => `Payment plan (${p.amount} in ${p.instalments} instalments) cancelled: back on the ladder`,
  'activity.instalment_kept': (p: { instalment: string; instalments: string; amount: string }) => `Instalment ${p.instalment} of ${p.instalments} paid: ${p.amount}`,
  'activity.plan_kept': (p: { amount: string; instalments: string }) => `Payment plan kept: all ${p.instalments} instalments paid (${p.amount})`,
  'activity.plan_broken': (p: { instalment: string; instalments: string; amount: string; date: string; paid: string; missing: string }) =>
    `Payment plan broken: instalment ${p.instalment} of ${p.instalments} (${p.amount} due ${p.date}) not paid in time, ${p.paid} paid, ${p.missing} missing. The case is back on the ladder`,

  // statuses and stages
  'status.open': () => 'open',
  'status.promised': () => 'promised',
  'status.paused': () => 'paused',
  'status.notice': () => 'formal notice sent',
  'status.agency': () => 'with agency',
  'status.legal': () => 'legal action',
  'status.resolved': () => 'resolved',
  'status.written_off': () => 'written off',
  'status.none': () => 'no case',
  'stage.pre_due': () => 'courtesy reminder',
  'stage.reminder_1': () => 'reminder 1',
  'stage.reminder_2': () => 'reminder 2',
  'stage.call': () => 'call',
  'stage.reminder_3': () => 'firm reminder',
  'stage.formal_notice': () => 'formal notice',
  'stage.agency': () => 'agency',
  'stage.legal': () => 'legal',
  'stage.agency_or_legal': () => 'agency or legal',

  // the dunning ladder: /collect ladder, its daily pass, its drafts and summary
  'help.ladder.summary': () => 'The dunning ladder: its steps and what each does; managers preview the next pass\'s moves.',
  'help.ladder.details': () =>
    '`ladder` shows the steps, their days (from the oldest unpaid due date) and what each does. `ladder preview` (managers) lists the moves of tomorrow\'s pass per step, with the first names. The pass runs by itself once a day, after midnight in the workspace time zone; only open cases move (promised, paused and escalated cases wait). Admins change the ladder with `settings set ladder reminder_2 +12`.',
  'ladder.title': () => 'Dunning ladder',
  'ladder.day': (p: { day: number }) => (p.day < 0 ? `day −${-p.day}` : `day +${p.day}`),
  'ladder.step': (p: { day: string; stage: string; action: Mrkdwn }) => `*${p.day}* · *${p.stage}* — ${p.action}`,
  'ladder.action.pre_due': () => 'courtesy reminder drafted (payment details, "tell us now about any problem"), once per customer and due date, before any case exists',
  'ladder.action.reminder_1': () => 'friendly reminder drafted',
  'ladder.action.reminder_2': () => 'reminder with payment options drafted (transfer, payment link, instalments)',
  'ladder.action.call': () => 'phone call: the case is due a call by a collector',
  'ladder.action.reminder_3': () => 'firm reminder drafted, citing the earlier reminders and, for a business, the late-payment penalties',
  'ladder.action.formal_notice': () => 'formal notice proposed to the managers · *manager approval*',
  'ladder.action.agency_or_legal': () => 'hand-off to a collection agency or legal action, proposed to the managers, who pick one · *manager approval*',
  'ladder.off': (p: { stages: string }) => `Turned off: ${p.stages}.`,
  'ladder.rules': (p: { catchUp: number }) =>
    `Days count from the oldest unpaid due date, in calendar days. A case that skips several steps at once (an old ledger imported, a long pause) acts only at the step it lands on, and only if that step's day is at most ${p.catchUp} day${p.catchUp === 1 ? '' : 's'} ago (\`ladder_catch_up_days\`); otherwise it lands there silently. A manager step always files its proposal. Drafts are kept for sending; nothing is e-mailed yet.`,
  'ladder.editHint': (p: { command: string }) =>
    `Admins change it with \`${p.command} settings set ladder reminder_2 +12\` (\`call off\` drops a step, \`default\` restores the ladder). Managers: \`${p.command} ladder preview\`.`,
  'ladder.usage': (p: { input: string; command: string }) =>
    `"${p.input}" is not something \`ladder\` does: \`${p.command} ladder\` shows the ladder, \`${p.command} ladder preview\` the next pass's moves.`,
  'ladder.previewManagers': (p: { command: string }) =>
    `Only managers see the preview of the ladder's moves. \`${p.command} ladder\` shows the ladder itself.`,
  'ladder.preview.title': (p: { date: string }) => `Ladder moves for ${p.date}`,
  'ladder.preview.none': () => 'No case moves then.',
  'ladder.preview.stage': (p: { stage: string; count: number; names: Mrkdwn; more: number }) =>
    `*${p.stage}*: ${p.count} case${p.count === 1 ? '' : 's'} — ${p.names}${p.more > 0 ? ` and ${p.more} more` : ''}`,
  'ladder.preview.silent': (p: { count: number }) => `${p.count} of them land there without acting (catch-up)`,
  'ladder.preview.preDue': (p: { drafts: number; invoices: number }) =>
    `*courtesy reminders*: ${p.drafts} to draft (${p.invoices} invoice${p.invoices === 1 ? '' : 's'} falling due soon)`,
  'ladder.preview.note': () => 'As things stand now: payments, promises and pauses before the pass change it. Only you see this.',
  'ladder.summary': (p: { date: string; lines: Mrkdwn; command: string }) =>
    `*Dunning ladder, ${p.date}:* cases reached a step that waits for a manager's approval.\n${p.lines}\nReview and decide them with \`${p.command} escalations\`.`,
  'ladder.summaryLine': (p: { stage: string; count: number; names: Mrkdwn; more: number }) =>
    `• *${p.stage}*: ${p.count} case${p.count === 1 ? '' : 's'} — ${p.names}${p.more > 0 ? ` and ${p.more} more` : ''}`,
  'ladder.draftPost': (p: { stage: string; subject: string; body: Mrkdwn }) =>
    `:memo: Ladder: *${p.stage}* drafted for the customer (not sent).\n*${p.subject}*\n${p.body}`,
  'ladder.draftCut': () => '_…cut here: the whole text is kept with the draft._',
  'ladder.rateMissing': (p: { commands: string }) =>
    `_The late fees use the latest known rate for a half-year not in the table yet: ${p.commands}_`,
  'ladder.noPaymentDetails': (p: { command: string }) =>
    `_The drafts give no payment details yet: an admin adds them with \`${p.command} settings set payment_details IBAN …\`._`,
  'activity.reminder_drafted': (p: { stage: string }) => `Ladder: ${p.stage} drafted for the customer`,
  'activity.stage_call': () => 'Ladder: call step reached, the case is due a phone call',
  'activity.escalation_proposed': (p: { stage: string }) => `Ladder: ${p.stage} reached, proposed to the managers for approval`,
  'activity.stage_set': (p: { stage: string }) => `Ladder: put on ${p.stage} without acting (catch-up: that step's day passed long ago)`,

  // activity kinds (timeline lines)
  'activity.case_opened': () => 'Case opened',
  'activity.case_resolved': () => 'Case resolved: nothing overdue any more',
  'activity.payment_recorded': (p: { amount: string }) => `Payment recorded: ${p.amount}`,
  // bank statements (src/services/statements, src/slack/statement-interactions.ts)
  'activity.payment_reversed': (p: { amount: string }) => `Payment reversed by the bank: ${p.amount}`,
  'activity.statement_matched': (p: { amount: string }) => `Bank credit of ${p.amount} matched to invoices by hand`,
  'activity.statement_ignored': (p: { amount: string }) => `Bank credit of ${p.amount} set aside: not matched to any invoice`,
  'statement.review.text': (p: { count: number }) => `Bank statement: ${p.count} credit${p.count === 1 ? '' : 's'} to match by hand`,
  'statement.review.header': (p: { count: number }) => `Bank statement: ${p.count} credit${p.count === 1 ? '' : 's'} to match`,
  'statement.review.entry': (p: { amount: string; date: string; debtor: string; remittance: string }) => `*${p.amount}* · ${p.date} · ${p.debtor}\n> ${p.remittance}`,
  'statement.review.unknownDebtor': () => 'payer not named',
  'statement.review.noRemittance': () => '(no remittance information)',
  'statement.review.matched': (p: { user: Mrkdwn; invoices: string }) => `:white_check_mark: Matched to ${p.invoices} by ${p.user}`,
  'statement.review.ignored': (p: { user: Mrkdwn }) => `:heavy_minus_sign: Set aside by ${p.user}`,
  'statement.review.reversed': () => ':leftwards_arrow_with_hook: Reversed by the bank: nothing to match',
  'statement.reason.no_match': () => 'No invoice number, and the payer is not a known customer.',
  'statement.reason.more_than_open': () => 'An invoice number is given, but the amount is more than that invoice has open.',
  'statement.reason.amounts_differ': () => 'Several invoice numbers are given, and their open amounts do not add up to the payment.',
  'statement.reason.other_currency': () => 'The invoice named is in another currency.',
  'statement.reason.no_amount': () => 'The payer is a known customer, but no open invoice (or sum of them) equals the amount.',
  'statement.reason.ambiguous_customer': () => 'Several customers carry that name.',
  'statement.button.match': () => 'Match',
  'statement.button.ignore': () => 'Ignore',
  'statement.match.title': () => 'Match bank credit',
  'statement.match.submit': () => 'Record payment',
  'statement.match.cancel': () => 'Cancel',
  'statement.match.label': () => 'Invoices this credit pays (oldest first gets paid first)',
  'statement.match.noInvoices': (p: { currency: string }) => `No open invoice in ${p.currency}: there is nothing to match this credit to. Ignore it, or import the invoice first.`,
  'statement.match.needInvoice': () => 'Pick at least one invoice.',
  'statement.match.invoiceGone': (p: { number: string }) => `Invoice ${p.number} is no longer open: pick again.`,
  'statement.match.done': (p: { amount: string; invoices: string }) => `Recorded: ${p.amount} paid on ${p.invoices}.`,
  'statement.match.overpaid': (p: { rest: string }) => `${p.rest} more than the invoices picked had open: that part was not recorded.`,
  'statement.match.stale': () => 'The form could not open in time: click Match again.',
  'statement.match.badForm': (p: { input: string; command: string }) => `This form was damaged (“${p.input}”): close it and click Match on the bank credit again, or see \`${p.command} help\`.`,
  'statement.ignore.done': (p: { amount: string }) => `Set aside: the credit of ${p.amount} will not be matched.`,
  'statement.already.matched': (p: { user: Mrkdwn; invoices: string }) => `Already matched to ${p.invoices} by ${p.user}: nothing changed.`,
  'statement.already.ignored': (p: { user: Mrkdwn }) => `Already set aside by ${p.user}: nothing changed.`,
  'statement.already.reversed': () => 'The bank reversed this credit: there is nothing to match.',
  'statement.notFound': (p: { command: string }) => `That bank credit is not in relance (any more). \`${p.command} help\` lists what you can do.`,
  'activity.letter_generated': (p: { date: string }) => `Formal notice generated (PDF), to pay by ${p.date}`,
  'activity.letter_sent': () => 'Formal notice recorded as sent by registered letter',
  'activity.letter_received': (p: { date: string }) => `Acknowledgement of receipt of the formal notice signed on ${p.date}`,
  'activity.case_file_exported': () => 'Case file exported',
  // letters and the case file (src/letters, src/services/letters, commands/export.ts)
  'help.export.summary': () => 'The case file as a ZIP, sent to you by DM: summary PDF, invoices, payments, timeline and letters.',
  'help.export.details': () =>
    'The ZIP holds summary.pdf (what a collection agency\'s first letter must state: the creditor, the basis of the claim, principal, interest and other sums, how to pay), invoices.csv, payments.csv, timeline.csv (every activity) and the letters generated. Slack has no private files in a channel, so it comes to your direct messages with relance.',
  'export.missing': (p: { command: string }) => `Which case? Give a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} export acme\`.`,
  'export.notFound': (p: { input: string; command: string }) =>
    `No case matches "${p.input}". Use a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} export ACME\`.`,
  'export.ambiguous': (p: { input: string; names: string; command: string }) =>
    `"${p.input}" matches several customers: ${p.names}. Type more of the name, or the reference, e.g. \`${p.command} export C-1001\`.`,
  'export.neverACase': (p: { name: string }) => `${p.name} has never had a collection case: there is no case file to export.`,
  'export.done': (p: { name: string; ref: string; file: string; letters: number; mails: number }) =>
    `The case file of *${p.name}* (${p.ref}) is in your direct messages with relance: ${p.file} (summary, invoices, payments, timeline${p.letters > 0 ? `, ${p.letters} letter${p.letters === 1 ? '' : 's'}` : ''}${p.mails > 0 ? `, ${p.mails} e-mail${p.mails === 1 ? '' : 's'} as sent` : ''}).`,
  'export.incomplete': (p: { keys: string; command: string }) =>
    `Its summary says "not set" for ${p.keys}: an admin fills them in with \`${p.command} settings set <key> <value>\` (see \`${p.command} settings creditor\`).`,
  'export.uploadFailed': (p: { name: string; error: string }) =>
    `I could not send the case file of ${p.name} to your direct messages (Slack said: ${p.error}). Please try again.`,
  'export.dmComment': (p: { name: string; ref: string; date: string }) => `Case file of *${p.name}* (${p.ref}) as of ${p.date}.`,
  'export.threadComment': (p: { name: string; ref: string; date: string }) => `Case file of *${p.name}* (${p.ref}) as of ${p.date}, for the hand-off.`,
  'notice.comment': (p: { name: string; ref: string; date: string }) =>
    `Formal notice for *${p.name}* (${p.ref}), to send by registered letter with acknowledgement of receipt. To pay by ${p.date}.`,
  'letters.noThreadYet': () => 'The case has no thread yet, so the file is here in the channel.',
  'notice.missingRate': (p: { kind: string; period: string; used: string; command: string }) =>
    `No ${p.kind === 'ecb' ? 'ECB' : 'legal interest'} rate is recorded for ${p.period}: the letter uses the latest known one, ${p.used}, and says so. Add it with \`${p.command}\`.`,
  'notice.waitingForSettings': (p: { name: string; keys: string; command: string }) =>
    `The formal notice to *${p.name}* is approved, but the letter waits for the creditor's identity: ${p.keys}. An admin sets each with \`${p.command} settings set <key> <value>\` (see \`${p.command} settings creditor\`); the letter is then made and posted in the case thread within minutes.`,
  'notice.missingSettings': (p: { keys: string; command: string }) =>
    `A formal notice needs the creditor's identity, and this is not set yet: ${p.keys}. An admin sets each with \`${p.command} settings set <key> <value>\` (see \`${p.command} settings creditor\`). No letter was generated.`,
  'activity.other': (p: { kind: string }) => p.kind.replace(/_/g, ' '),
  'activity.by': (p: { who: Mrkdwn }) => `by ${p.who}`,
  // case threads
  'thread.rootText': (p: { name: string; ref: string }) => `Case thread: ${p.name} (${p.ref})`,
  'thread.root': (p: { name: string; ref: string; overdue: string; date: string; owner: Mrkdwn }) =>
    `*${p.name}* (${p.ref}) — ${p.overdue} overdue on ${p.date} · owner: ${p.owner}`,
  'thread.nothingOverdue': () => 'nothing',
  'thread.rootHint': (p: { command: string; ref: string }) =>
    `Every activity on this case from now on is posted in this thread. The whole history: \`${p.command} case ${p.ref}\``,
  'thread.promiseBrokenDm': (p: { name: string; ref: string; what: Mrkdwn; command: string }) =>
    `A promise to pay on *${p.name}* (${p.ref}) was broken: ${p.what}. The case is back on the ladder: \`${p.command} case ${p.ref}\``,
  'thread.activityDm': (p: { name: string; ref: string; what: Mrkdwn }) => `*${p.name}* (${p.ref}): ${p.what}`,
  'case.threadLink': (p: { link: Mrkdwn }) => `:thread: ${p.link}`,
  'case.threadLabel': () => 'Case thread',
  'case.earlierCases': (p: { list: Mrkdwn; more: number }) => `Earlier cases: ${p.list}${p.more > 0 ? ` and ${p.more} more` : ''}`,
  'case.earlierSpan': (p: { opened: string; closed: string; status: string }) => `${p.opened} – ${p.closed} (${p.status})`,
  'case.threadIn': (p: { channel: Mrkdwn }) => `:thread: The case thread is in ${p.channel}`,

  // team
  'team.title': () => 'Collections team',
  'team.empty': (p: { command: string }) => `No members yet. An admin adds them with \`${p.command} team add @user collector\`.`,
  'team.bootstrap': (p: { users: Mrkdwn }) => `Bootstrap admins (RELANCE_ADMINS): ${p.users}`,
  'team.workspaceId': (p: { id: string }) => `Workspace id: \`${p.id}\` — import your ledger into it with \`relance import --workspace ${p.id} <files…>\`.`,
  'team.role.admin': () => 'Admins',
  'team.role.manager': () => 'Managers',
  'team.role.collector': () => 'Collectors',
  'team.added': (p: { user: Mrkdwn; role: string }) => `${p.user} is now a *${p.role}*.`,
  'team.changed': (p: { user: Mrkdwn; role: string; before: string }) => `${p.user} is now a *${p.role}* (was ${p.before}).`,
  'team.unchanged': (p: { user: Mrkdwn; role: string }) => `${p.user} already is a *${p.role}*; nothing changed.`,
  'team.removed': (p: { user: Mrkdwn }) => `${p.user} is no longer on the team.`,
  'team.notMember': (p: { user: Mrkdwn }) => `${p.user} is not on the team; nothing changed.`,
  'team.lastAdmin': (p: { user: Mrkdwn }) =>
    `${p.user} is the last admin: add another admin first, so that someone can still manage the team.`,
  'team.badVerb': (p: { input: string; command: string }) =>
    `"${p.input}" is not a team action. Use \`${p.command} team add @user collector|manager|admin\`, \`${p.command} team remove @user\`, \`${p.command} team hours @user mon-fri 09:00-17:30\` or \`${p.command} team\`.`,
  'team.badUser': (p: { input: string; command: string }) =>
    `"${p.input}" is not a Slack user mention. Type @ and pick the person, e.g. \`${p.command} team add @jane collector\`.`,
  'team.badRole': (p: { input: string; command: string }) =>
    `"${p.input}" is not a role. Use collector, manager or admin, e.g. \`${p.command} team add @jane manager\`.`,
  'team.bot': (p: { user: Mrkdwn }) => `${p.user} is a bot and cannot be on the team.`,
  'team.memberHours': (p: { user: Mrkdwn; hours: string; zone: string }) => `${p.user} — ${p.hours} · ${p.zone}`,
  'team.memberDefaultHours': (p: { user: Mrkdwn; hours: string; zone: string }) => `${p.user} — default hours (${p.hours}) · ${p.zone}`,
  'team.workspaceZone': (p: { zone: string }) => `${p.zone} (the workspace's zone: not known from Slack yet)`,
  'team.hoursHint': (p: { command: string }) =>
    `Hours are in each person's own time zone; without hours set, business days 09:00–18:00. Set them with \`${p.command} team hours @user mon-fri 09:00-17:30\`.`,
  'team.hoursShow': (p: { user: Mrkdwn; hours: string; zone: string; example: string }) =>
    `${p.user} works ${p.hours} (${p.zone}). Change it with \`${p.example}\`.`,
  'team.hoursDefault': (p: { user: Mrkdwn; hours: string; zone: string; example: string }) =>
    `${p.user} has the default hours: ${p.hours} (${p.zone}). Set theirs with \`${p.example}\`.`,
  'team.hoursSet': (p: { user: Mrkdwn; hours: string; zone: string }) =>
    `${p.user} now works ${p.hours} (${p.zone}). Automatic call assignment gives them calls only then.`,
  'team.hoursCleared': (p: { user: Mrkdwn; hours: string; zone: string }) =>
    `${p.user} is back to the default hours: ${p.hours} (${p.zone}).`,
  'team.hoursZoneUnknown': (p: { zone: string }) =>
    `Slack did not give their time zone just now, so relance reads these hours in ${p.zone} until it does.`,
  'team.hoursBadUser': (p: { input: string; example: string }) =>
    `"${p.input}" is not a Slack user mention. Type @ and pick the person, e.g. \`${p.example}\`.`,
  'team.hoursNotMember': (p: { user: Mrkdwn; command: string }) =>
    `${p.user} is not on the team, so they have no working hours here. An admin adds them first: \`${p.command} team add @user collector\`.`,
  'team.hoursManagerOnly': (p: { user: Mrkdwn; example: string }) =>
    `Only an admin or a manager can set someone else's hours (${p.user}); nothing changed. You can set your own: \`${p.example}\`.`,
  'role.admin': () => 'admin',
  'role.manager': () => 'manager',
  'role.collector': () => 'collector',

  // settings
  'settings.title': () => 'Workspace settings',
  'settings.intro': (p: { command: string }) =>
    `Change one with \`${p.command} settings set <key> <value>\`; \`${p.command} settings set <key> default\` goes back to the default. Only admins see and change settings.`,
  'settings.default': () => 'default',
  'settings.setBy': (p: { user: Mrkdwn; date: string }) => `set by ${p.user} on ${p.date}`,
  'settings.setOn': (p: { date: string }) => `set on ${p.date}`,
  'settings.about.channel': () => 'The team channel: each case has its thread there. Default: the first channel given a digest.',
  'settings.about.managers_channel': () => 'Where escalations wait for a manager\'s approval. Default: the team channel.',
  'settings.about.promise_grace_days': () => 'Business days after the promised day before an unpaid promise counts as broken (0 to 10).',
  'settings.about.call_backoff_days': () =>
    'After no answer or a voicemail, the next attempt comes this many business days later, attempt after attempt; the last number repeats (each 1 to 30, at most 10).',
  'settings.about.calling_window': () => 'When debtors may be called: in each debtor\'s own time zone, on business days.',
  'settings.about.ladder': () =>
    'The dunning ladder: each step\'s day from the oldest unpaid due date (calendar days). `reminder_2 +12` moves a step (several at once: `reminder_2 +20 call +25`), `call off` drops one, `default` restores them all; `/collect ladder` says what each step does.',
  'settings.about.ladder_catch_up_days': () =>
    'A case that skips several steps at once acts at the step it lands on only if that step\'s day is at most this many days ago; otherwise it lands there silently (0 to 90 days).',
  'settings.about.payment_details': () => 'How to pay, as the reminder drafts print it: IBAN, BIC, a payment link… (at most 500 characters).',
  'settings.about.escalation_nudge_hours': () =>
    'Business hours an escalation request may wait undecided before the managers are reminded of it, once: hours of business days (weekends and public holidays do not count), in the workspace time zone (1 to 720).',
  'settings.about.creditor_name': () => 'The creditor\'s legal name, as letters and the case file print it. A formal notice needs it.',
  'settings.about.creditor_address': () => 'The creditor\'s postal address on one line: `;` separates the lines of a letter (commas do too). A formal notice needs it.',
  'settings.about.creditor_company_id': () => 'SIREN, SIRET or VAT number; its check digits are verified. A formal notice needs it.',
  'settings.about.creditor_iban': () => 'The account debtors pay into, printed on letters; its check digits are verified. A formal notice needs it.',
  'settings.about.creditor_bic': () => 'The bank\'s BIC, printed next to the IBAN (optional).',
  'settings.about.creditor_signatory': () => 'Who signs letters: a name, and a title if wanted. A formal notice needs it.',
  'settings.about.notice_days': () => 'Calendar days a formal notice gives the debtor to pay (1 to 90); a deadline on a weekend or public holiday moves to the next business day.',
  'settings.about.calling_profile': () =>
    'Stricter rules for teams that want them: at most so many calls to a debtor per 7 days, and none within so many days after a conversation (a call someone answered). `off` by default. `3/7d 2d`, `3/week`, `max 3 per week, 2 days after a conversation`, `2d`.',
  'settings.about.mail_from': () => 'Who reminder e-mails come from: one address, with a name if wanted. No mail leaves until it is set.',
  'settings.about.mail_reply_to': () => 'Where debtors\' answers go. Default: the From address.',
  'settings.about.mail_signature': () => 'The signature closing every reminder e-mail: `;` separates its lines. Default: the creditor\'s name.',
  'settings.about.payment_link': () => 'A payment page debtors can use, printed in reminders: an https address whose {customer_ref}, {invoices}, {amount}, {currency} and {case} are filled from the ledger.',
  'settings.about.send_policy': () => 'Per stage, whether a drafted e-mail waits for a person\'s Send (approve, the default) or leaves by itself (auto). Collectors approve up to reminder_3; the copy of a formal notice needs a manager.',
  'settings.about.mail_hours': () => 'When reminder e-mails may reach debtors: in each debtor\'s own time zone, on business days. A mail approved outside them waits.',
  'settings.about.mail_rate': () => 'The most reminder e-mails this workspace sends a minute; the rest wait their turn.',
  'settings.value.policy.approve': () => 'approve',
  'settings.value.policy.auto': () => 'auto',
  'settings.value.perMinute': (p: { count: number }) => `${p.count} a minute`,
  'settings.about.ledger_max_age': () => 'How old the ledger may get (hours after the last import, intake API write or bank statement) before reminders wait: no mail leaves and the ladder drafts nothing for debtors until the next sync, then everything resumes by itself. `36h`, `2d`, or `off`.',
  'settings.value.maxAge': (p: { hours: number }) => (p.hours % 24 === 0 ? `${p.hours / 24} day${p.hours === 24 ? '' : 's'}` : `${p.hours} hour${p.hours === 1 ? '' : 's'}`) + ' after the last sync',
  'settings.value.maxAgeOff': () => 'off: reminders never wait for the ledger',
  'settings.follows.digest': (p: { channel: Mrkdwn }) => `the first channel given a digest, ${p.channel}`,
  'settings.follows.digestNone': () => 'the first channel given a digest (none yet)',
  'settings.follows.team': (p: { channel: Mrkdwn }) => `the team channel, ${p.channel}`,
  'settings.follows.teamNone': () => 'the team channel (none yet)',
  'settings.value.businessDays': (p: { days: number }) => `${p.days} business day${p.days === 1 ? '' : 's'}`,
  'settings.value.businessDayList': (p: { days: string; last: number }) => `${p.days} business day${p.last === 1 ? '' : 's'}`,
  'settings.value.timeRange': (p: { start: string; end: string }) => `${p.start}–${p.end}`,
  'settings.value.businessHours': (p: { hours: number }) => `${p.hours} business hour${p.hours === 1 ? '' : 's'}`,
  'settings.value.ladderStep': (p: { stage: string; day: string }) => `${p.stage} ${p.day}`,
  'settings.value.ladder': (p: { steps: string; off: string }) => `${p.steps}${p.off ? ` (off: ${p.off})` : ''}`,
  'settings.value.notSet': () => 'not set',
  'settings.value.calendarDays': (p: { days: number }) => `${p.days} day${p.days === 1 ? '' : 's'}`,
  'profile.off': () => 'off',
  'profile.cap': (p: { max: number }) => `at most ${p.max} call${p.max === 1 ? '' : 's'} per 7 days`,
  'profile.quiet': (p: { days: number }) => `none within ${p.days} day${p.days === 1 ? '' : 's'} after a conversation`,
  'settings.changed': (p: { key: string; value: Mrkdwn; before: Mrkdwn }) => `*${p.key}* is now ${p.value} (was ${p.before}).`,
  'settings.reset': (p: { key: string; value: Mrkdwn; before: Mrkdwn }) => `*${p.key}* is back to its default: ${p.value} (was ${p.before}).`,
  'settings.unchanged': (p: { key: string; value: Mrkdwn }) => `*${p.key}* already is ${p.value}; nothing changed.`,
  'settings.notInChannel': (p: { channel: Mrkdwn; example: string }) =>
    `I am not a member of ${p.channel}, so I could not post there; nothing was changed. Invite me with \`/invite @relance\` in that channel, then try again: \`${p.example}\``,
  'settings.channelNotFound': (p: { input: string; example: string }) =>
    `I cannot see the channel "${p.input}": it does not exist here, or it is private and I am not in it (invite me with \`/invite @relance\` there first). Nothing was changed. Example: \`${p.example}\``,
  'settings.archived': (p: { channel: Mrkdwn; example: string }) =>
    `${p.channel} is archived, so nothing can be posted there; nothing was changed. Pick a channel in use, e.g. \`${p.example}\``,

  // digest
  'digest.title': (p: { date: string }) => `Overdue digest — ${p.date}`,
  'digest.total': (p: { amount: string; change: string }) => `*Overdue:* ${p.amount}${p.change}`,
  'digest.changeUp': (p: { amount: string }) => ` (up ${p.amount} since the last digest)`,
  'digest.changeDown': (p: { amount: string }) => ` (down ${p.amount} since the last digest)`,
  'digest.changeNone': () => ' (unchanged since the last digest)',
  'digest.nothingOverdue': () => '*Overdue:* nothing. :tada:',
  'digest.aging': (p: { currency: string; soon: string; a1: string; a2: string; a3: string; a4: string }) =>
    `${p.currency} — due within 7 days: ${p.soon} · 1–30 d: ${p.a1} · 31–60 d: ${p.a2} · 61–90 d: ${p.a3} · 90+ d: ${p.a4}`,
  'digest.promisesDue': (p: { count: number }) => `*Promises due today:* ${p.count}`,
  'digest.promisesBroken': (p: { count: number }) => `*Promises broken since the last digest:* ${p.count}`,
  'digest.promiseLine': (p: { name: string; amount: string; by: Mrkdwn }) => `• ${p.name} — ${p.amount} (taken by ${p.by})`,
  'digest.callsToday': (p: { list: Mrkdwn }) => `*Calls scheduled today:* ${p.list}`,
  'digest.noCalls': () => '*Calls scheduled today:* none',
  'digest.unowned': (p: { count: number; names: string }) => `*Cases needing a call, with no owner:* ${p.count}${p.names ? ` — ${p.names}` : ''}`,
  'digest.approvals': (p: { count: number }) => `*Escalations awaiting approval:* ${p.count}`,
  'digest.threadHint': (p: { shown: number; total: number }) =>
    p.shown === 0 ? 'No case needs action today.' : `The ${p.shown} highest-priority cases of ${p.total} are in the thread: claim a call with the button or by reacting :raising_hand:.`,
  'digest.claimedBy': (p: { user: Mrkdwn }) => `:telephone_receiver: Call claimed by ${p.user}`,
  'digest.claimHint': () => 'React :raising_hand: or press *Claim call* to take this call.',
  'digest.notBusinessDay': (p: { date: string }) => `${p.date} is not a business day: no digest.`,

  // App Home
  'home.title': () => 'Your collections day',
  'home.calls': (p: { count: number }) => `*My calls today* (${p.count})`,
  'home.callsNone': () => 'No call due today. :sunny:',
  'home.callLine': (p: { name: string; time: string; amount: string }) => `*${p.name}* — due ${p.time}${p.amount ? ` — ${p.amount} overdue` : ''}`,
  'home.callLate': (p: { date: string; time: string }) => `${p.date} ${p.time} (late)`,
  'home.promises': (p: { count: number }) => `*My promises due* (${p.count})`,
  'home.promisesNone': () => 'No promise due today or past.',
  'home.promiseToday': (p: { name: string; amount: string }) => `*${p.name}* — ${p.amount} due today`,
  'home.promisePast': (p: { name: string; amount: string; date: string }) => `*${p.name}* — ${p.amount} was due ${p.date}, not yet kept`,
  'home.cases': (p: { count: number }) => `*My cases* (${p.count})`,
  'home.casesNone': () => 'You own no open case.',
  'home.caseLine': (p: { name: string; amount: string; status: string }) => `*${p.name}* — ${p.amount || 'nothing overdue'} · ${p.status}`,
  'home.more': (p: { shown: number; total: number }) => `Showing ${p.shown} of ${p.total}, the first ones first.`,
  'home.approvals': (p: { count: number }) => `*Approvals waiting for me* (${p.count})`,
  'home.approvalsNone': () => 'Nothing waits for your approval.',
  'home.approvalsSome': (p: { count: number }) => `${p.count} escalation(s) wait for a manager's decision.`,
  'home.updated': (p: { time: string }) =>
    `Updated at ${p.time}. It refreshes when you open this tab or act in relance; what others do shows at your next visit.`,
  'digest.unconfirmed.parent': (p: { day: string; date: string; channel: Mrkdwn; reason: Mrkdwn; command: string }) =>
    `:warning: relance could not confirm whether the digest for ${p.day} is already in ${p.channel} (${p.reason}), so it posted nothing more rather than post it twice. A manager: look in ${p.channel}. If that digest is not there, type \`${p.command} digest now confirm ${p.date}\` in ${p.channel} to post it. If it is there, copy its link (⋯ → Copy link) and type \`${p.command} digest now found &lt;link&gt;\`: relance then posts its case replies.`,
  'digest.unconfirmed.entry': (p: { day: string; date: string; channel: Mrkdwn; name: string; reason: Mrkdwn; command: string }) =>
    `:warning: relance could not confirm whether the reply for *${p.name}* is already in the thread of the digest for ${p.day} in ${p.channel} (${p.reason}), so it posted nothing more rather than post it twice. A manager: look in that thread. If that reply is not there, type \`${p.command} digest now confirm ${p.date}\` in ${p.channel} to post it and the replies after it. If it is there, copy its link (⋯ → Copy link) and type \`${p.command} digest now found &lt;link&gt;\`: relance then posts the replies after it.`,
  'digest.unsure.tooMany': (p: { count: number }) => `more than ${p.count} messages to read back`,
  'digest.unsure.refused': (p: { error: string }) => `Slack refused to read the channel: ${p.error}`,
  'digest.unsure.missingScope': () =>
    'relance may not read channel history yet (missing_scope): it was installed before it needed to. An admin must first reinstall the app from slack/manifest.json',
  'button.claimCall': () => 'Claim call',
  'button.logCall': () => 'Log call',

  // digest command
  'digestCmd.scheduled': (p: { time: string; zone: string; days: string; channel: Mrkdwn; command: string }) =>
    `The digest will be posted in ${p.channel} at *${p.time}* (${p.zone}) on ${p.days}, public holidays excepted. \`${p.command} digest off\` stops it.`,
  'digestCmd.off': (p: { channel: Mrkdwn }) => `No more digests in ${p.channel}.`,
  'digestCmd.offNone': (p: { channel: Mrkdwn }) => `${p.channel} had no digest scheduled; nothing changed.`,
  'digestCmd.status': (p: { time: string; zone: string; days: string; channel: Mrkdwn }) => `${p.channel} gets the digest at *${p.time}* (${p.zone}) on ${p.days}.`,
  'digestCmd.statusNone': (p: { channel: Mrkdwn; command: string }) => `${p.channel} has no digest. Schedule one with \`${p.command} digest schedule 09:00\`.`,
  'digestCmd.posting': (p: { channel: Mrkdwn }) => `Posting today's digest in ${p.channel}…`,
  'digestCmd.already': (p: { channel: Mrkdwn; date: string }) => `Today's digest (${p.date}) is already in ${p.channel}: there is at most one a day.`,
  'digestCmd.notInChannel': (p: { channel: Mrkdwn }) =>
    `I am not a member of ${p.channel}, so I cannot post there. Invite me with \`/invite @relance\` in that channel (private channels need an invitation), then try again.`,
  'digestCmd.channelNotFound': (p: { channel: Mrkdwn }) =>
    `I cannot see ${p.channel}. If it is a private channel, invite me first with \`/invite @relance\` in that channel, then try again.`,
  'digestCmd.previewNote': () => '_Preview: only you see this; nothing was posted._',
  'digestCmd.unconfirmed': (p: { day: string; channel: Mrkdwn; date: string; command: string }) =>
    `relance could not confirm whether the digest for ${p.day} is complete in ${p.channel}, and stopped rather than post anything twice (its notice says which message it could not check). Look in ${p.channel}: if that message is missing, \`${p.command} digest now confirm ${p.date}\` posts it and the rest; if it is there, copy its link (⋯ → Copy link) and type \`${p.command} digest now found &lt;link&gt;\` to have the rest posted. Until then \`digest now\` posts nothing here; scheduled digests go out as usual.`,
  'digestCmd.confirmed': (p: { day: string; channel: Mrkdwn }) => `Posting the digest for ${p.day} in ${p.channel}, from where it stopped, as you confirmed what was missing…`,
  'digestCmd.nothingUnconfirmed': (p: { channel: Mrkdwn; command: string }) =>
    `Nothing is waiting for confirmation in ${p.channel}: relance has not stopped on any digest there in the last 7 days. \`${p.command} digest now\` posts today's.`,
  'digestCmd.notUnconfirmed': (p: { day: string; channel: Mrkdwn }) => `The digest for ${p.day} in ${p.channel} is not waiting for confirmation; nothing changed.`,
  'digestCmd.foundParent': (p: { day: string; channel: Mrkdwn }) => `Noted: the digest for ${p.day} is in ${p.channel}. Posting its remaining case replies…`,
  'digestCmd.foundEntry': (p: { day: string; name: string; channel: Mrkdwn }) =>
    `Noted: the reply for *${p.name}* is in the thread of the digest for ${p.day} in ${p.channel}. Posting the replies after it…`,
  'digestCmd.notTheParent': (p: { day: string; channel: Mrkdwn }) =>
    `That link is not the digest for ${p.day} in ${p.channel}, the message relance could not confirm: copy the link of the digest's own message (⋯ → Copy link). Nothing changed.`,
  'digestCmd.notTheEntry': (p: { day: string; name: string; channel: Mrkdwn }) =>
    `That link is not the reply for *${p.name}* in the thread of the digest for ${p.day} in ${p.channel}, the message relance could not confirm: copy the link of that reply (⋯ → Copy link). Nothing changed.`,
  'digestCmd.linkUnreadable': (p: { error: string }) => `Slack did not let relance read that message (${p.error}), so nothing changed.`,
  'digestCmd.linkNoScope': () =>
    'relance may not read channel history yet (missing_scope): an admin must reinstall the app from slack/manifest.json, then try again. Nothing changed.',
  'digestCmd.notBusinessDay': (p: { day: string; next: string }) =>
    `${p.day} is not a business day: there is no digest that day. The next business day is ${p.next}.`,
  'day.1': () => 'Monday', 'day.2': () => 'Tuesday', 'day.3': () => 'Wednesday', 'day.4': () => 'Thursday',
  'day.5': () => 'Friday', 'day.6': () => 'Saturday', 'day.7': () => 'Sunday',
  'days.weekdays': () => 'weekdays',
  'days.daily': () => 'every day',

  // calls (digest buttons and reactions)
  'claim.done': (p: { name: string }) => `You have the call to *${p.name}*. It is on your list for today.`,
  'claim.already': (p: { name: string }) => `You already have the call to *${p.name}*.`,
  'claim.taken': (p: { name: string; user: Mrkdwn }) => `The call to *${p.name}* is already claimed by ${p.user}.`,
  'claim.released': (p: { name: string }) => `You released the call to *${p.name}*.`,
  'claim.notClaimed': (p: { name: string }) =>
    `The call to *${p.name}* is still yours: it was given to you, not claimed with :raising_hand:, so removing the reaction does not give it back. Ask a manager to reassign it.`,
  'claim.closed': () => 'This case is closed: there is no call to claim.',
  'claim.notFound': (p: { command: string }) =>
    `I can't find this case in this workspace, so nothing was done. Look it up with \`${p.command} case <name>\`.`,
  'interaction.badValue': (p: { input: string; command: string }) =>
    `This button carries "${p.input}", which is not a number relance put there, so it did nothing: it was not made by relance, or it is damaged. Open the case with \`${p.command} case <name>\` instead.`,
  'logCall.title': () => 'Log a call',
  'logCall.submit': () => 'Log call',
  'logCall.cancel': () => 'Cancel',
  'logCall.outcome': () => 'Outcome',
  'logCall.note': () => 'Note',
  'logCall.notePlaceholder': () => 'What was said (kept in the case file)',
  'logCall.done': (p: { name: string; outcome: string }) => `Call to *${p.name}* logged: ${p.outcome}.`,
  'logCall.pickOutcome': () => 'Pick an outcome.',
  'logCall.noteTooLong': (p: { length: number; max: number }) =>
    `The note is ${p.length} characters long; the most is ${p.max}. Shorten it, then log the call again.`,
  'logCall.badForm': (p: { input: string; command: string }) =>
    `This form is damaged ("${p.input}" does not name a case), so nothing was logged. Close it and press Log call on the digest again, or open the case with \`${p.command} case <name>\`.`,
  'logCall.noCase': (p: { command: string }) =>
    `This case is not in this workspace, so nothing was logged. Close the form and open the case with \`${p.command} case <name>\`.`,
  'logCall.failed': (p: { ref: string }) =>
    `Something went wrong on my side and nothing was logged. Press Log call again; if it persists, give your admin this reference: ${p.ref}.`,
  'outcome.reached': () => 'reached', 'outcome.no_answer': () => 'no answer', 'outcome.voicemail': () => 'voicemail',
  'outcome.wrong_number': () => 'wrong number', 'outcome.promised': () => 'promised to pay', 'outcome.disputed': () => 'disputed',
  'outcome.refused': () => 'refused to pay', 'outcome.paid': () => 'says it is paid',
  'activity.call_claimed': () => 'Call claimed',
  'activity.call_released': () => 'Call released',
  'activity.call_logged': (p: { outcome: string }) => `Call logged: ${p.outcome}`,
  'activity.call_scheduled': (p: { next: string }) => `Next call planned for ${p.next}`,
  'activity.call_assigned': (p: { date: string }) => `Call assigned for ${p.date}`,
  'callReminder.due': (p: { name: string; ref: string; date: string; time: string; zone: string }) =>
    `Time to call *${p.name}* (${p.ref}): due ${p.date} at ${p.time} (${p.zone}).`,
  'mail.refusedDm': (p: { name: string; ref: string; stage: string; address: string; response: string; command: string }) =>
    `The mail server refused the ${p.stage} e-mail to *${p.name}* (${p.ref}) for good: ${p.response}. No e-mail goes to ${p.address} any more; find the right address and update the customer, then approve the reminder again (\`${p.command} case ${p.ref}\`).`,
  'mail.gaveUpDm': (p: { name: string; ref: string; stage: string; attempts: number; response: string; command: string }) =>
    `The ${p.stage} e-mail to *${p.name}* (${p.ref}) could not be delivered after ${p.attempts} attempts (last answer: ${p.response}); relance stopped trying. Check the mail settings and the address (\`${p.command} case ${p.ref}\`).`,
  'help.assign.summary': () => 'Gives a case\'s call to someone (you by default) at a time, with a reminder by DM when it falls due.',
  'help.assign.details': () =>
    'Name the case, then optionally a person (`@jane`, managers only for someone else) and a day with an optional time (`friday 14:30`), read in that person\'s time zone. Without a day: their next working morning (`team hours`), moved to when the debtor may be called. The time must be in the debtor\'s calling window (`calling_window`, their own zone) and within the calling profile, if the team has one (`calling_profile`); outside the person\'s working hours it is only pointed out. A case has one open call: assigning again replaces it.',
  'assign.usage': (p: { command: string }) =>
    `Which case, and for whom? For example: \`${p.command} assign C-1042\`, \`${p.command} assign acme @jane friday 14:30\`.`,
  'assign.notFound': (p: { input: string; command: string }) =>
    `No open case matches "${p.input}". For example: \`${p.command} assign C-1042 tomorrow 10:00\`.`,
  'assign.noOpenCase': (p: { name: string }) => `*${p.name}* has no open case: there is nobody to call.`,
  'assign.managerOnly': (p: { user: Mrkdwn; example: string }) =>
    `Only a manager can give a call to someone else (${p.user}). Assign it to yourself: \`${p.example}\`.`,
  'assign.notOnTeam': (p: { user: Mrkdwn; example: string }) =>
    `${p.user} is not on the team, so they cannot take calls. Add them first, or pick a member: \`${p.example}\`.`,
  'assign.badUser': (p: { input: string; example: string }) =>
    `"${p.input}" is not a person: mention them with @. For example: \`${p.example}\`.`,
  'assign.past': (p: { input: string; date: string; time: string; example: string }) =>
    `"${p.input}" (${p.date} at ${p.time}) is in the past. For example: \`${p.example}\`.`,
  'assign.outsideWindow': (p: { input: string; local: string; zone: string; window: string; next: string; example: string }) =>
    `"${p.input}" is ${p.local} for the debtor (${p.zone}), outside their calling window (${p.window}, business days). The next allowed time is ${p.next}: \`${p.example}\`.`,
  'assign.assigned': (p: { name: string; user: Mrkdwn; date: string; time: string; zone: string }) =>
    `Call to *${p.name}* assigned to ${p.user} for ${p.date} at ${p.time} (${p.zone}). A reminder goes by DM when it is due.`,
  'assign.replaced': (p: { user: Mrkdwn }) => `The previous call (${p.user}) is cancelled.`,
  'assign.overCap': (p: { input: string; name: string; calls: number; max: number; next: string; nextDebtor: string; example: string }) =>
    `"${p.input}" would be one call too many to *${p.name}*: ${p.calls} already logged in the 7 days before it, and the calling profile allows ${p.max} per 7 days. The next allowed time is ${p.next}, ${p.nextDebtor} for the debtor: \`${p.example}\`.`,
  'assign.afterConversation': (p: { input: string; name: string; days: number; when: string; next: string; nextDebtor: string; example: string }) =>
    `"${p.input}" is within ${p.days} day${p.days === 1 ? '' : 's'} of the last conversation with *${p.name}* (${p.when}), which the calling profile does not allow. The next allowed time is ${p.next}, ${p.nextDebtor} for the debtor: \`${p.example}\`.`,
  'assign.noAllowedTime': (p: { name: string; profile: string }) =>
    `I found no time in the coming weeks when *${p.name}* may be called under the calling profile (${p.profile}). Nothing was assigned.`,
  'assign.movedByProfile': (p: { profile: string }) => `That is the first time the calling profile allows (${p.profile}).`,
  'assign.outsideHours': (p: { user: Mrkdwn; hours: string; zone: string }) =>
    `:warning: That is outside ${p.user}'s working hours (${p.hours}, ${p.zone}).`,
  'autoAssign.title': (p: { count: number; date: string }) => `Your calls for ${p.date}, given by relance (${p.count}):`,
  'autoAssign.line': (p: { name: string; ref: string; time: string }) => `• *${p.name}* (${p.ref}) at ${p.time}`,
  'autoAssign.lineOtherDay': (p: { name: string; ref: string; date: string; time: string }) => `• *${p.name}* (${p.ref}) on ${p.date} at ${p.time}`,
  'autoAssign.more': (p: { count: number }) => `…and ${p.count} more: they are all on your Home tab.`,
  'autoAssign.footer': (p: { command: string; zone: string }) =>
    `Times in ${p.zone}. Log each call with \`${p.command} log <case>\`; a manager can move one with \`${p.command} assign\`.`,
  'activity.phone_flagged_wrong': () => 'Phone number flagged wrong',
  'activity.payment_claimed': (p: { amount?: string }) =>
    `Says it has paid${p.amount ? ` ${p.amount}` : ''}: to be confirmed when the payment is imported or recorded`,
  'activity.escalation_suggested': () => 'Refused to pay: escalation suggested',
  // escalations and write-offs: requested by anyone on the team, decided by another manager
  'help.escalate.summary': () => 'Ask a manager for a formal notice, a hand-off to a collection agency, or legal action.',
  'help.escalate.details': () =>
    'Give the case, then `notice` (formal notice, _mise en demeure_), `agency` or `legal` (French: `mise en demeure`, `agence`, `judiciaire`), then the reason if you like. The request is posted in the managers\' channel (`managers_channel`; default: the team channel) with the case brief — balance, aging, reminders and calls so far, broken promises, disputes — and **Approve** / **Reject** buttons; the managers get a DM. A manager other than you decides (four eyes); you get a DM with the decision, and it goes to the case thread and the timeline. Approved: a notice moves the case to _formal notice sent_, agency and legal to _with agency_ / _legal action_ (its open calls are cancelled). A request waiting more than `escalation_nudge_hours` business hours is nudged once.',
  'help.writeoff.summary': () => 'Ask a manager to write a case off; once approved the case is closed as written off.',
  'help.writeoff.details': () =>
    'Give the case, then the reason (required: the approving manager reads it). The request is posted and decided as an escalation is. Approved: the case is written off, its open tasks and pending promises cancelled, and any other request on it closed.',
  'help.escalations.summary': () => 'The requests waiting for a decision, with Approve and Reject (managers).',
  'help.escalations.details': () =>
    'Oldest first, 8 to a page (`escalations 2` for the second). Your own requests show without buttons: another manager decides them. When the dunning ladder proposes many escalations at once they are not posted one by one: they are decided here.',
  'escalationKind.notice': () => 'formal notice',
  'escalationKind.agency': () => 'hand-off to a collection agency',
  'escalationKind.legal': () => 'legal action',
  'escalationKind.writeoff': () => 'write-off',
  'activity.escalation_requested': (p: { escalation: string }) => `Manager approval requested: ${p.escalation}`,
  'activity.escalation_approved': (p: { escalation: string }) => `Approved: ${p.escalation}`,
  'activity.escalation_rejected': (p: { escalation: string }) => `Rejected: ${p.escalation}`,
  'activity.escalation_cancelled': (p: { escalation: string }) => `Request for ${p.escalation} closed without a decision: the case moved on`,
  'escalation.title': (p: { kind: string; name: string; ref: string }) => `:scales: *Approval needed: ${p.kind}* — *${p.name}* (${p.ref})`,
  'escalation.text': (p: { kind: string; name: string; ref: string }) => `Approval needed: ${p.kind} for ${p.name} (${p.ref})`,
  'escalation.decidedText': (p: { kind: string; name: string; ref: string; decision: string }) => `${p.decision}: ${p.kind} for ${p.name} (${p.ref})`,
  'escalation.status.approved': () => 'Approved',
  'escalation.status.rejected': () => 'Rejected',
  'escalation.status.cancelled': () => 'Closed without a decision',
  'escalation.brief.balanceLabel': () => 'Overdue',
  'escalation.brief.balanceOpen': (p: { overdue: string; open: string }) => `${p.overdue} (${p.open} open in all)`,
  'escalation.brief.agingLabel': () => 'Oldest unpaid',
  'escalation.brief.aging': (p: { date: string; days: number }) => `due ${p.date}, ${p.days} day${p.days === 1 ? '' : 's'} overdue`,
  'escalation.brief.statusLabel': () => 'Status',
  'escalation.brief.remindersLabel': () => 'Reminders',
  'escalation.brief.reminders': (p: { count: number; last: string }) =>
    p.count === 0 ? 'none drafted yet' : `${p.count} drafted${p.last ? `, the last on ${p.last}` : ''}`,
  'escalation.brief.callsLabel': () => 'Calls',
  'escalation.brief.calls': (p: { count: number; last: string }) =>
    p.count === 0 ? 'none logged' : `${p.count} logged${p.last ? `; ${p.last}` : ''}`,
  'escalation.brief.lastCall': (p: { outcome: string; date: string }) => `last: ${p.outcome} on ${p.date}`,
  'escalation.brief.promisesLabel': () => 'Broken promises',
  'escalation.brief.brokenPromises': (p: { count: number }) => (p.count === 0 ? 'none' : String(p.count)),
  'escalation.brief.disputesLabel': () => 'Disputes',
  'escalation.brief.disputes': (p: { count: number }) => (p.count === 0 ? 'none' : `${p.count} (paused for a dispute)`),
  'escalation.brief.nothing': () => 'nothing',
  // The case brief's narrative (src/i18n/case-brief.ts): written by the model, or these rules.
  'caseBrief.label.ai': () => 'Brief (AI)',
  'caseBrief.label.rules': () => 'Brief',
  'caseBrief.noReminder': () => 'no reminder yet',
  'caseBrief.reminders': (p: { count: number; sent: number; last: string }) =>
    `${p.count} reminder${p.count === 1 ? '' : 's'}${p.sent > 0 ? ` (${p.sent} e-mailed)` : ''}, last on ${p.last}`,
  'caseBrief.noCall': () => 'no call logged',
  'caseBrief.calls': (p: { count: number; reached: number; outcome: string; last: string }) =>
    `${p.count} call${p.count === 1 ? '' : 's'}, ${p.reached} reached (last: ${p.outcome} on ${p.last})`,
  'caseBrief.broken': (p: { count: number; amount: string; date: string }) =>
    `${p.count} promise${p.count === 1 ? '' : 's'} broken (${p.count === 1 ? '' : 'latest: '}${p.amount} due ${p.date})`,
  'caseBrief.pending': (p: { amount: string; date: string }) => `a promise of ${p.amount} due ${p.date} still open`,
  'caseBrief.disputed': (p: { reasons: string }) => `disputed: ${p.reasons}`,
  'caseBrief.planBroken': () => 'a payment plan broken',
  'caseBrief.lastPayment': (p: { amount: string; date: string }) => `last payment ${p.amount} on ${p.date}`,
  'caseBrief.noPayment': () => 'no payment received',
  'escalation.reason': (p: { reason: Mrkdwn }) => `*Reason:*\n${p.reason}`,
  'escalation.noReason': () => '_No reason given._',
  'escalation.requestedBy': (p: { user: Mrkdwn; date: string }) => `Requested by ${p.user} on ${p.date}`,
  'escalation.proposedByLadder': (p: { date: string }) => `Proposed by the dunning ladder on ${p.date}`,
  'escalation.routesHint': () => 'The ladder proposes a hand-off: approve it to a collection agency or to legal action.',
  'escalation.legal.title': () => '*Legal route*',
  'escalation.legal.smallClaims': (p: { claim: string }) =>
    `Claim (principal and interest): ${p.claim}, within €5,000: the simplified small-claims procedure through a commissaire de justice (CPCE L125-1; the debtor has one month, an agreement becomes enforceable), or an injonction de payer.`,
  'escalation.legal.above': (p: { claim: string }) =>
    `Claim (principal and interest): ${p.claim}, above €5,000: an injonction de payer (CPC 1405 ff., no prior amicable attempt needed).`,
  'escalation.legal.notEuros': (p: { claim: string }) =>
    `Claim (principal and interest): ${p.claim}. The €5,000 ceiling of the small-claims procedure is in euros: convert to check it; above it, an injonction de payer.`,
  'escalation.legal.commercial': () =>
    'Court of an injonction de payer: the tribunal de commerce of the debtor\'s seat (a tribunal des activités économiques in the twelve pilot courts).',
  'escalation.legal.judicial': () => 'Court of an injonction de payer: the tribunal judiciaire (the debtor is a consumer).',
  'escalation.noConsumerFees': () =>
    'No collection fee is claimed from this consumer: recovery costs without a court title stay with the creditor (CPCE L111-8).',
  'escalation.fourEyes': () => 'Any manager but the requester may decide. Discuss it in this thread.',
  'escalation.approve': () => 'Approve',
  'escalation.approveRoute': (p: { kind: string }) => `Approve: ${p.kind}`,
  'escalation.reject': () => 'Reject',
  'escalation.nobody': () => 'relance',
  'escalation.approvedLine': (p: { kind: string; user: Mrkdwn; date: string }) => `:white_check_mark: *Approved* (${p.kind}) by ${p.user} on ${p.date}`,
  'escalation.rejectedLine': (p: { user: Mrkdwn; date: string; reason: Mrkdwn }) => `:x: *Rejected* by ${p.user} on ${p.date}:\n${p.reason}`,
  'escalation.cancelledLine': (p: { date: string }) => `:heavy_minus_sign: *Closed without a decision* on ${p.date}: the case moved on (paid, written off, or escalated further).`,
  'escalation.dm.teamChannel': () => 'the team channel',
  'escalation.dm.request': (p: { user: Mrkdwn; kind: string; name: string; ref: string; where: Mrkdwn; command: string }) =>
    `${p.user} asks for a ${p.kind} on *${p.name}* (${p.ref}). It waits for a manager's decision in ${p.where}, or with \`${p.command} escalations\`.`,
  'escalation.dm.proposal': (p: { kind: string; name: string; ref: string; where: Mrkdwn; command: string }) =>
    `The dunning ladder proposes a ${p.kind} for *${p.name}* (${p.ref}). It waits for a manager's decision in ${p.where}, or with \`${p.command} escalations\`.`,
  'escalation.dm.burst': (p: { count: number; command: string }) =>
    `The dunning ladder proposes ${p.count} escalations at once. They wait for a manager's decision: \`${p.command} escalations\`.`,
  'escalation.dm.approved': (p: { kind: string; name: string; ref: string; user: Mrkdwn; command: string }) =>
    `Your request for a ${p.kind} on *${p.name}* (${p.ref}) was approved by ${p.user}. \`${p.command} case ${p.ref}\``,
  'escalation.dm.rejected': (p: { kind: string; name: string; ref: string; user: Mrkdwn; command: string; reason: Mrkdwn }) =>
    `Your request for a ${p.kind} on *${p.name}* (${p.ref}) was rejected by ${p.user}:\n${p.reason}`,
  'escalation.nudge': (p: { managers: Mrkdwn; hours: number }) =>
    `${p.managers.text ? `${p.managers} ` : ''}:hourglass: This request has waited more than ${p.hours} business hour${p.hours === 1 ? '' : 's'} for a decision.`,
  'escalation.nudgeList': (p: { managers: Mrkdwn; count: number; hours: number; command: string }) =>
    `${p.managers.text ? `${p.managers} ` : ''}:hourglass: ${p.count} escalation${p.count === 1 ? ' has' : 's have'} waited more than ${p.hours} business hour${p.hours === 1 ? '' : 's'} for a decision: \`${p.command} escalations\``,
  'escalation.decide.managersOnly': (p: { role: string }) =>
    `Only a manager can approve or reject an escalation, and you are a ${p.role}. Nothing changed.`,
  'escalation.decide.approved': (p: { kind: string; name: string; status: string }) =>
    `Approved: ${p.kind} for *${p.name}*. The case is now *${p.status}*; the requester is told, and it is in the case thread.`,
  'escalation.decide.rejected': (p: { kind: string; name: string }) =>
    `Rejected: ${p.kind} for *${p.name}*. The requester is told why, and it is in the case thread.`,
  'escalation.decide.notFound': (p: { command: string }) =>
    `This request is not in this workspace, so nothing changed. See what waits with \`${p.command} escalations\`.`,
  'escalation.decide.own': (p: { kind: string; name: string }) =>
    `You asked for this ${p.kind} on *${p.name}* yourself: another manager decides (four eyes). Nothing changed.`,
  'escalation.decide.caseClosed': (p: { name: string }) =>
    `*${p.name}* has no open case any more (paid or written off), so the request is closed without a decision.`,
  'escalation.decide.alreadyApproved': (p: { kind: string; name: string; user: Mrkdwn; date: string }) =>
    `This ${p.kind} for *${p.name}* was already approved by ${p.user} on ${p.date}. Nothing changed.`,
  'escalation.decide.alreadyRejected': (p: { kind: string; name: string; user: Mrkdwn; date: string }) =>
    `This ${p.kind} for *${p.name}* was already rejected by ${p.user} on ${p.date}. Nothing changed.`,
  'escalation.decide.alreadyClosed': (p: { name: string; date: string }) =>
    `This request for *${p.name}* was closed without a decision on ${p.date}: the case moved on. Nothing changed.`,
  'rejectForm.title': () => 'Reject request',
  'rejectForm.submit': () => 'Reject',
  'rejectForm.cancel': () => 'Cancel',
  'rejectForm.intro': (p: { kind: string; name: string; ref: string }) =>
    `Reject the ${p.kind} for *${p.name}* (${p.ref})? The requester gets your reason by DM, and it goes to the case file.`,
  'rejectForm.reason': () => 'Why not?',
  'rejectForm.placeholder': () => 'e.g. they paid half yesterday: give them two more weeks',
  'rejectForm.needReason': () => 'Say why: the requester reads it, and it goes to the case file.',
  'rejectForm.tooLong': (p: { length: number; max: number }) => `The reason is ${p.length} characters long; the most is ${p.max}. Shorten it.`,
  'rejectForm.staleTrigger': () => 'Slack did not let the form open in time (it allows 3 seconds). Press *Reject* again.',
  'rejectForm.badForm': (p: { input: string; command: string }) =>
    `This form is damaged ("${p.input}" does not name a request), so nothing was rejected. Close it and use \`${p.command} escalations\`.`,
  'rejectForm.failed': (p: { ref: string }) =>
    `Something went wrong on my side and nothing was rejected. Try again; if it persists, give your admin this reference: ${p.ref}.`,
  'escalations.title': (p: { count: number }) => `Escalations waiting for a decision (${p.count})`,
  'escalations.none': () => 'Nothing waits for a decision. :tada:',
  'escalations.byLadder': () => 'the dunning ladder',
  'escalations.row': (p: { kind: string; name: string; ref: string; overdue: string; days: number; who: Mrkdwn; date: string }) =>
    `*${p.kind}* — *${p.name}* (${p.ref}) · ${p.overdue} overdue · ${p.days} days · asked by ${p.who} on ${p.date}`,
  'escalations.own': () => 'Your own request: another manager decides.',
  'escalations.page': (p: { page: number; pages: number; next: number; command: string }) =>
    `Page ${p.page} of ${p.pages}. Next: \`${p.command} escalations ${p.next}\``,
  'escalations.lastPage': (p: { page: number; pages: number }) => `Page ${p.page} of ${p.pages}.`,
  'escalations.next': () => 'Next page',
  'escalations.badPage': (p: { input: string; command: string }) =>
    `"${p.input}" is not a page number. Example: \`${p.command} escalations 2\``,
  'escalate.usage': (p: { command: string }) =>
    `Which case, and which escalation? E.g. \`${p.command} escalate acme notice no answer to three reminders\` (notice, agency or legal; the reason is optional).`,
  'escalate.notFound': (p: { input: string; command: string }) =>
    `No case matches "${p.input}", so nothing was requested. Use a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} escalate ACME notice\`.`,
  'escalate.closed': (p: { name: string }) => `*${p.name}* has no open case (nothing is overdue), so there is nothing to escalate.`,
  'escalate.noCase': (p: { command: string }) =>
    `This case is closed or no longer in this workspace, so nothing was requested. Look it up with \`${p.command} case <name>\`.`,
  'escalate.missingKind': (p: { name: string; example: string }) =>
    `Which escalation for *${p.name}*: notice (formal notice), agency or legal? Example: \`${p.example}\``,
  'escalate.unknownKind': (p: { input: string; example: string }) =>
    `"${p.input}" is not an escalation: use notice (formal notice), agency or legal. Nothing was requested. Example: \`${p.example}\``,
  'escalate.reasonTooLong': (p: { length: number; max: number; example: string }) =>
    `The reason is ${p.length} characters long; the most is ${p.max}. Nothing was requested. Example: \`${p.example}\``,
  'escalate.already': (p: { name: string; status: string }) =>
    `*${p.name}* is already there or further (${p.status}), so nothing was requested.`,
  'escalate.pending': (p: { kind: string; name: string; user: Mrkdwn; date: string; command: string }) =>
    `A ${p.kind} for *${p.name}* already waits for a manager (asked by ${p.user} on ${p.date}), so nothing new was requested. Managers see it with \`${p.command} escalations\`.`,
  'escalate.noChannel': (p: { command: string }) =>
    `the team channel as soon as there is one (an admin sets it with \`${p.command} settings set channel #collections\`)`,
  'escalate.requested': (p: { kind: string; name: string; ref: string; where: Mrkdwn; managers: number }) =>
    `Request sent: ${p.kind} for *${p.name}* (${p.ref}), posted in ${p.where}${p.managers > 0 ? ` and sent by DM to ${p.managers} manager${p.managers === 1 ? '' : 's'}` : ''}. A manager other than you decides; you will get a DM with the decision.`,
  'writeoff.usage': (p: { command: string }) =>
    `Which case, and why? E.g. \`${p.command} writeoff acme company liquidated, claim filed\`.`,
  'writeoff.notFound': (p: { input: string; command: string }) =>
    `No case matches "${p.input}", so nothing was requested. Use a customer reference, an invoice number or the start of a customer name, e.g. \`${p.command} writeoff ACME company liquidated\`.`,
  'writeoff.closed': (p: { name: string }) => `*${p.name}* has no open case (nothing is overdue), so there is nothing to write off.`,
  'writeoff.missingReason': (p: { name: string; example: string }) =>
    `Why write *${p.name}* off? The reason is required: the approving manager reads it. Nothing was requested. Example: \`${p.example}\``,
  // logging calls: /collect log and the log-call form
  'help.log.summary': () => 'Log a call: how it went, and what follows (a promise, the next attempt, a pause for a dispute…).',
  'help.log.details': () =>
    'Give the case, then the outcome: `reached`, `no answer`, `voicemail`, `wrong number`, `promised <amount> <date>`, `disputed <price|quality|not delivered|already paid|other>`, `refused`, `paid [amount]` (French words work too: `pas de réponse`, `répondeur`, `faux numéro`, `promis`, `litige`, `refus`, `payé`, `joint`). Words after that are the note. A name of several words goes in quotes, or is read as the longest start that names one customer. Free text without an outcome first (`log acme said he will pay half on friday`) is read (by AI when a key is set, else by rules) and shown with *Confirm*, *Edit* and *Cancel*: nothing is logged before you confirm. An outcome without what it needs, or the case alone, opens the log-call form. No answer and voicemail schedule the next call after the back-off (`call_backoff_days`), at the start of the calling window in the debtor\'s time zone; a dispute pauses the case for 30 days or until the follow-up date; a payment the debtor claims is noted for finance to confirm; a refusal suggests escalation. After a formal notice: `letter-sent [tracking no.]` records its sending today, `letter-received <date>` the day the acknowledgement of receipt was signed (French: `lettre envoyée`, `LR envoyée`, `AR reçu`, `lettre reçue`); on a case with an agency or in court, `recovered <amount> [note]` (`récupéré`, `encaissé par l\'agence`) records the money recovered as a payment on the oldest invoices first.',
  'log.usage': (p: { command: string }) =>
    `Which case, and how did the call go? E.g. \`${p.command} log acme no answer\`, or \`${p.command} log acme\` for the form.`,
  'log.notFound': (p: { input: string; command: string }) =>
    `No case matches "${p.input}", so nothing was logged. Use a customer reference, an invoice number or the start of a customer name; a name of several words goes in quotes, e.g. \`${p.command} log "boulangerie martin" no answer\`.`,
  'log.refused': (p: { input: string; reason: string; example: string }) =>
    `"${p.input}": ${p.reason} Nothing was logged. Example: \`${p.example}\``,
  // after the formal notice: /collect log <case> letter-sent | letter-received | recovered
  'notice.sentRecorded': (p: { name: string; tracking: string; deadline: string }) =>
    `Formal notice to *${p.name}* recorded as sent today${p.tracking ? ` (tracking no. ${p.tracking})` : ''}. It gives until ${p.deadline} to pay; after that, the ladder proposes the agency or the court.`,
  'notice.receivedRecorded': (p: { name: string; date: string }) =>
    `Acknowledgement of receipt recorded: *${p.name}* received the formal notice on ${p.date}.`,
  'notice.noCase': (p: { name: string }) => `*${p.name}* has no open case, so there is no formal notice to record. Nothing was written.`,
  'notice.noLetter': (p: { name: string; command: string; ref: string }) =>
    `*${p.name}* has no formal notice yet, so there is nothing to record as sent or received. Nothing was written. A notice comes from an approved request: \`${p.command} escalate ${p.ref} notice\`.`,
  'notice.alreadySent': (p: { name: string; date: string; tracking: string }) =>
    `The formal notice to *${p.name}* was already recorded as sent on ${p.date}${p.tracking ? ` (tracking no. ${p.tracking})` : ''}. A recorded sending is evidence and is not changed: nothing was written.`,
  'notice.alreadyReceived': (p: { name: string; date: string }) =>
    `The receipt of the formal notice to *${p.name}* was already recorded, on ${p.date}. A recorded receipt is evidence and is not changed: nothing was written.`,
  'notice.beforeSending': (p: { input: string; name: string; date: string; example: string }) =>
    `"${p.input}" is before the formal notice to *${p.name}* was sent (${p.date}): give the day the receipt was signed. Nothing was written. Example: \`${p.example}\``,
  'notice.beforeMade': (p: { input: string; name: string; date: string; example: string }) =>
    `"${p.input}" is before the formal notice to *${p.name}* was even made (${p.date}): give the day the receipt was signed. Nothing was written. Example: \`${p.example}\``,
  'recovered.recorded': (p: { name: string; amount: string; invoices: string; left: string }) =>
    `Recovered from *${p.name}*: ${p.amount}, recorded as a payment on ${p.invoices}. Still owed: ${p.left}.`,
  'recovered.resolved': (p: { name: string; amount: string; invoices: string }) =>
    `Recovered from *${p.name}*: ${p.amount}, recorded as a payment on ${p.invoices}. Nothing is overdue any more: the case is resolved.`,
  'recovered.notHandedOff': (p: { name: string; status: string; command: string; ref: string }) =>
    `*${p.name}* is not with an agency or in court (${p.status}), so nothing was recorded. A payment the debtor made comes with the payments import; a payment they claim: \`${p.command} log ${p.ref} paid 300\`.`,
  'recovered.nothingOwed': (p: { name: string; currency: string }) =>
    `*${p.name}* owes nothing in ${p.currency}, so nothing was recorded.`,
  'recovered.moreThanBalance': (p: { input: string; name: string; balance: string; example: string }) =>
    `"${p.input}" is more than *${p.name}* owes (${p.balance}), so nothing was recorded. Example: \`${p.example}\``,
  'logCall.loading': () => 'Opening the case…',
  'logCall.close': () => 'Close',
  'logCall.amount': () => 'Amount',
  'logCall.amountHint': () =>
    'Promised to pay: the amount promised (needed). Says it is paid: what they say they paid, if they said. Without a currency, it is the one the case owes.',
  'logCall.amountPlaceholder': () => 'e.g. 1,200.50 or 500 EUR',
  'logCall.promiseDate': () => 'Promised payment date',
  'logCall.promiseDateHint': () => 'Needed when they promised to pay: the day they will pay by.',
  'logCall.dispute': () => 'Dispute reason',
  'logCall.disputeHint': () => 'Needed when they dispute: what the dispute is about.',
  'logCall.nextDate': () => 'Next follow-up',
  'logCall.nextDateHint': (p: { days: string }) =>
    `A call that day. Left empty after no answer or a voicemail, the next call comes by itself after ${p.days} business days, attempt after attempt. For a dispute, the case is paused until that day (30 days if left empty).`,
  'logCall.phoneWrong': (p: { date: string }) => `:warning: The phone number was flagged wrong on ${p.date}.`,
  'logCall.needAmount': () => 'How much did they promise? E.g. 500 or 1,200.50 EUR.',
  'logCall.needPromiseDate': () => 'By when will they pay?',
  'logCall.needDispute': () => 'What is the dispute about?',
  'logCall.pastDate': (p: { date: string; today: string }) => `${p.date} is in the past (today is ${p.today}): pick today or a later day.`,
  'logCall.pastPromise': (p: { today: string }) => `The promised date is in the past (today is ${p.today}): pick today or a later day.`,
  'logCall.pauseNotAfterToday': (p: { today: string }) => `A dispute pauses the case until this day, which must come after today (${p.today}).`,
  'logCall.notPositive': () => 'The amount must be more than zero.',
  'logCall.nothingOverdue': () => 'Nothing is overdue on this case today, so there is no promise to record.',
  'logCall.whichCurrency': (p: { currencies: string; example: string }) =>
    `Write the amount in a currency this case owes overdue (${p.currencies}), e.g. ${p.example}.`,
  'logCall.tooLarge': (p: { balance: string }) => `That is more than the ${p.balance} overdue: a promise covers at most what is overdue.`,
  'logCall.closedCase': (p: { name: string }) => `*${p.name}* has no open case (nothing is overdue), so there is no call to log.`,
  'logCall.closedCaseShort': () => 'This case is closed (nothing is overdue), so nothing was logged.',
  'logCall.staleTrigger': () => 'Slack did not let the form open in time (it allows 3 seconds). Press *Log call* again.',
  'logCall.staleTriggerCommand': (p: { name: string }) =>
    `Slack did not let the form open in time (it allows 3 seconds). Press the button to log the call to *${p.name}*.`,
  'logCall.formOpened': (p: { name: string }) => `Log the call to *${p.name}* in the form.`,
  'logCall.promised': (p: { amount: string; date: string }) => `Promise recorded: *${p.amount}* by *${p.date}*.`,
  'logCall.paused': (p: { until: string; dispute: string }) =>
    `The case is paused until *${p.until}* (dispute: ${p.dispute}): no reminders and no calls until then.`,
  'logCall.phoneFlagged': () => 'The phone number is now flagged wrong on the case card: find another one before the next call.',
  'logCall.paymentClaimed': (p: { amount: string }) =>
    `Noted as a payment they say they made${p.amount ? ` (${p.amount})` : ''}. The balance does not change until the payment is imported or recorded: ask finance to confirm it.`,
  'logCall.escalate': (p: { command: string; ref: string }) =>
    `They refuse to pay: escalation is the next step. Ask a manager for a formal notice with \`${p.command} escalate ${p.ref} notice\`.`,
  'logCall.nextCall': (p: { date: string; time: string; zone: string }) => `Next call: ${p.date} at ${p.time} (${p.zone}), on your list.`,

  // a free-text call note read (by AI or rules) and shown for confirmation (src/slack/note-confirmation.ts)
  'noteReading.heading': (p: { name: string }) => `What I read in your note on the call to *${p.name}*:`,
  'noteReading.outcome': () => 'Outcome',
  'noteReading.amount': () => 'Amount',
  'noteReading.date': () => 'Date',
  'noteReading.plan': () => 'Plan',
  'noteReading.nextStep': () => 'Next step',
  'noteReading.dispute': () => 'Dispute',
  'noteReading.nothing': () => '—',
  'noteReading.planValue': (p: { count: number; every: string }) => `${p.count} instalments, every ${p.every}`,
  'noteReading.every.week': () => 'week',
  'noteReading.every.fortnight': () => '2 weeks',
  'noteReading.every.month': () => 'month',
  'noteReading.callBack': (p: { date: string }) => `call back on ${p.date}`,
  'noteReading.escalate': () => 'escalate (formal notice or agency)',
  'noteReading.noNextStep': () => 'none',
  'noteReading.yourNote': () => 'Your note:',
  'noteReading.byAi': () => 'Read by AI: check it before you confirm.',
  'noteReading.byRules': (p: { why: string }) => `Read by rules (${p.why}).`,
  'noteReading.why.no_key': () => 'no AI key is set',
  'noteReading.why.timeout': () => 'the AI did not answer in time',
  'noteReading.why.http_error': () => 'the AI service did not answer',
  'noteReading.why.invalid_output': () => 'the AI answer was unusable',
  'noteReading.dropped': (p: { fields: string }) => `Left empty because your note does not say it: ${p.fields}.`,
  'noteReading.summary': (p: { summary: string }) => `Summary: ${p.summary}`,
  'noteReading.missing': (p: { fields: string }) => `Missing before it can be logged: ${p.fields}. Press *Edit* to fill it in.`,
  'noteReading.missing.outcome': () => 'the outcome',
  'noteReading.missing.amount': () => 'the promised amount',
  'noteReading.missing.date': () => 'the promised date',
  'noteReading.missing.dispute': () => 'what the dispute is about',
  'noteReading.planHint': (p: { command: string }) => `Logging the call does not set up instalments: use \`${p.command} plan\` once it is logged.`,
  'noteReading.button.confirm': () => 'Confirm',
  'noteReading.button.edit': () => 'Edit',
  'noteReading.button.cancel': () => 'Cancel',
  'noteReading.gone': (p: { command: string }) =>
    `This reading is no longer waiting (it was logged, cancelled, or is more than a day old): nothing was logged. Log the call again with \`${p.command} log\`.`,
  'noteReading.cancelled': () => 'Cancelled: nothing was logged.',
  'noteReading.alreadyLogged': () => 'This call was already logged from its note.',
  'noteReading.fixWithEdit': () => 'Nothing was logged: press *Edit* on the reading to correct it.',

  // reminder e-mails in Slack: the draft in its case thread (Send, Edit, Skip), the review modal, the case file
  'reminder.button.send': () => 'Send',
  'reminder.button.edit': () => 'Edit',
  'reminder.button.skip': () => 'Skip',
  'reminder.whoApproves.team': () => 'Nothing leaves before a collector or a manager presses *Send*; *Edit* changes the text, *Skip* sends nothing.',
  'reminder.whoApproves.manager': () => 'The copy of the formal notice needs a *manager*: nothing leaves before one presses *Send*.',
  'reminder.auto': () => 'Send policy *auto* for this step: it leaves by itself within the debtor\'s business hours.',
  'reminder.editedBy': (p: { user: Mrkdwn }) => `Text edited by ${p.user}.`,
  'reminder.wordedByAi': () => 'Worded by AI around the template\'s figures: check it before sending.',
  'reminder.state.approved': (p: { user: Mrkdwn; time: string }) => `:white_check_mark: Approved by ${p.user} · leaves ${p.time} (debtor's business hours)`,
  'reminder.state.approvedPolicy': (p: { time: string }) => `:white_check_mark: Approved by the send policy · leaves ${p.time} (debtor's business hours)`,
  'reminder.state.outbox': (p: { user: Mrkdwn }) => `:white_check_mark: Approved by ${p.user} · saved to the outbox (SMTP_URL not set: nothing leaves this machine)`,
  'reminder.state.skipped': (p: { user: Mrkdwn; reason: string }) => `:fast_forward: Skipped by ${p.user}, nothing sent: ${p.reason}`,
  'reminder.state.cancelled': () => ':no_entry_sign: Cancelled before it left: nothing was sent.',
  'reminder.state.cancelledPaid': () => ':no_entry_sign: Cancelled before it left: its invoices have been paid. Nothing was sent.',
  'reminder.state.noAddress': () => ':warning: No usable e-mail address: nothing was sent, a task went to the case owner.',
  'reminder.notFound': () => 'This reminder draft is not in relance any more. Nothing changed.',
  'reminder.needsManager': (p: { role: string }) =>
    `The copy of the formal notice needs a *manager*, and you are a ${p.role}: ask a manager to send, edit or skip it. Nothing changed.`,
  'reminder.notWaiting': (p: { state: Mrkdwn }) => `This reminder is no longer waiting (${p.state}). Nothing changed.`,
  'reminder.noSender': (p: { command: string }) =>
    `Nothing can leave yet: the workspace has no sender address. An admin sets it with \`${p.command} settings set mail_from Acme <ar@acme.fr>\`. Nothing was sent.`,
  'reminder.noAddress': (p: { name: string }) => `*${p.name}* has no usable e-mail address: nothing was sent, and a task went to the case owner to find one.`,
  'reminder.tooLongToEdit': (p: { length: number; max: number }) =>
    `This text is ${p.length} characters long and a Slack form edits at most ${p.max}: it cannot be edited here. Send it as it is, or skip it and write to the customer yourself. Nothing changed.`,
  'reminder.staleTrigger': () => 'Slack did not let the form open in time (it allows 3 seconds). Press the button again.',
  'reminder.badForm': (p: { input: string; command: string }) =>
    `This form came back damaged ("${p.input}"), so nothing changed. Press the button on the reminder again, or see the case with \`${p.command} case\`.`,
  'reminder.failed': (p: { ref: string }) => `Something went wrong on my side and nothing was changed. Please try again; if it persists, give your admin this reference: ${p.ref}.`,
  'reminderEdit.title': () => 'Edit the reminder',
  'reminderEdit.save': () => 'Save',
  'reminderEdit.cancel': () => 'Cancel',
  'reminderEdit.intro': (p: { name: string; stage: string }) =>
    `The *${p.stage}* to *${p.name}*. Reword it freely, but keep the amounts and invoice numbers as printed: they come from the ledger, and relance checks them.`,
  'reminderEdit.subject': () => 'Subject',
  'reminderEdit.body': () => 'Text',
  'reminderEdit.emptySubject': () => 'Write a subject: it is the first thing the debtor reads.',
  'reminderEdit.subjectTooLong': (p: { length: number; max: number }) => `The subject is ${p.length} characters long; keep it within ${p.max}.`,
  'reminderEdit.emptyBody': () => 'Write the text of the reminder.',
  'reminderEdit.bodyTooLong': (p: { length: number; max: number }) => `The text is ${p.length} characters long; keep it within ${p.max}.`,
  'reminderEdit.missing': (p: { missing: string; example: string }) =>
    `The text no longer has ${p.missing}. The figures and invoice numbers come from the ledger: keep each as printed, for example "${p.example}".`,
  'reminderSkip.title': () => 'Skip the reminder',
  'reminderSkip.submit': () => 'Skip it',
  'reminderSkip.intro': (p: { name: string; stage: string }) => `Skip the *${p.stage}* to *${p.name}*? Nothing is sent; your reason goes to the case file.`,
  'reminderSkip.reason': () => 'Why?',
  'reminderSkip.needReason': () => 'Say why: it goes to the case file.',
  'reminderSkip.tooLong': (p: { length: number; max: number }) => `That is ${p.length} characters; keep the reason within ${p.max}.`,
  'review.title': () => 'Reminders to send',
  'review.submit': (p: { count: number }) => `Send these ${p.count}`,
  'review.close': () => 'Close',
  'review.covers': (p: { count: number; list: Mrkdwn }) => `*These ${p.count} reminder${p.count === 1 ? '' : 's'}:* ${p.list}`,
  'review.coversItem': (p: { name: string; stage: string }) => `${p.name} (${p.stage})`,
  'review.item': (p: { name: string; stage: string; total: string; invoices: string; subject: string }) =>
    `*${p.name}* · ${p.stage} · ${p.total} · ${p.invoices}\n_${p.subject}_`,
  'review.page': (p: { page: number; pages: number; total: number }) => `Page ${p.page} of ${p.pages} · ${p.total} waiting, oldest first. *Send these* approves exactly the reminders of this page.`,
  'review.previous': () => 'Previous',
  'review.next': () => 'Next',
  'review.none': () => 'No reminders are waiting for your approval.',
  'review.managersOnly': () => 'Copies of formal notices need a manager: they are not in your list.',
  'review.outbox': () => 'SMTP_URL is not set: approved mails are saved to the outbox and nothing leaves this machine.',
  'review.result': (p: { approved: number; gone: number; noAddress: number; refused: number }) =>
    `:white_check_mark: ${p.approved} approved: each leaves within its debtor's business hours.${p.gone ? ` ${p.gone} ${p.gone === 1 ? 'was' : 'were'} no longer waiting (sent, skipped or edited by someone else meanwhile).` : ''}${p.noAddress ? ` ${p.noAddress} had no usable e-mail address: a task went to each case owner.` : ''}${p.refused ? ` ${p.refused} need${p.refused === 1 ? 's' : ''} a manager.` : ''}`,
  'digest.remindersWaiting': (p: { count: number }) => `*Reminders waiting for approval:* ${p.count}`,
  'digest.review': () => 'Review',
  'digest.mailsUnknown': (p: { count: number }) => `*Mails whose sending is unknown:* ${p.count} — \`relance outbox --unknown\` lists them`,
  // The freshness guard (src/domain/ledger-freshness.ts): the digest, the case card and the one notice of a hold.
  'ledger.hold': (p: { count: number; unit: 'hours' | 'days'; source: 'import' | 'api' | 'statement' | 'backfill'; date: string }) =>
    `:double_vertical_bar: *Reminders are on hold:* the ledger was last synced ${p.count} ${p.unit === 'days' ? 'day' : 'hour'}${p.count === 1 ? '' : 's'} ago (${
      { import: 'import', api: 'intake API', statement: 'bank statement', backfill: 'recorded when the freshness guard was installed' }[p.source]} on ${p.date}). `
    + 'Import or sync to resume: `relance import …` / the intake API. Queued e-mails wait; none is cancelled.',
  'mailVia.smtp': () => 'sent, accepted by the mail server',
  'mailVia.outbox': () => 'saved to the outbox, not sent (SMTP_URL is not set: it did not leave this machine)',
  'mailCancel.paid': () => 'the invoices were paid meanwhile',
  'mailCancel.balance_changed': () => 'the balance changed after it was approved',
  'mailCancel.case_closed': () => 'the case was closed',
  'mailCancel.address_changed': () => 'the customer\'s e-mail address changed',
  'mailCancel.address_bad': () => 'the mail server refused this address for good',
  'activity.reminder_approved': (p: { stage: string }) => `Reminder e-mail (${p.stage}) approved: it leaves within the debtor's business hours`,
  'activity.reminder_sent': (p: { stage: string; via: string; to: string; subject: string; message_id: string }) =>
    `Reminder e-mail (${p.stage}) to ${p.to} ${p.via}: “${p.subject}” · Message-ID ${p.message_id}`,
  'activity.reminder_cancelled': (p: { stage: string; reason: string }) => `Reminder e-mail (${p.stage}) cancelled before it left: ${p.reason}`,
  'activity.reminder_refused': (p: { stage: string; smtp_response: string }) =>
    `The mail server refused the reminder e-mail (${p.stage}) for good: ${p.smtp_response}. The address is marked bad; no more mails go to it until it changes`,
  'activity.reminder_unknown': (p: { stage: string }) =>
    `Reminder e-mail (${p.stage}): whether it left is unknown (the mail server's answer was lost). It is not retried by itself: \`relance outbox --unknown\` lists it for a person to decide`,
  'activity.reminder_resend': (p: { stage: string }) =>
    `Reminder e-mail (${p.stage}) of unknown outcome: a person found it had not arrived, and it is queued for one more attempt`,
  'activity.reminder_no_address': (p: { stage: string }) => `No usable e-mail address for the reminder (${p.stage}): a task went to the case owner`,
  'activity.reminder_edited': (p: { stage: string; subject: string }) => `Reminder e-mail (${p.stage}) edited before sending; subject now “${p.subject}”`,
  'activity.reminder_skipped': (p: { stage: string }) => `Reminder e-mail (${p.stage}) skipped: nothing sent`,

  // late fees (src/domain/late-fees.ts): a half-year whose rate is not in the table yet
  'lateFees.table.ecb': () => 'ECB main refinancing rate',
  'lateFees.table.legal': () => 'legal interest rate',
  'lateFees.halfYear': (p: { year: number; half: number }) => `the ${p.half === 1 ? 'first' : 'second'} half of ${p.year}`,
  'lateFees.missingRate': (p: { table: string; period: string; usedPeriod: string; used: string; command: string }) =>
    `The ${p.table} for ${p.period} is not in relance yet: the rate of ${p.usedPeriod} (${p.used}) was used instead. An admin adds it with \`${p.command}\`.`,
} satisfies Record<string, Msg<never>>;
