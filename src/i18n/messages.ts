// Every sentence relance says, in English and French. French must have exactly
// the keys and parameters of English (the type checks it), so no reply can fall
// back to a missing string. Values are data unless wrapped as Mrkdwn: `t`
// escapes and shortens them, so a customer's name cannot become Slack markup.
import { interpolated, type Mrkdwn } from './format.ts';

type P = Record<string, string | number | Mrkdwn>;
type Msg<T extends P = P> = (p: T) => string;

const en = {
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

export type MessageKey = keyof typeof en;

/** Whether a key built from data (`activity.${kind}`) names a sentence. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);
type Catalogue = { [K in MessageKey]: (typeof en)[K] };

const fr: Catalogue = {
  'access.stranger': (p) =>
    `Désolé, relance est réservé à l'équipe de recouvrement et vous n'en faites pas encore partie. ${p.admins.text ? `Demandez à un admin (${p.admins}) de vous ajouter` : 'Demandez à votre admin relance de vous ajouter'} avec \`${p.command} team add @vous collector\`.`,
  'access.needRole': (p) =>
    `\`${p.command} ${p.sub}\` demande le rôle *${p.role}*. Demandez à un admin de lancer \`${p.command} team add @vous ${p.role}\`.`,
  'error.unknownSub': (p) => `Je ne connais pas la commande « ${p.input} ». Essayez \`${p.command} help\` pour voir ce que je sais faire.`,
  'error.unknownSubSuggest': (p) =>
    `Sous-commande inconnue « ${p.input} » — vouliez-vous dire \`${p.suggestion}\` ? \`${p.command} help\` les liste toutes.`,
  'error.unknownSubSuggestTwo': (p) =>
    `Sous-commande inconnue « ${p.input} » — vouliez-vous dire \`${p.first}\` ou \`${p.second}\` ? \`${p.command} help\` les liste toutes.`,
  'error.internal': (p) =>
    `Une erreur s'est produite de mon côté et rien n'a été modifié. Réessayez ; si cela persiste, donnez cette référence à votre admin : \`${p.ref}\`.`,
  'error.tooManyArgs': (p) => `Je n'ai pas compris « ${p.input} » ici. Exemple : \`${p.example}\``,
  'error.commandTooLong': (p) =>
    `Cette commande fait ${p.length} caractères ; j'en lis au plus ${p.max}. Elle commence par « ${p.start} ». Rien n'a été fait. Exemple : \`${p.command} case acme\``,

  'help.title': (p) => `*relance* — le recouvrement depuis Slack. Tapez \`${p.command} help <commande>\` pour le détail.`,
  'help.unknown': (p) => `Il n'y a pas de commande « ${p.input} » à expliquer. Essayez \`${p.command} help\` pour la liste.`,
  'help.examples': () => 'Exemples',
  'help.access': (p) => `relance est réservé à l'équipe de recouvrement : un admin ajoute les personnes avec \`${p.command} team add @utilisateur collector\`.`,
  'help.help.summary': () => 'Affiche les commandes, ou le détail de l\'une d\'elles.',
  'help.overdue.summary': () => 'Votre liste de travail : les comptes en retard, les plus prioritaires d\'abord, avec les totaux par devise.',
  'help.overdue.details': () =>
    'Portée : `mine` (vos dossiers), `@quelqu\'un`, ou `all` (par défaut). Filtre sur la plus ancienne facture impayée : `>30`, `>60` ou `>90` jours de retard.',
  'help.case.summary': () => 'Ouvre la fiche d\'un dossier : solde, factures impayées, étape, responsable et dernières actions.',
  'help.case.details': () =>
    'Désignez le dossier par la référence client, un numéro de facture ou le début du nom du client. Si plusieurs correspondent, je les liste.',
  'help.team.summary': () => 'Affiche l\'équipe et ses horaires, ajoute et retire des membres (admins seulement), règle les horaires.',
  'help.team.details': () =>
    'Rôles : `collector` traite les dossiers, `manager` approuve aussi les escalades, `admin` gère aussi l\'équipe et les réglages. Les admins initiaux viennent de RELANCE_ADMINS et des admins de l\'espace Slack. `team hours @utilisateur <jours> <HH:MM-HH:MM>` règle les jours et horaires de travail de quelqu\'un dans son propre fuseau Slack (`lun-ven 8h30-17h`, `mon-fri 09:00-17:30`, `mar-sam 08:00-16:00`) ; admins et managers règlent ceux de tous, un chargé de recouvrement les siens ; `team hours @utilisateur` les affiche, `team hours @utilisateur défaut` revient aux horaires par défaut (jours ouvrés 09:00–18:00). L\'attribution automatique des appels ne donne d\'appels qu\'aux heures de travail.',

  'help.digest.summary': () => 'Le relevé quotidien des retards de ce canal : le publier maintenant, le prévisualiser, le programmer ou l\'arrêter.',
  'help.digest.details': () =>
    'Le relevé est publié les jours ouvrés seulement (week-ends et jours fériés exclus), au plus une fois par jour et par canal. Par défaut à 09:00 dans le fuseau de l\'espace, du lundi au vendredi. Programmer, publier maintenant et arrêter demandent le rôle manager. Si relance dit n\'avoir pas pu vérifier si un message du relevé est déjà dans le canal, regardez : s\'il manque, tapez `digest now confirm <jour>` dans ce canal ; s\'il y est, `digest now found <lien>` avec son lien (⋯ → Copier le lien).',
  'help.settings.summary': () => 'Affiche et change les réglages de l\'espace : canaux, délai de grâce des promesses, appels, échelle de relance, créancier, e-mails de relance (admins seulement).',
  'help.settings.details': () =>
    'Chaque réglage vérifie sa valeur et dit ce qui ne va pas. `set <clé> défaut` revient à la valeur par défaut. Un canal : tapez # et choisissez-le dans la liste, ou tapez `ici` dans ce canal ; relance doit pouvoir y publier. Les jours sont des jours ouvrés. Sans `set`, `settings <clé> <valeur>` change aussi un réglage et `settings <clé>` en affiche un. `settings creditor` et `settings mail` affichent ensemble les réglages des lettres et des e-mails de relance.',
  'overdue.title.all': () => 'Comptes en retard — toute l\'équipe',
  'overdue.title.mine': () => 'Comptes en retard — les miens',
  'overdue.title.user': (p) => `Comptes en retard — suivis par ${p.user}`,
  'overdue.filter': (p) => `plus ancienne facture en retard de plus de ${p.days} jours`,
  'overdue.totals': (p) => `*Total en retard :* ${p.totals} · ${p.cases} dossier${p.cases === 1 ? '' : 's'}`,
  'overdue.empty': () => 'Rien en retard ici. :tada:',
  'overdue.more': (p) =>
    `Voici les ${p.shown} plus prioritaires sur ${p.total}. Affinez avec \`${p.command} overdue mine\` ou \`>60\`.`,
  'overdue.row': (p) =>
    `*${p.name}* (${p.ref}) — *${p.amount}* en retard · plus ancienne : ${p.days} jours · ${p.invoices} facture${p.invoices === 1 ? '' : 's'} · ${p.owner} · ${p.status}`,
  'overdue.noOwner': () => 'sans responsable',
  'overdue.priority': (p) => `priorité ${p.score}`,
  'overdue.timeBar': (p) => `:warning: prescrit le ${p.date}`,
  'button.openCase': () => 'Ouvrir le dossier',

  'case.missing': (p) =>
    `Quel dossier ? Donnez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} case acme\`.`,
  'case.notFound': (p) =>
    `Aucun dossier ne correspond à « ${p.input} ». Utilisez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} case ACME\`.`,
  'case.ambiguous': (p) => `« ${p.input} » correspond à ${p.count} clients. Lequel ?`,
  'case.ambiguousMore': (p) => `…et ${p.more} autres : tapez davantage du nom, ou la référence.`,
  'case.noOpenCase': () => 'Aucun dossier ouvert : rien n\'est en retard pour ce client.',
  'case.title': (p) => `${p.name} (${p.ref})`,
  'case.field.balance': () => 'Solde',
  'case.field.overdue': () => 'En retard',
  'case.field.status': () => 'Statut',
  'case.field.owner': () => 'Responsable',
  'case.field.oldest': () => 'Plus ancien impayé',
  'case.field.kind': () => 'Client',
  'case.oldestValue': (p) => p.days > 0 ? `échéance ${p.date} (${p.days} jours de retard)` : `échéance ${p.date}`,
  'case.invoicesTitle': (p) => `*Factures impayées* (${p.count})`,
  'case.invoiceRow': (p) =>
    `\`${p.number}\` émise le ${p.issued} · échéance ${p.due}${p.late} · ${p.amount} · reste *${p.balance}*`,
  'case.daysLate': (p) => ` (${p.days} j de retard)`,
  'case.invoicesMore': (p) => `…et ${p.more} autres factures impayées.`,
  'case.activityTitle': () => '*Dernières actions*',
  'case.noActivity': () => 'Aucune action pour l\'instant.',
  'case.timeBar': (p) =>
    `:warning: La plus ancienne créance sera prescrite le *${p.date}* (dans ${p.days} jours) : agissez ou obtenez une reconnaissance de dette écrite avant.`,
  'case.timeBarPassed': (p) => `:warning: La plus ancienne créance est peut-être prescrite depuis le *${p.date}*.`,
  'kind.b2b': () => 'professionnel (B2B)',
  'kind.b2c': () => 'particulier (B2C)',

  // stats
  'help.stats.summary': () => 'Les chiffres de l\'équipe sur une période : DSO, retards par ancienneté, CEI, taux de promesses tenues, et par chargé de recouvrement.',
  'help.stats.details': () =>
    'La période (par défaut : ce mois jusqu\'à aujourd\'hui) : `aujourd\'hui`, `hier`, `cette semaine`, `semaine dernière`, `ce mois`, `mois dernier`, `ce trimestre`, `trimestre dernier`, `cette année`, `année dernière`, `30j` ou `30 derniers jours`, un mois (`2026-10`, `octobre 2026`), un trimestre (`T3 2026`), une année (`2025`), ou des jours `2026-10-01..2026-10-31`. Ce sont des jours du calendrier dans le fuseau de l\'espace de travail, bornes comprises ; une période ne finit jamais après aujourd\'hui. Par devise : encours, ventes à crédit, DSO (encours à la fin ÷ ventes à crédit × jours : la méthode standard), CEI, et le retard à la fin par ancienneté. Le taux de promesses tenues compte les promesses tranchées dans la période. Par chargé : appels, taux de joignabilité, promesses obtenues et tenues, et paiements reçus dans les 30 jours après une conversation avec le client. Les chargés voient les chiffres de l\'équipe et leur propre ligne ; managers et admins voient toutes les lignes.',
  'stats.title': (p) => `Statistiques de recouvrement : du ${p.from} au ${p.to}`,
  'stats.text': (p) => `Statistiques de recouvrement du ${p.from} au ${p.to}.`,
  'stats.period': (p) =>
    `${p.days} jour${p.days === 1 ? '' : 's'}, bornes comprises, dans le fuseau de l'espace de travail (${p.zone}). Montants par devise, jamais additionnés d'une devise à l'autre.`,
  'stats.clamped': (p) => `La période s'arrête à aujourd'hui, le ${p.today} : les jours suivants n'ont pas encore de chiffres.`,
  'stats.currency': (p) => `*${p.currency}*`,
  'stats.receivableEnd': (p) => `*Encours au ${p.date}*\n${p.amount}`,
  'stats.receivableBefore': (p) => `*Encours au ${p.date}* (la veille)\n${p.amount}`,
  'stats.sales': (p) => `*Ventes à crédit de la période*\n${p.amount}`,
  'stats.dso': (p) => `*DSO* (méthode standard)\n${p.value}`,
  'stats.days': (p) => `${p.value} jours`,
  'stats.cei': (p) => `*CEI*\n${p.value}`,
  'stats.overdue': (p) => `*En retard au ${p.date}*\n${p.amount}`,
  'stats.bucket': (p) => `*${p.range} jours de retard*\n${p.amount}`,
  'stats.none': () => '—',
  'stats.noLedger': () => 'Aucun encours et aucune facture émise dans cette période.',
  'stats.promises': (p) =>
    `*Taux de promesses tenues :* ${p.rate} (${p.kept} tenue${p.kept > 1 ? 's' : ''}, ${p.partly} tenue${p.partly > 1 ? 's' : ''} en partie, ${p.broken} non tenue${p.broken > 1 ? 's' : ''} : ${p.decided} promesse${p.decided > 1 ? 's' : ''} tranchée${p.decided > 1 ? 's' : ''} dans la période)`,
  'stats.promisesNone': () => '*Taux de promesses tenues :* — (aucune promesse tranchée dans la période)',
  'stats.collectorsTitle': () => '*Par chargé de recouvrement*',
  'stats.collectorsOwn': () => '*Vos chiffres* (managers et admins voient ceux de chacun)',
  'stats.collectorLine': (p) =>
    `${p.user} : ${p.calls} appel${p.calls > 1 ? 's' : ''} noté${p.calls > 1 ? 's' : ''} · joignabilité ${p.reach} · ${p.taken} promesse${p.taken > 1 ? 's' : ''} obtenue${p.taken > 1 ? 's' : ''} · ${p.kept} tenue${p.kept > 1 ? 's' : ''} sur ${p.decided} tranchée${p.decided > 1 ? 's' : ''} · encaissé après contact : ${p.collected}`,
  'stats.nothingCollected': () => 'rien',
  'stats.noCollectors': () => 'Personne n\'a noté d\'appel, obtenu de promesse ni encaissé après contact dans la période.',

  'help.pause.summary': () => 'Met un dossier en pause jusqu\'à une date ou pour un temps : litige, échéancier ou autre motif.',
  'help.pause.details': () =>
    'Indiquez le dossier, puis jusqu\'à quand (`15/12/2026`, `vendredi`, `fin du mois`) ou pour combien de temps (`10j`, `2 semaines`, `1 mois`), puis le motif : `litige`, `échéancier` ou `autre` (en anglais `dispute`, `plan`, `other`). Un litige prend aussi son motif : `prix`, `qualité`, `non livré`, `déjà payé` ou `autre`. Les mots suivants sont une note pour le dossier. La pause finit un jour suivant, au plus dans un an ; ce matin-là le dossier revient de lui-même dans la liste de travail. Pendant la pause, le dossier a une priorité de 0 et ses appels prévus sont annulés. Remettre en pause un dossier en pause change sa date.',
  'help.resume.summary': () => 'Met fin à une pause maintenant : le dossier revient dans la liste de travail.',
  'help.resume.details': () => 'Le dossier redevient ouvert (ou promis si une promesse de paiement est en cours). Les pauses finissent aussi d\'elles-mêmes à leur date.',
  'pauseReason.dispute': () => 'litige',
  'pauseReason.plan': () => 'échéancier',
  'pauseReason.other': () => 'autre motif',
  'disputeReason.price': () => 'prix',
  'disputeReason.quality': () => 'qualité',
  'disputeReason.not_delivered': () => 'non livré',
  'disputeReason.already_paid': () => 'déjà payé',
  'disputeReason.other': () => 'autre',
  'pause.statusUntil': (p) => `en pause jusqu'au ${p.until} (${p.reason})`,
  'pause.reasonWithDispute': (p) => `${p.reason} : ${p.dispute}`,
  'pause.done': (p) =>
    `*${p.name}* est en pause jusqu'au *${p.until}* (${p.reason}). Le dossier sort de la liste de travail jusque-là et y revient de lui-même ce matin-là.`,
  'pause.moved': (p) => `*${p.name}* était en pause jusqu'au ${p.from} ; il l'est maintenant jusqu'au *${p.until}* (${p.reason}).`,
  'pause.cancelledCalls': (p) => `${p.count === 1 ? 'Son appel prévu a été annulé' : `Ses ${p.count} appels prévus ont été annulés`}.`,
  'pause.noCase': (p) =>
    `Aucun dossier ne correspond à « ${p.input} », rien n'a donc été mis en pause. Utilisez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} pause ACME 30j litige prix\`.`,
  'pause.closed': (p) => `*${p.name}* n'a pas de dossier ouvert (rien n'est en retard) : il n'y a rien à mettre en pause.`,
  'pause.ambiguous': (p) =>
    `« ${p.input} » correspond à plusieurs clients : ${p.names}. Rien n'a été mis en pause. Donnez la référence, par ex. \`${p.command} pause C-1042 30j échéancier\`.`,
  'resume.missing': (p) => `Quel dossier ? Par ex. \`${p.command} resume acme\`.`,
  'resume.done': (p) => `*${p.name}* n'est plus en pause (statut : ${p.status}) et revient dans la liste de travail.`,
  'resume.notPaused': (p) => `*${p.name}* n'est pas en pause (statut : ${p.status}) ; rien n'a changé.`,
  'resume.noCase': (p) =>
    `Aucun dossier ne correspond à « ${p.input} », aucune pause n'a donc pris fin. Utilisez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} resume ACME\`.`,
  'resume.closed': (p) => `*${p.name}* n'a pas de dossier ouvert (rien n'est en retard) : il n'y a pas de pause à terminer.`,
  'resume.ambiguous': (p) =>
    `« ${p.input} » correspond à plusieurs clients : ${p.names}. Aucune pause n'a pris fin. Donnez la référence, par ex. \`${p.command} resume C-1042\`.`,
  'activity.case_paused': (p) => `En pause jusqu'au ${p.until} : ${p.reason}${p.dispute ? ` (${p.dispute})` : ''}`,
  'activity.case_resumed': () => 'Fin de la pause : retour dans la liste de travail',

  'help.promise.summary': () => 'Enregistre une promesse de paiement : combien, et pour quand.',
  'help.promise.details': () =>
    'Indiquez le dossier, le montant et la date, puis une note si vous voulez. Le montant peut indiquer sa devise (`1 200,50 €`, `1200 EUR`, `99,90 $`) ; sinon c\'est la devise due par le dossier, et un dossier qui en doit plusieurs demande laquelle. La date est aujourd\'hui ou plus tard : `15/12/2026`, `vendredi`, `dans 10 jours`, `fin du mois`. La promesse ne peut dépasser ce qui est en retard dans cette devise. Elle est tenue si les paiements du client à partir d\'aujourd\'hui atteignent le montant à la fin du jour promis plus le délai de grâce (`promise_grace_days` jours ouvrés, 1 par défaut) ; sinon elle n\'est pas tenue, le fil du dossier et son responsable en sont avertis, et le dossier reprend les relances. Une nouvelle promesse remplace celle en cours.',
  'promise.usage': (p) =>
    `Quel dossier, combien et pour quand ? Par ex. \`${p.command} promise acme 1200 vendredi\` (une note peut suivre).`,
  'promise.notFound': (p) =>
    `Aucun dossier ne correspond à « ${p.input} », aucune promesse n'a donc été enregistrée. Utilisez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} promise ACME 1200 vendredi\`.`,
  'promise.noOpenCase': (p) => `*${p.name}* n'a pas de dossier ouvert : rien n'est en retard, il n'y a donc pas de promesse à enregistrer.`,
  'promise.missingAmount': (p) => `Combien *${p.name}* a-t-il promis, et pour quand ? Exemple : \`${p.example}\``,
  'promise.missingDate': (p) => `Pour quand ? Indiquez la date après « ${p.input} ». Exemple : \`${p.example}\``,
  'promise.whichCurrency': (p) =>
    `« ${p.input} » n'indique pas de devise, et *${p.name}* doit ${p.currencies} : précisez laquelle. Exemple : \`${p.example}\``,
  'promise.wrongCurrency': (p) =>
    `« ${p.input} » est en ${p.currency}, mais *${p.name}* ne doit rien en retard en ${p.currency} (en retard : ${p.currencies}). Exemple : \`${p.example}\``,
  'promise.nothingOverdue': (p) => `*${p.name}* ne doit rien en retard aujourd'hui, il n'y a donc pas de promesse à enregistrer.`,
  'promise.tooLarge': (p) =>
    `« ${p.input} » dépasse les ${p.balance} que *${p.name}* doit en retard. Exemple : \`${p.example}\``,
  'promise.noCase': (p) =>
    `Ce dossier est clos ou n'est plus dans cet espace, aucune promesse n'a donc été enregistrée. Cherchez-le avec \`${p.command} case <nom>\`.`,
  'promise.recorded': (p) =>
    `Promesse enregistrée : *${p.name}* paiera *${p.amount}* d'ici le *${p.date}*. Elle est tenue si les paiements l'atteignent à la fin du ${p.deadline}${p.grace > 0 ? ` (${p.grace} jour${p.grace === 1 ? '' : 's'} ouvré${p.grace === 1 ? '' : 's'} de grâce)` : ''} ; sinon elle est marquée non tenue et le dossier reprend les relances.`,
  'activity.promise_taken': (p) => `Promesse de payer ${p.amount} d'ici le ${p.date}`,
  'activity.promise_replaced': (p) => `Promesse précédente de ${p.amount} pour le ${p.date} remplacée par une nouvelle`,
  'activity.promise_kept': (p) => `Promesse de ${p.amount} tenue : ${p.paid} payés`,
  'activity.promise_broken': (p) => `Promesse de ${p.amount} pour le ${p.date} non tenue : ${p.paid} payés, ${p.missing} manquants`,

  'help.plan.summary': () => 'Enregistre un échéancier : le solde en retard en n échéances, chacune suivie comme une promesse.',
  'help.plan.details': () =>
    'Indiquez le dossier et le nombre d\'échéances (2 à 36), puis si vous voulez la périodicité (`toutes les semaines`, `toutes les 2 semaines`, `tous les mois` — par défaut ; `hebdomadaire`, `mensuel`, `every month`…), la première échéance (`à partir du 15/12`, `dès le 15/12`, `from 15/12` ; par défaut dans une période) et la devise si le dossier en doit plusieurs. Le total est ce qui est en retard aujourd\'hui dans cette devise, en échéances égales, l\'arrondi sur la dernière. Chaque échéance est tenue si les paiements depuis aujourd\'hui l\'atteignent (les précédentes d\'abord) à la fin de son jour plus le délai de grâce (`promise_grace_days`) ; la première manquée rompt l\'échéancier et le dossier reprend les relances. Le dossier est en pause pendant l\'échéancier. L\'accord du débiteur, daté d\'aujourd\'hui, fait repartir le délai de prescription. `plan <dossier>` affiche l\'échéancier, `plan <dossier> annuler` l\'annule ; un nouvel échéancier remplace l\'actuel.',
  'plan.usage': (p) =>
    `Quel dossier, et en combien d'échéances ? Par ex. \`${p.command} plan acme 3 tous les mois à partir du 15/12\`. \`${p.command} plan acme\` affiche l'échéancier d'un dossier, \`${p.command} plan acme annuler\` l'annule.`,
  'plan.notFound': (p) =>
    `Aucun dossier ne correspond à « ${p.input} », aucun échéancier n'a donc été enregistré. Utilisez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} plan ACME 3 tous les mois\`.`,
  'plan.noOpenCase': (p) => `*${p.name}* n'a pas de dossier ouvert : rien n'est en retard, il n'y a donc pas d'échéancier à enregistrer ou à changer.`,
  'plan.noCase': (p) =>
    `Ce dossier est clos ou n'est plus dans cet espace, rien n'a donc changé. Cherchez-le avec \`${p.command} case <nom>\`.`,
  'plan.whichCurrency': (p) =>
    `*${p.name}* doit ${p.currencies} en retard : un échéancier est dans une seule devise, précisez laquelle. Exemple : \`${p.example}\``,
  'plan.wrongCurrency': (p) =>
    `« ${p.input} » : *${p.name}* ne doit rien en retard dans cette devise (en retard : ${p.currencies}). Exemple : \`${p.example}\``,
  'plan.nothingOverdue': (p) => `*${p.name}* ne doit rien en retard aujourd'hui, il n'y a donc pas d'échéancier à enregistrer.`,
  'plan.tooSmall': (p) =>
    `« ${p.input} » échéances feraient moins que la plus petite pièce chacune : *${p.name}* doit ${p.total} en retard. Exemple : \`${p.example}\``,
  'plan.recorded': (p) =>
    `Échéancier enregistré : *${p.name}* paie *${p.total}* en ${p.count} échéances ${p.period}. Le dossier est en pause jusqu'au ${p.until}, et l'accord du débiteur (${p.ack}) fait repartir le délai de prescription.`,
  'plan.line': (p) => `${p.number}. ${p.date} — ${p.amount}`,
  'plan.rule': (p) =>
    `Chaque échéance est tenue si les paiements depuis aujourd'hui l'atteignent, les précédentes d'abord, à la fin de son jour${p.grace > 0 ? ` plus ${p.grace} jour${p.grace === 1 ? '' : 's'} ouvré${p.grace === 1 ? '' : 's'} de grâce` : ''}. La première manquée rompt l'échéancier et le dossier reprend les relances.`,
  'plan.replacedPlan': (p) => `Il remplace l'échéancier précédent (${p.total} en ${p.count} échéances), désormais annulé.`,
  'plan.replacedPromise': () => 'La promesse de paiement en cours est remplacée par l\'échéancier.',
  'plan.show': (p) =>
    `*${p.name}* : échéancier de *${p.total}* en ${p.count} échéances ${p.period}, accepté le ${p.ack} (enregistré par ${p.by}).`,
  'plan.showLine': (p) => `${p.number}. ${p.date} — ${p.amount} · ${p.status}`,
  'plan.showHint': (p) => `Annulez-le avec \`${p.command} plan ${p.ref} annuler\` ; un nouvel échéancier le remplace.`,
  'plan.none': (p) => `*${p.name}* n'a pas d'échéancier en cours. Enregistrez-en un avec \`${p.command} plan ${p.ref} 3 tous les mois\`.`,
  'plan.cancelled': (p) =>
    `L'échéancier de *${p.name}* (${p.total}) est annulé, avec ${p.count === 1 ? 'son échéance restante' : `ses ${p.count} échéances restantes`}. Statut du dossier : ${p.status}.`,
  'plan.nothingToCancel': (p) => `*${p.name}* n'a pas d'échéancier en cours ; rien n'a été annulé.`,
  'planLine.pending': () => 'à venir',
  'planLine.kept': () => 'payée',
  'planLine.broken': () => 'manquée',
  'planLine.cancelled': () => 'annulée',
  'planPeriod.week': () => 'hebdomadaires',
  'planPeriod.2weeks': () => 'toutes les deux semaines',
  'planPeriod.month': () => 'mensuelles',
  'promise.planActive': (p) =>
    `*${p.name}* a un échéancier en cours : ses échéances sont les promesses, aucune autre promesse n'a donc été enregistrée. Pour convenir d'autre chose, enregistrez un nouvel échéancier (il remplace celui-ci) ou annulez-le d'abord : \`${p.command} plan ${p.ref} annuler\`.`,
  'logCall.planActive': (p) =>
    `Ce dossier a un échéancier en cours : on ne peut pas y ajouter de promesse, et rien n'a été noté. Enregistrez un nouvel échéancier, ou annulez d'abord l'échéancier avec ${p.command} plan ${p.ref} annuler.`,
  'resume.planActive': (p) =>
    `*${p.name}* est en pause pour son échéancier, jusqu'à ce qu'il soit tenu ou rompu ; rien n'a changé. Pour remettre le dossier dans les relances maintenant, annulez l'échéancier : \`${p.command} plan ${p.input} annuler\`.`,
  'case.plan': (p) => `:calendar: Échéancier : ${p.count} échéances ${p.period}, ${p.paid} payée${p.paid > 1 ? 's' : ''} (${p.total} en tout)`,
  'case.planNext': (p) => `, prochaine : ${p.amount} le ${p.date}`,
  'activity.plan_agreed': (p) =>
    `Échéancier accepté : ${p.amount} en ${p.instalments} échéances ${p.period}, du ${p.date} au ${p.last} (reconnaissance de dette du ${p.acknowledged})`,
  'activity.plan_replaced': (p) => `Échéancier précédent (${p.amount} en ${p.instalments} échéances) remplacé par un nouveau`,
  'activity.plan_cancelled': (p) => `Échéancier (${p.amount} en ${p.instalments} échéances) annulé : retour dans les relances`,
  'activity.instalment_kept': (p) => `Échéance ${p.instalment} sur ${p.instalments} payée : ${p.amount}`,
  'activity.plan_kept': (p) => `Échéancier tenu : les ${p.instalments} échéances sont payées (${p.amount})`,
  'activity.plan_broken': (p) =>
    `Échéancier rompu : l'échéance ${p.instalment} sur ${p.instalments} (${p.amount} pour le ${p.date}) n'a pas été payée à temps, ${p.paid} payés, ${p.missing} manquants. Le dossier reprend les relances`,

  'status.open': () => 'ouvert',
  'status.promised': () => 'promesse',
  'status.paused': () => 'en pause',
  'status.notice': () => 'mise en demeure envoyée',
  'status.agency': () => 'confié à une agence',
  'status.legal': () => 'action en justice',
  'status.resolved': () => 'résolu',
  'status.written_off': () => 'passé en perte',
  'status.none': () => 'pas de dossier',
  'stage.pre_due': () => 'rappel de courtoisie',
  'stage.reminder_1': () => 'relance 1',
  'stage.reminder_2': () => 'relance 2',
  'stage.call': () => 'appel',
  'stage.reminder_3': () => 'relance ferme',
  'stage.formal_notice': () => 'mise en demeure',
  'stage.agency': () => 'agence',
  'stage.legal': () => 'contentieux',
  'stage.agency_or_legal': () => 'agence ou contentieux',

  // l'échelle de relance
  'help.ladder.summary': () => 'L\'échelle de relance : ses étapes et ce que fait chacune ; les managers voient d\'avance les mouvements du prochain passage.',
  'help.ladder.details': () =>
    '`ladder` montre les étapes, leurs jours (depuis la plus ancienne échéance impayée) et ce que fait chacune. `ladder preview` (managers) liste les mouvements du passage de demain par étape, avec les premiers noms. Le passage se fait tout seul une fois par jour, après minuit dans le fuseau de l\'espace ; seuls les dossiers ouverts avancent (promesse, pause et escalade attendent). Les admins modifient l\'échelle avec `settings set ladder reminder_2 +12`.',
  'ladder.title': () => 'Échelle de relance',
  'ladder.day': (p) => (p.day < 0 ? `J−${-p.day}` : `J+${p.day}`),
  'ladder.step': (p) => `*${p.day}* · *${p.stage}* — ${p.action}`,
  'ladder.action.pre_due': () => 'rappel de courtoisie rédigé (coordonnées de paiement, « signalez-nous tout problème »), une fois par client et échéance, avant tout dossier',
  'ladder.action.reminder_1': () => 'relance aimable rédigée',
  'ladder.action.reminder_2': () => 'relance avec les moyens de paiement rédigée (virement, lien de paiement, échéancier)',
  'ladder.action.call': () => 'appel : le dossier doit être appelé par un chargé de recouvrement',
  'ladder.action.reminder_3': () => 'relance ferme rédigée, citant les relances précédentes et, pour un professionnel, les pénalités de retard',
  'ladder.action.formal_notice': () => 'mise en demeure proposée aux managers · *approbation d\'un manager*',
  'ladder.action.agency_or_legal': () => 'transmission à une agence de recouvrement ou action en justice, proposée aux managers, qui choisissent · *approbation d\'un manager*',
  'ladder.off': (p) => `Désactivées : ${p.stages}.`,
  'ladder.rules': (p) =>
    `Les jours se comptent depuis la plus ancienne échéance impayée, en jours calendaires. Un dossier qui saute plusieurs étapes d'un coup (ancien grand livre importé, longue pause) n'agit qu'à l'étape où il arrive, et seulement si le jour de cette étape date d'au plus ${p.catchUp} jour${p.catchUp > 1 ? 's' : ''} (\`ladder_catch_up_days\`) ; sinon il s'y place sans rien faire. Une étape de manager dépose toujours sa proposition. Les brouillons sont conservés pour l'envoi ; rien n'est encore envoyé par e-mail.`,
  'ladder.editHint': (p) =>
    `Les admins la modifient avec \`${p.command} settings set ladder reminder_2 +12\` (\`call off\` retire une étape, \`default\` rétablit l'échelle). Managers : \`${p.command} ladder preview\`.`,
  'ladder.usage': (p) =>
    `« ${p.input} » n'est pas une action de \`ladder\` : \`${p.command} ladder\` montre l'échelle, \`${p.command} ladder preview\` les mouvements du prochain passage.`,
  'ladder.previewManagers': (p) =>
    `Seuls les managers voient l'aperçu des mouvements de l'échelle. \`${p.command} ladder\` montre l'échelle elle-même.`,
  'ladder.preview.title': (p) => `Mouvements de l'échelle pour le ${p.date}`,
  'ladder.preview.none': () => 'Aucun dossier ne bouge ce jour-là.',
  'ladder.preview.stage': (p) =>
    `*${p.stage}* : ${p.count} dossier${p.count > 1 ? 's' : ''} — ${p.names}${p.more > 0 ? ` et ${p.more} autre${p.more > 1 ? 's' : ''}` : ''}`,
  'ladder.preview.silent': (p) => `dont ${p.count} s'y placent sans agir (rattrapage)`,
  'ladder.preview.preDue': (p) =>
    `*rappels de courtoisie* : ${p.drafts} à rédiger (${p.invoices} facture${p.invoices > 1 ? 's' : ''} bientôt à échéance)`,
  'ladder.preview.note': () => 'En l\'état actuel : paiements, promesses et pauses d\'ici le passage le changent. Vous seul voyez ceci.',
  'ladder.summary': (p) =>
    `*Échelle de relance, ${p.date} :* des dossiers ont atteint une étape qui attend l'approbation d'un manager.\n${p.lines}\nExaminez-les et décidez avec \`${p.command} escalations\`.`,
  'ladder.summaryLine': (p) =>
    `• *${p.stage}* : ${p.count} dossier${p.count > 1 ? 's' : ''} — ${p.names}${p.more > 0 ? ` et ${p.more} autre${p.more > 1 ? 's' : ''}` : ''}`,
  'ladder.draftPost': (p) => `:memo: Échelle : *${p.stage}* rédigée pour le client (non envoyée).\n*${p.subject}*\n${p.body}`,
  'ladder.draftCut': () => '_…coupé ici : le texte complet est conservé avec le brouillon._',
  'ladder.rateMissing': (p) =>
    `_Les pénalités utilisent le dernier taux connu pour un semestre absent de la table : ${p.commands}_`,
  'ladder.noPaymentDetails': (p) =>
    `_Les brouillons ne donnent pas encore de coordonnées de paiement : un admin les ajoute avec \`${p.command} settings set payment_details IBAN …\`._`,
  'activity.reminder_drafted': (p) => `Échelle : ${p.stage} rédigée pour le client`,
  'activity.stage_call': () => 'Échelle : étape d\'appel atteinte, le dossier doit être appelé',
  'activity.escalation_proposed': (p) => `Échelle : étape « ${p.stage} » atteinte, proposée aux managers pour approbation`,
  'activity.stage_set': (p) => `Échelle : placé à l'étape « ${p.stage} » sans agir (rattrapage : le jour de cette étape est passé depuis longtemps)`,

  'activity.case_opened': () => 'Dossier ouvert',
  'activity.case_resolved': () => 'Dossier résolu : plus rien en retard',
  'activity.payment_recorded': (p) => `Paiement enregistré : ${p.amount}`,
  'activity.payment_reversed': (p) => `Paiement annulé par la banque : ${p.amount}`,
  'activity.statement_matched': (p) => `Virement de ${p.amount} rapproché des factures à la main`,
  'activity.statement_ignored': (p) => `Virement de ${p.amount} écarté : rapproché d'aucune facture`,
  'statement.review.text': (p) => `Relevé bancaire : ${p.count} virement${p.count === 1 ? '' : 's'} à rapprocher à la main`,
  'statement.review.header': (p) => `Relevé bancaire : ${p.count} virement${p.count === 1 ? '' : 's'} à rapprocher`,
  'statement.review.entry': (p) => `*${p.amount}* · ${p.date} · ${p.debtor}\n> ${p.remittance}`,
  'statement.review.unknownDebtor': () => 'payeur non nommé',
  'statement.review.noRemittance': () => '(aucun libellé)',
  'statement.review.matched': (p) => `:white_check_mark: Rapproché de ${p.invoices} par ${p.user}`,
  'statement.review.ignored': (p) => `:heavy_minus_sign: Écarté par ${p.user}`,
  'statement.review.reversed': () => ':leftwards_arrow_with_hook: Annulé par la banque : rien à rapprocher',
  'statement.reason.no_match': () => 'Aucun numéro de facture, et le payeur n\'est pas un client connu.',
  'statement.reason.more_than_open': () => 'Un numéro de facture est donné, mais le montant dépasse ce qui reste dû sur cette facture.',
  'statement.reason.amounts_differ': () => 'Plusieurs numéros de facture sont donnés, et leurs restes dus ne font pas le montant.',
  'statement.reason.other_currency': () => 'La facture nommée est dans une autre devise.',
  'statement.reason.no_amount': () => 'Le payeur est un client connu, mais aucune facture ouverte (ni somme de factures) ne fait ce montant.',
  'statement.reason.ambiguous_customer': () => 'Plusieurs clients portent ce nom.',
  'statement.button.match': () => 'Rapprocher',
  'statement.button.ignore': () => 'Écarter',
  'statement.match.title': () => 'Rapprocher un virement',
  'statement.match.submit': () => 'Enregistrer',
  'statement.match.cancel': () => 'Annuler',
  'statement.match.label': () => 'Factures que ce virement règle (la plus ancienne d\'abord)',
  'statement.match.noInvoices': (p) => `Aucune facture ouverte en ${p.currency} : rien à rapprocher de ce virement. Écartez-le, ou importez d'abord la facture.`,
  'statement.match.needInvoice': () => 'Choisissez au moins une facture.',
  'statement.match.invoiceGone': (p) => `La facture ${p.number} n'est plus ouverte : choisissez à nouveau.`,
  'statement.match.done': (p) => `Enregistré : ${p.amount} payés sur ${p.invoices}.`,
  'statement.match.overpaid': (p) => `${p.rest} de plus que ce que les factures choisies avaient d'ouvert : cette part n'est pas enregistrée.`,
  'statement.match.stale': () => 'Le formulaire n\'a pas pu s\'ouvrir à temps : cliquez à nouveau sur Rapprocher.',
  'statement.match.badForm': (p) => `Ce formulaire est abîmé (« ${p.input} ») : fermez-le et cliquez à nouveau sur Rapprocher, ou voyez \`${p.command} help\`.`,
  'statement.ignore.done': (p) => `Écarté : le virement de ${p.amount} ne sera pas rapproché.`,
  'statement.already.matched': (p) => `Déjà rapproché de ${p.invoices} par ${p.user} : rien n'a changé.`,
  'statement.already.ignored': (p) => `Déjà écarté par ${p.user} : rien n'a changé.`,
  'statement.already.reversed': () => 'La banque a annulé ce virement : rien à rapprocher.',
  'statement.notFound': (p) => `Ce virement n'est pas (ou plus) dans relance. \`${p.command} help\` liste ce que vous pouvez faire.`,
  'activity.letter_generated': (p) => `Mise en demeure générée (PDF), à payer au plus tard le ${p.date}`,
  'activity.letter_sent': () => 'Mise en demeure notée comme envoyée en recommandé',
  'activity.letter_received': (p) => `Accusé de réception de la mise en demeure signé le ${p.date}`,
  'activity.case_file_exported': () => 'Dossier exporté',
  'help.export.summary': () => 'Le dossier en ZIP, envoyé en message privé : synthèse PDF, factures, paiements, historique et lettres.',
  'help.export.details': () =>
    'Le ZIP contient summary.pdf (ce que doit indiquer la première lettre d\'une société de recouvrement : le créancier, le fondement de la créance, principal, intérêts et autres sommes, comment payer), invoices.csv, payments.csv, timeline.csv (chaque activité) et les lettres générées. Slack n\'a pas de fichier privé dans un canal : il arrive donc dans vos messages privés avec relance.',
  'export.missing': (p) => `Quel dossier ? Donnez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} export acme\`.`,
  'export.notFound': (p) =>
    `Aucun dossier ne correspond à « ${p.input} ». Utilisez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} export ACME\`.`,
  'export.ambiguous': (p) =>
    `« ${p.input} » correspond à plusieurs clients : ${p.names}. Tapez davantage du nom, ou la référence, par ex. \`${p.command} export C-1001\`.`,
  'export.neverACase': (p) => `${p.name} n'a jamais eu de dossier de recouvrement : il n'y a rien à exporter.`,
  'export.done': (p) =>
    `Le dossier de *${p.name}* (${p.ref}) est dans vos messages privés avec relance : ${p.file} (synthèse, factures, paiements, historique${p.letters > 0 ? `, ${p.letters} lettre${p.letters > 1 ? 's' : ''}` : ''}${p.mails > 0 ? `, ${p.mails} e-mail${p.mails > 1 ? 's' : ''} tel${p.mails > 1 ? 's' : ''} qu'envoyé${p.mails > 1 ? 's' : ''}` : ''}).`,
  'export.incomplete': (p) =>
    `Sa synthèse indique « non renseigné » pour ${p.keys} : un admin les renseigne avec \`${p.command} settings set <clé> <valeur>\` (voir \`${p.command} settings creditor\`).`,
  'export.uploadFailed': (p) =>
    `Je n'ai pas pu envoyer le dossier de ${p.name} dans vos messages privés (Slack a répondu : ${p.error}). Réessayez, s'il vous plaît.`,
  'export.dmComment': (p) => `Dossier de *${p.name}* (${p.ref}) au ${p.date}.`,
  'export.threadComment': (p) => `Dossier de *${p.name}* (${p.ref}) au ${p.date}, pour la transmission.`,
  'notice.comment': (p) =>
    `Mise en demeure pour *${p.name}* (${p.ref}), à envoyer en recommandé avec accusé de réception. À payer au plus tard le ${p.date}.`,
  'letters.noThreadYet': () => 'Le dossier n\'a pas encore de fil : le fichier est donc ici, dans le canal.',
  'notice.missingRate': (p) =>
    `Aucun taux ${p.kind === 'ecb' ? 'BCE' : 'd\'intérêt légal'} n'est enregistré pour ${p.period} : la lettre applique le dernier connu, ${p.used}, et le dit. Ajoutez-le avec \`${p.command}\`.`,
  'notice.waitingForSettings': (p) =>
    `La mise en demeure de *${p.name}* est approuvée, mais la lettre attend l'identité du créancier : ${p.keys}. Un admin renseigne chacun avec \`${p.command} settings set <clé> <valeur>\` (voir \`${p.command} settings creditor\`) ; la lettre est alors générée et postée dans le fil du dossier en quelques minutes.`,
  'notice.missingSettings': (p) =>
    `Une mise en demeure demande l'identité du créancier, et ceci n'est pas encore renseigné : ${p.keys}. Un admin renseigne chacun avec \`${p.command} settings set <clé> <valeur>\` (voir \`${p.command} settings creditor\`). Aucune lettre n'a été générée.`,
  'activity.other': (p) => p.kind.replace(/_/g, ' '),
  'activity.by': (p) => `par ${p.who}`,
  'thread.rootText': (p) => `Fil du dossier : ${p.name} (${p.ref})`,
  'thread.root': (p) => `*${p.name}* (${p.ref}) — ${p.overdue} en retard au ${p.date} · responsable : ${p.owner}`,
  'thread.nothingOverdue': () => 'rien',
  'thread.rootHint': (p) =>
    `Chaque action sur ce dossier est désormais publiée dans ce fil. Tout l'historique : \`${p.command} case ${p.ref}\``,
  'thread.promiseBrokenDm': (p) =>
    `Une promesse de paiement de *${p.name}* (${p.ref}) n'a pas été tenue : ${p.what}. Le dossier reprend la procédure de relance : \`${p.command} case ${p.ref}\``,
  'thread.activityDm': (p) => `*${p.name}* (${p.ref}) : ${p.what}`,
  'case.threadLink': (p) => `:thread: ${p.link}`,
  'case.threadLabel': () => 'Fil du dossier',
  'case.earlierCases': (p) => `Dossiers précédents : ${p.list}${p.more > 0 ? ` et ${p.more} autre${p.more > 1 ? 's' : ''}` : ''}`,
  'case.earlierSpan': (p) => `${p.opened} – ${p.closed} (${p.status})`,
  'case.threadIn': (p) => `:thread: Le fil du dossier est dans ${p.channel}`,

  'team.title': () => 'Équipe de recouvrement',
  'team.empty': (p) => `Aucun membre pour l'instant. Un admin les ajoute avec \`${p.command} team add @utilisateur collector\`.`,
  'team.bootstrap': (p) => `Admins initiaux (RELANCE_ADMINS) : ${p.users}`,
  'team.workspaceId': (p) => `Identifiant de l'espace : \`${p.id}\` — importez votre grand livre avec \`relance import --workspace ${p.id} <fichiers…>\`.`,
  'team.role.admin': () => 'Admins',
  'team.role.manager': () => 'Managers',
  'team.role.collector': () => 'Chargés de recouvrement',
  'team.added': (p) => `${p.user} est maintenant *${p.role}*.`,
  'team.changed': (p) => `${p.user} est maintenant *${p.role}* (avant : ${p.before}).`,
  'team.unchanged': (p) => `${p.user} est déjà *${p.role}* ; rien n'a changé.`,
  'team.removed': (p) => `${p.user} ne fait plus partie de l'équipe.`,
  'team.notMember': (p) => `${p.user} ne fait pas partie de l'équipe ; rien n'a changé.`,
  'team.lastAdmin': (p) => `${p.user} est le dernier admin : ajoutez d'abord un autre admin, pour que quelqu'un puisse encore gérer l'équipe.`,
  'team.badVerb': (p) =>
    `« ${p.input} » n'est pas une action d'équipe. Utilisez \`${p.command} team add @utilisateur collector|manager|admin\`, \`${p.command} team remove @utilisateur\`, \`${p.command} team hours @utilisateur lun-ven 09:00-17:30\` ou \`${p.command} team\`.`,
  'team.badUser': (p) =>
    `« ${p.input} » n'est pas une mention d'utilisateur Slack. Tapez @ et choisissez la personne, par ex. \`${p.command} team add @jeanne collector\`.`,
  'team.badRole': (p) =>
    `« ${p.input} » n'est pas un rôle. Utilisez collector, manager ou admin, par ex. \`${p.command} team add @jeanne manager\`.`,
  'team.bot': (p) => `${p.user} est un bot et ne peut pas faire partie de l'équipe.`,
  'team.memberHours': (p) => `${p.user} — ${p.hours} · ${p.zone}`,
  'team.memberDefaultHours': (p) => `${p.user} — horaires par défaut (${p.hours}) · ${p.zone}`,
  'team.workspaceZone': (p) => `${p.zone} (le fuseau de l'espace : pas encore connu de Slack)`,
  'team.hoursHint': (p) =>
    `Les horaires sont dans le fuseau de chacun ; sans horaires réglés, jours ouvrés 09:00–18:00. Réglez-les avec \`${p.command} team hours @utilisateur lun-ven 09:00-17:30\`.`,
  'team.hoursShow': (p) => `${p.user} travaille ${p.hours} (${p.zone}). Changez-les avec \`${p.example}\`.`,
  'team.hoursDefault': (p) => `${p.user} a les horaires par défaut : ${p.hours} (${p.zone}). Réglez les siens avec \`${p.example}\`.`,
  'team.hoursSet': (p) => `${p.user} travaille désormais ${p.hours} (${p.zone}). L'attribution automatique ne lui donne d'appels qu'à ces heures.`,
  'team.hoursCleared': (p) => `${p.user} revient aux horaires par défaut : ${p.hours} (${p.zone}).`,
  'team.hoursZoneUnknown': (p) => `Slack n'a pas donné son fuseau à l'instant : relance lit ces horaires dans le fuseau ${p.zone} en attendant.`,
  'team.hoursBadUser': (p) =>
    `« ${p.input} » n'est pas une mention d'utilisateur Slack. Tapez @ et choisissez la personne, par ex. \`${p.example}\`.`,
  'team.hoursNotMember': (p) =>
    `${p.user} ne fait pas partie de l'équipe et n'a donc pas d'horaires ici. Un admin l'ajoute d'abord : \`${p.command} team add @utilisateur collector\`.`,
  'team.hoursManagerOnly': (p) =>
    `Seul un admin ou un manager peut régler les horaires de quelqu'un d'autre (${p.user}) ; rien n'a changé. Vous pouvez régler les vôtres : \`${p.example}\`.`,
  'role.admin': () => 'admin',
  'role.manager': () => 'manager',
  'role.collector': () => 'collector',

  'settings.title': () => 'Réglages de l\'espace',
  'settings.intro': (p) =>
    `Changez-en un avec \`${p.command} settings set <clé> <valeur>\` ; \`${p.command} settings set <clé> défaut\` revient à la valeur par défaut. Seuls les admins voient et changent les réglages.`,
  'settings.default': () => 'par défaut',
  'settings.setBy': (p) => `réglé par ${p.user} le ${p.date}`,
  'settings.setOn': (p) => `réglé le ${p.date}`,
  'settings.about.channel': () => 'Le canal de l\'équipe : chaque dossier y a son fil. Par défaut : le premier canal doté d\'un relevé.',
  'settings.about.managers_channel': () => 'Où les escalades attendent l\'accord d\'un manager. Par défaut : le canal de l\'équipe.',
  'settings.about.promise_grace_days': () => 'Jours ouvrés après le jour promis avant qu\'une promesse impayée compte comme non tenue (0 à 10).',
  'settings.about.call_backoff_days': () =>
    'Après une absence de réponse ou une messagerie, la tentative suivante vient ce nombre de jours ouvrés plus tard, tentative après tentative ; le dernier nombre se répète (chacun de 1 à 30, 10 au plus).',
  'settings.about.calling_window': () => 'Quand les débiteurs peuvent être appelés : dans le fuseau de chaque débiteur, les jours ouvrés.',
  'settings.about.ladder': () =>
    'L\'échelle de relance : le jour de chaque étape depuis la plus ancienne échéance impayée (jours calendaires). `reminder_2 +12` déplace une étape (plusieurs à la fois : `reminder_2 +20 call +25`), `call off` en retire une, `default` les rétablit toutes ; `/collect ladder` dit ce que fait chaque étape.',
  'settings.about.ladder_catch_up_days': () =>
    'Un dossier qui saute plusieurs étapes d\'un coup n\'agit à l\'étape où il arrive que si le jour de cette étape date d\'au plus ce nombre de jours ; sinon il s\'y place sans rien faire (0 à 90 jours).',
  'settings.about.payment_details': () => 'Comment payer, tel que les brouillons de relance l\'impriment : IBAN, BIC, lien de paiement… (500 caractères au plus).',
  'settings.about.escalation_nudge_hours': () =>
    'Heures ouvrées pendant lesquelles une demande d\'escalade peut attendre une décision avant que les managers ne soient relancés, une fois : les heures des jours ouvrés (week-ends et jours fériés exclus), dans le fuseau de l\'espace de travail (1 à 720).',
  'settings.about.creditor_name': () => 'La raison sociale du créancier, telle que les lettres et le dossier l\'impriment. Nécessaire pour une mise en demeure.',
  'settings.about.creditor_address': () => 'L\'adresse postale du créancier sur une ligne : `;` sépare les lignes d\'une lettre (les virgules aussi). Nécessaire pour une mise en demeure.',
  'settings.about.creditor_company_id': () => 'SIREN, SIRET ou numéro de TVA ; sa clé de contrôle est vérifiée. Nécessaire pour une mise en demeure.',
  'settings.about.creditor_iban': () => 'Le compte sur lequel les débiteurs paient, imprimé sur les lettres ; sa clé de contrôle est vérifiée. Nécessaire pour une mise en demeure.',
  'settings.about.creditor_bic': () => 'Le BIC de la banque, imprimé à côté de l\'IBAN (facultatif).',
  'settings.about.creditor_signatory': () => 'Qui signe les lettres : un nom, et une fonction si on le souhaite. Nécessaire pour une mise en demeure.',
  'settings.about.notice_days': () => 'Jours calendaires que la mise en demeure laisse au débiteur pour payer (1 à 90) ; une échéance tombant un week-end ou un jour férié passe au jour ouvré suivant.',
  'settings.about.calling_profile': () =>
    'Des règles plus strictes pour les équipes qui en veulent : au plus tant d\'appels à un débiteur par 7 jours, et aucun dans les tant de jours après une conversation (un appel où quelqu\'un a répondu). `off` par défaut. `3/7j 2j`, `3 par semaine`, `3 par semaine, 2 jours après une conversation`, `2j`.',
  'settings.about.mail_from': () => 'L\'expéditeur des e-mails de relance : une adresse, avec un nom si vous le souhaitez. Aucun mail ne part tant qu\'il n\'est pas renseigné.',
  'settings.about.mail_reply_to': () => 'Où vont les réponses des débiteurs. Par défaut : l\'adresse d\'expédition.',
  'settings.about.mail_signature': () => 'La signature de chaque e-mail de relance : `;` sépare ses lignes. Par défaut : la raison sociale du créancier.',
  'settings.about.payment_link': () => 'Une page de paiement imprimée dans les relances : une adresse https dont {customer_ref}, {invoices}, {amount}, {currency} et {case} sont remplis depuis le grand livre.',
  'settings.about.send_policy': () => 'Par étape, si un e-mail rédigé attend l\'Envoyer d\'une personne (approve, par défaut) ou part seul (auto). Les chargés de recouvrement approuvent jusqu\'à reminder_3 ; la copie d\'une mise en demeure demande un manager.',
  'settings.about.mail_hours': () => 'Quand les e-mails de relance peuvent parvenir aux débiteurs : dans le fuseau de chaque débiteur, les jours ouvrés. Un mail approuvé hors de cette plage attend.',
  'settings.about.mail_rate': () => 'Le nombre maximal d\'e-mails de relance envoyés par minute pour cet espace ; les autres attendent leur tour.',
  'settings.value.policy.approve': () => 'validation',
  'settings.value.policy.auto': () => 'auto',
  'settings.value.perMinute': (p) => `${p.count} par minute`,
  'settings.about.ledger_max_age': () => 'L\'âge que le grand livre peut atteindre (heures depuis le dernier import, la dernière écriture par l\'API d\'intégration ou le dernier relevé bancaire) avant que les relances n\'attendent : aucun mail ne part et l\'échelle ne prépare rien pour les débiteurs jusqu\'à la prochaine synchronisation, puis tout reprend de soi-même. `36h`, `2d`, ou `off`.',
  'settings.value.maxAge': (p) => (p.hours % 24 === 0 ? `${p.hours / 24} jour${p.hours === 24 ? '' : 's'}` : `${p.hours} heure${p.hours === 1 ? '' : 's'}`) + ' après la dernière synchronisation',
  'settings.value.maxAgeOff': () => 'désactivé : les relances n\'attendent jamais le grand livre',
  'settings.follows.digest': (p) => `le premier canal doté d'un relevé, ${p.channel}`,
  'settings.follows.digestNone': () => 'le premier canal doté d\'un relevé (aucun pour l\'instant)',
  'settings.follows.team': (p) => `le canal de l'équipe, ${p.channel}`,
  'settings.follows.teamNone': () => 'le canal de l\'équipe (aucun pour l\'instant)',
  'settings.value.businessDays': (p) => `${p.days} jour${p.days > 1 ? 's' : ''} ouvré${p.days > 1 ? 's' : ''}`,
  'settings.value.businessDayList': (p) => `${p.days} jour${p.last > 1 ? 's' : ''} ouvré${p.last > 1 ? 's' : ''}`,
  'settings.value.timeRange': (p) => `${p.start}–${p.end}`,
  'settings.value.businessHours': (p) => `${p.hours} heure${p.hours > 1 ? 's' : ''} ouvrée${p.hours > 1 ? 's' : ''}`,
  'settings.value.ladderStep': (p) => `${p.stage} ${p.day}`,
  'settings.value.ladder': (p) => `${p.steps}${p.off ? ` (désactivées : ${p.off})` : ''}`,
  'settings.value.notSet': () => 'non renseigné',
  'settings.value.calendarDays': (p) => `${p.days} jour${p.days > 1 ? 's' : ''}`,
  'profile.off': () => 'désactivé',
  'profile.cap': (p) => `au plus ${p.max} appel${p.max > 1 ? 's' : ''} par 7 jours`,
  'profile.quiet': (p) => `aucun dans les ${p.days} jour${p.days > 1 ? 's' : ''} après une conversation`,
  'settings.changed': (p) => `*${p.key}* vaut maintenant ${p.value} (avant : ${p.before}).`,
  'settings.reset': (p) => `*${p.key}* revient à sa valeur par défaut : ${p.value} (avant : ${p.before}).`,
  'settings.unchanged': (p) => `*${p.key}* vaut déjà ${p.value} ; rien n'a changé.`,
  'settings.notInChannel': (p) =>
    `Je ne suis pas membre de ${p.channel}, je ne pourrais donc pas y publier ; rien n'a changé. Invitez-moi avec \`/invite @relance\` dans ce canal, puis recommencez : \`${p.example}\``,
  'settings.channelNotFound': (p) =>
    `Je ne vois pas le canal « ${p.input} » : il n'existe pas ici, ou il est privé et je n'y suis pas (invitez-moi d'abord avec \`/invite @relance\`). Rien n'a changé. Exemple : \`${p.example}\``,
  'settings.archived': (p) =>
    `${p.channel} est archivé, rien ne peut y être publié ; rien n'a changé. Choisissez un canal actif, par ex. \`${p.example}\``,

  'digest.title': (p) => `Relevé des retards — ${p.date}`,
  'digest.total': (p) => `*En retard :* ${p.amount}${p.change}`,
  'digest.changeUp': (p) => ` (en hausse de ${p.amount} depuis le dernier relevé)`,
  'digest.changeDown': (p) => ` (en baisse de ${p.amount} depuis le dernier relevé)`,
  'digest.changeNone': () => ' (inchangé depuis le dernier relevé)',
  'digest.nothingOverdue': () => '*En retard :* rien. :tada:',
  'digest.aging': (p) =>
    `${p.currency} — échéance sous 7 jours : ${p.soon} · 1–30 j : ${p.a1} · 31–60 j : ${p.a2} · 61–90 j : ${p.a3} · 90+ j : ${p.a4}`,
  'digest.promisesDue': (p) => `*Promesses à échéance aujourd'hui :* ${p.count}`,
  'digest.promisesBroken': (p) => `*Promesses non tenues depuis le dernier relevé :* ${p.count}`,
  'digest.promiseLine': (p) => `• ${p.name} — ${p.amount} (prise par ${p.by})`,
  'digest.callsToday': (p) => `*Appels prévus aujourd'hui :* ${p.list}`,
  'digest.noCalls': () => '*Appels prévus aujourd\'hui :* aucun',
  'digest.unowned': (p) => `*Dossiers à appeler sans responsable :* ${p.count}${p.names ? ` — ${p.names}` : ''}`,
  'digest.approvals': (p) => `*Escalades en attente d'approbation :* ${p.count}`,
  'digest.threadHint': (p) =>
    p.shown === 0 ? 'Aucun dossier à traiter aujourd\'hui.' : `Les ${p.shown} dossiers les plus prioritaires sur ${p.total} sont dans le fil : prenez un appel avec le bouton ou en réagissant :raising_hand:.`,
  'digest.claimedBy': (p) => `:telephone_receiver: Appel pris par ${p.user}`,
  'digest.claimHint': () => 'Réagissez :raising_hand: ou cliquez *Prendre l\'appel* pour vous en charger.',
  'digest.notBusinessDay': (p) => `Le ${p.date} n'est pas un jour ouvré : pas de relevé.`,

  // App Home
  'home.title': () => 'Votre journée de recouvrement',
  'home.calls': (p) => `*Mes appels du jour* (${p.count})`,
  'home.callsNone': () => 'Aucun appel prévu aujourd’hui. :sunny:',
  'home.callLine': (p) => `*${p.name}* — à ${p.time}${p.amount ? ` — ${p.amount} en retard` : ''}`,
  'home.callLate': (p) => `${p.date} ${p.time} (en retard)`,
  'home.promises': (p) => `*Mes promesses à échéance* (${p.count})`,
  'home.promisesNone': () => 'Aucune promesse à échéance aujourd’hui ou passée.',
  'home.promiseToday': (p) => `*${p.name}* — ${p.amount} attendus aujourd’hui`,
  'home.promisePast': (p) => `*${p.name}* — ${p.amount} attendus le ${p.date}, pas encore tenue`,
  'home.cases': (p) => `*Mes dossiers* (${p.count})`,
  'home.casesNone': () => 'Vous n’avez aucun dossier ouvert.',
  'home.caseLine': (p) => `*${p.name}* — ${p.amount || 'rien en retard'} · ${p.status}`,
  'home.more': (p) => `${p.shown} affichés sur ${p.total}, les premiers d’abord.`,
  'home.approvals': (p) => `*Validations qui m’attendent* (${p.count})`,
  'home.approvalsNone': () => 'Rien n’attend votre validation.',
  'home.approvalsSome': (p) => `${p.count} escalade(s) attendent la décision d’un manager.`,
  'home.updated': (p) =>
    `Mis à jour à ${p.time}. L’onglet se rafraîchit quand vous l’ouvrez ou agissez dans relance ; ce que font les autres apparaît à votre prochaine visite.`,
  'digest.unconfirmed.parent': (p) =>
    `:warning: relance n'a pas pu vérifier si le relevé du ${p.day} est déjà dans ${p.channel} (${p.reason}) ; il n'a rien publié de plus, pour ne pas le publier deux fois. Un manager : regardez dans ${p.channel}. Si ce relevé n'y est pas, tapez \`${p.command} digest now confirm ${p.date}\` dans ${p.channel} pour le publier. S'il y est, copiez son lien (⋯ → Copier le lien) et tapez \`${p.command} digest now found &lt;lien&gt;\` : relance publie alors ses réponses par dossier.`,
  'digest.unconfirmed.entry': (p) =>
    `:warning: relance n'a pas pu vérifier si la réponse pour *${p.name}* est déjà dans le fil du relevé du ${p.day} dans ${p.channel} (${p.reason}) ; il n'a rien publié de plus, pour ne pas la publier deux fois. Un manager : regardez dans ce fil. Si cette réponse n'y est pas, tapez \`${p.command} digest now confirm ${p.date}\` dans ${p.channel} pour la publier avec les suivantes. Si elle y est, copiez son lien (⋯ → Copier le lien) et tapez \`${p.command} digest now found &lt;lien&gt;\` : relance publie alors les réponses suivantes.`,
  'digest.unsure.tooMany': (p) => `plus de ${p.count} messages à relire`,
  'digest.unsure.refused': (p) => `Slack a refusé la lecture du canal : ${p.error}`,
  'digest.unsure.missingScope': () =>
    'relance n\'a pas encore le droit de lire l\'historique des canaux (missing_scope) : il a été installé avant d\'en avoir besoin. Un admin doit d\'abord réinstaller l\'application depuis slack/manifest.json',
  'button.claimCall': () => 'Prendre l\'appel',
  'button.logCall': () => 'Noter l\'appel',

  'digestCmd.scheduled': (p) =>
    `Le relevé sera publié dans ${p.channel} à *${p.time}* (${p.zone}) le ${p.days}, sauf jours fériés. \`${p.command} digest off\` l'arrête.`,
  'digestCmd.off': (p) => `Plus de relevé dans ${p.channel}.`,
  'digestCmd.offNone': (p) => `${p.channel} n'avait pas de relevé programmé ; rien n'a changé.`,
  'digestCmd.status': (p) => `${p.channel} reçoit le relevé à *${p.time}* (${p.zone}) le ${p.days}.`,
  'digestCmd.statusNone': (p) => `${p.channel} n'a pas de relevé. Programmez-en un avec \`${p.command} digest schedule 09:00\`.`,
  'digestCmd.posting': (p) => `Publication du relevé du jour dans ${p.channel}…`,
  'digestCmd.already': (p) => `Le relevé du jour (${p.date}) est déjà dans ${p.channel} : il y en a au plus un par jour.`,
  'digestCmd.notInChannel': (p) =>
    `Je ne suis pas membre de ${p.channel}, je ne peux donc pas y publier. Invitez-moi avec \`/invite @relance\` dans ce canal (un canal privé demande une invitation), puis réessayez.`,
  'digestCmd.channelNotFound': (p) =>
    `Je ne vois pas ${p.channel}. S'il s'agit d'un canal privé, invitez-moi d'abord avec \`/invite @relance\` dans ce canal, puis réessayez.`,
  'digestCmd.previewNote': () => '_Aperçu : vous seul le voyez ; rien n\'a été publié._',
  'digestCmd.unconfirmed': (p) =>
    `relance n'a pas pu vérifier si le relevé du ${p.day} est complet dans ${p.channel}, et s'est arrêté plutôt que de publier quoi que ce soit deux fois (son avis dit quel message il n'a pas pu vérifier). Regardez dans ${p.channel} : si ce message manque, \`${p.command} digest now confirm ${p.date}\` le publie avec la suite ; s'il y est, copiez son lien (⋯ → Copier le lien) et tapez \`${p.command} digest now found &lt;lien&gt;\` pour faire publier la suite. D'ici là, \`digest now\` ne publie rien ici ; les relevés programmés partent comme d'habitude.`,
  'digestCmd.confirmed': (p) => `Publication du relevé du ${p.day} dans ${p.channel}, là où il s'était arrêté, puisque vous avez confirmé ce qui manquait…`,
  'digestCmd.nothingUnconfirmed': (p) =>
    `Rien n'attend de confirmation dans ${p.channel} : relance ne s'est arrêté sur aucun relevé de ce canal ces 7 derniers jours. \`${p.command} digest now\` publie celui du jour.`,
  'digestCmd.notUnconfirmed': (p) => `Le relevé du ${p.day} dans ${p.channel} n'attend pas de confirmation ; rien n'a changé.`,
  'digestCmd.foundParent': (p) => `C'est noté : le relevé du ${p.day} est dans ${p.channel}. Publication des réponses par dossier restantes…`,
  'digestCmd.foundEntry': (p) =>
    `C'est noté : la réponse pour *${p.name}* est dans le fil du relevé du ${p.day} dans ${p.channel}. Publication des réponses suivantes…`,
  'digestCmd.notTheParent': (p) =>
    `Ce lien n'est pas celui du relevé du ${p.day} dans ${p.channel}, le message que relance n'a pas pu vérifier : copiez le lien du message du relevé lui-même (⋯ → Copier le lien). Rien n'a changé.`,
  'digestCmd.notTheEntry': (p) =>
    `Ce lien n'est pas celui de la réponse pour *${p.name}* dans le fil du relevé du ${p.day} dans ${p.channel}, le message que relance n'a pas pu vérifier : copiez le lien de cette réponse (⋯ → Copier le lien). Rien n'a changé.`,
  'digestCmd.linkUnreadable': (p) => `Slack n'a pas laissé relance lire ce message (${p.error}) ; rien n'a changé.`,
  'digestCmd.linkNoScope': () =>
    'relance n\'a pas encore le droit de lire l\'historique des canaux (missing_scope) : un admin doit réinstaller l\'application depuis slack/manifest.json, puis réessayez. Rien n\'a changé.',
  'digestCmd.notBusinessDay': (p) =>
    `Le ${p.day} n'est pas un jour ouvré : pas de relevé ce jour-là. Le prochain jour ouvré est le ${p.next}.`,
  'day.1': () => 'lundi', 'day.2': () => 'mardi', 'day.3': () => 'mercredi', 'day.4': () => 'jeudi',
  'day.5': () => 'vendredi', 'day.6': () => 'samedi', 'day.7': () => 'dimanche',
  'days.weekdays': () => 'jours de semaine',
  'days.daily': () => 'tous les jours',

  'claim.done': (p) => `L'appel à *${p.name}* est pour vous. Il est dans votre liste du jour.`,
  'claim.already': (p) => `Vous avez déjà l'appel à *${p.name}*.`,
  'claim.taken': (p) => `L'appel à *${p.name}* est déjà pris par ${p.user}.`,
  'claim.released': (p) => `Vous avez rendu l'appel à *${p.name}*.`,
  'claim.notClaimed': (p) =>
    `L'appel à *${p.name}* reste à vous : il vous a été confié, pas pris avec :raising_hand:, donc retirer la réaction ne le rend pas. Demandez à un manager de le réattribuer.`,
  'claim.closed': () => 'Ce dossier est clos : il n\'y a pas d\'appel à prendre.',
  'claim.notFound': (p) =>
    `Je ne trouve pas ce dossier dans cet espace, rien n'a donc été fait. Cherchez-le avec \`${p.command} case <nom>\`.`,
  'interaction.badValue': (p) =>
    `Ce bouton porte « ${p.input} », qui n'est pas un numéro mis là par relance, il n'a donc rien fait : il n'a pas été créé par relance, ou il est abîmé. Ouvrez le dossier avec \`${p.command} case <nom>\`.`,
  'logCall.title': () => 'Noter un appel',
  'logCall.submit': () => 'Enregistrer',
  'logCall.cancel': () => 'Annuler',
  'logCall.outcome': () => 'Résultat',
  'logCall.note': () => 'Note',
  'logCall.notePlaceholder': () => 'Ce qui a été dit (conservé au dossier)',
  'logCall.done': (p) => `Appel à *${p.name}* enregistré : ${p.outcome}.`,
  'logCall.pickOutcome': () => 'Choisissez un résultat.',
  'logCall.noteTooLong': (p) =>
    `La note fait ${p.length} caractères ; le maximum est ${p.max}. Raccourcissez-la, puis enregistrez l'appel à nouveau.`,
  'logCall.badForm': (p) =>
    `Ce formulaire est abîmé (« ${p.input} » ne désigne pas un dossier), rien n'a donc été enregistré. Fermez-le et cliquez à nouveau Noter l'appel dans le relevé, ou ouvrez le dossier avec \`${p.command} case <nom>\`.`,
  'logCall.noCase': (p) =>
    `Ce dossier n'est pas dans cet espace, rien n'a donc été enregistré. Fermez le formulaire et ouvrez le dossier avec \`${p.command} case <nom>\`.`,
  'logCall.failed': (p) =>
    `Un problème est survenu de mon côté et rien n'a été enregistré. Cliquez à nouveau Enregistrer ; si cela persiste, donnez cette référence à votre admin : ${p.ref}.`,
  'outcome.reached': () => 'joint', 'outcome.no_answer': () => 'pas de réponse', 'outcome.voicemail': () => 'messagerie',
  'outcome.wrong_number': () => 'mauvais numéro', 'outcome.promised': () => 'promesse de paiement', 'outcome.disputed': () => 'contestation',
  'outcome.refused': () => 'refus de payer', 'outcome.paid': () => 'dit avoir payé',
  'activity.call_claimed': () => 'Appel pris',
  'activity.call_released': () => 'Appel rendu',
  'activity.call_logged': (p) => `Appel noté : ${p.outcome}`,
  'activity.call_scheduled': (p) => `Prochain appel prévu le ${p.next}`,
  'activity.call_assigned': (p) => `Appel attribué pour le ${p.date}`,
  'callReminder.due': (p) => `C'est l'heure d'appeler *${p.name}* (${p.ref}) : prévu ${p.date} à ${p.time} (${p.zone}).`,
  'mail.refusedDm': (p) =>
    `Le serveur de messagerie a refusé définitivement l'e-mail (${p.stage}) à *${p.name}* (${p.ref}) : ${p.response}. Plus aucun e-mail ne part vers ${p.address} ; trouvez la bonne adresse, mettez le client à jour, puis approuvez de nouveau la relance (\`${p.command} case ${p.ref}\`).`,
  'mail.gaveUpDm': (p) =>
    `L'e-mail (${p.stage}) à *${p.name}* (${p.ref}) n'a pas pu être remis après ${p.attempts} tentatives (dernière réponse : ${p.response}) ; relance a cessé d'essayer. Vérifiez les réglages e-mail et l'adresse (\`${p.command} case ${p.ref}\`).`,
  'help.assign.summary': () => 'Confie l\'appel d\'un dossier à quelqu\'un (vous par défaut) à une heure donnée, avec un rappel en message privé à l\'échéance.',
  'help.assign.details': () =>
    'Indiquez le dossier, puis éventuellement une personne (`@jeanne`, réservé aux managers pour quelqu\'un d\'autre) et un jour avec une heure facultative (`vendredi 14:30`), lus dans le fuseau de cette personne. Sans jour : son prochain matin de travail (`team hours`), déplacé à quand le débiteur peut être appelé. L\'heure doit être dans la plage d\'appel du débiteur (`calling_window`, dans son fuseau) et respecter le profil d\'appel s\'il y en a un (`calling_profile`) ; hors des horaires de la personne, c\'est seulement signalé. Un dossier a un seul appel ouvert : attribuer à nouveau le remplace.',
  'assign.usage': (p) => `Quel dossier, et pour qui ? Par exemple : \`${p.command} assign C-1042\`, \`${p.command} assign acme @jeanne vendredi 14:30\`.`,
  'assign.notFound': (p) => `Aucun dossier ouvert ne correspond à « ${p.input} ». Par exemple : \`${p.command} assign C-1042 demain 10:00\`.`,
  'assign.noOpenCase': (p) => `*${p.name}* n'a pas de dossier ouvert : personne à appeler.`,
  'assign.managerOnly': (p) => `Seul un manager peut confier un appel à quelqu'un d'autre (${p.user}). Attribuez-le-vous : \`${p.example}\`.`,
  'assign.notOnTeam': (p) => `${p.user} ne fait pas partie de l'équipe et ne peut pas prendre d'appels. Ajoutez cette personne d'abord, ou choisissez un membre : \`${p.example}\`.`,
  'assign.badUser': (p) => `« ${p.input} » n'est pas une personne : mentionnez-la avec @. Par exemple : \`${p.example}\`.`,
  'assign.past': (p) => `« ${p.input} » (${p.date} à ${p.time}) est déjà passé. Par exemple : \`${p.example}\`.`,
  'assign.outsideWindow': (p) =>
    `« ${p.input} » correspond à ${p.local} pour le débiteur (${p.zone}), hors de sa plage d'appel (${p.window}, jours ouvrés). Prochaine heure possible : ${p.next} : \`${p.example}\`.`,
  'assign.assigned': (p) => `Appel à *${p.name}* confié à ${p.user} pour ${p.date} à ${p.time} (${p.zone}). Un rappel part en message privé à l'échéance.`,
  'assign.replaced': (p) => `L'appel précédent (${p.user}) est annulé.`,
  'assign.overCap': (p) =>
    `« ${p.input} » ferait un appel de trop à *${p.name}* : ${p.calls} déjà noté${p.calls > 1 ? 's' : ''} dans les 7 jours qui précèdent, et le profil d'appel en permet ${p.max} par 7 jours. La prochaine heure permise est ${p.next}, ${p.nextDebtor} pour le débiteur : \`${p.example}\`.`,
  'assign.afterConversation': (p) =>
    `« ${p.input} » tombe dans les ${p.days} jour${p.days > 1 ? 's' : ''} qui suivent la dernière conversation avec *${p.name}* (${p.when}), ce que le profil d'appel ne permet pas. La prochaine heure permise est ${p.next}, ${p.nextDebtor} pour le débiteur : \`${p.example}\`.`,
  'assign.noAllowedTime': (p) =>
    `Je n'ai trouvé aucune heure dans les semaines qui viennent où *${p.name}* peut être appelé selon le profil d'appel (${p.profile}). Rien n'a été attribué.`,
  'assign.movedByProfile': (p) => `C'est la première heure que permet le profil d'appel (${p.profile}).`,
  'assign.outsideHours': (p) => `:warning: C'est en dehors des horaires de travail de ${p.user} (${p.hours}, ${p.zone}).`,
  'autoAssign.title': (p) => `Vos appels du ${p.date}, attribués par relance (${p.count}) :`,
  'autoAssign.line': (p) => `• *${p.name}* (${p.ref}) à ${p.time}`,
  'autoAssign.lineOtherDay': (p) => `• *${p.name}* (${p.ref}) le ${p.date} à ${p.time}`,
  'autoAssign.more': (p) => `…et ${p.count} de plus : tous sont dans votre onglet Accueil.`,
  'autoAssign.footer': (p) =>
    `Heures dans le fuseau ${p.zone}. Notez chaque appel avec \`${p.command} log <dossier>\` ; un manager peut en déplacer un avec \`${p.command} assign\`.`,
  'activity.phone_flagged_wrong': () => 'Numéro de téléphone signalé faux',
  'activity.payment_claimed': (p) =>
    `Dit avoir payé${p.amount ? ` ${p.amount}` : ''} : à confirmer quand le paiement sera importé ou enregistré`,
  'activity.escalation_suggested': () => 'Refus de payer : escalade suggérée',
  'help.escalate.summary': () => 'Demande à un manager une mise en demeure, un passage en agence de recouvrement ou une action judiciaire.',
  'help.escalate.details': () =>
    'Indiquez le dossier, puis `notice` (mise en demeure), `agency` ou `legal` (en français : `mise en demeure`, `agence`, `judiciaire`), puis le motif si vous voulez. La demande est publiée dans le canal des managers (`managers_channel` ; par défaut le canal de l\'équipe) avec le résumé du dossier — solde, ancienneté, relances et appels, promesses non tenues, litiges — et les boutons **Approuver** / **Refuser** ; les managers reçoivent un message privé. Un manager autre que vous décide (double regard) ; vous recevez la décision en message privé, et elle va dans le fil du dossier et l\'historique. Approuvée : une mise en demeure passe le dossier en _mise en demeure envoyée_, agence et judiciaire en _en agence_ / _action judiciaire_ (ses appels prévus sont annulés). Une demande qui attend plus de `escalation_nudge_hours` heures ouvrées est relancée une fois.',
  'help.writeoff.summary': () => 'Demande à un manager de passer un dossier en perte ; une fois approuvé, le dossier est clos en perte.',
  'help.writeoff.details': () =>
    'Indiquez le dossier, puis le motif (obligatoire : le manager qui approuve le lit). La demande est publiée et décidée comme une escalade. Approuvée : le dossier est passé en perte, ses tâches ouvertes et promesses en attente sont annulées, et toute autre demande sur lui est close.',
  'help.escalations.summary': () => 'Les demandes en attente de décision, avec Approuver et Refuser (managers).',
  'help.escalations.details': () =>
    'Les plus anciennes d\'abord, 8 par page (`escalations 2` pour la deuxième). Vos propres demandes s\'affichent sans boutons : un autre manager en décide. Quand le processus de relance propose beaucoup d\'escalades à la fois, elles ne sont pas publiées une à une : elles se décident ici.',
  'escalationKind.notice': () => 'mise en demeure',
  'escalationKind.agency': () => 'passage en agence de recouvrement',
  'escalationKind.legal': () => 'action judiciaire',
  'escalationKind.writeoff': () => 'passage en perte',
  'activity.escalation_requested': (p) => `Approbation d'un manager demandée : ${p.escalation}`,
  'activity.escalation_approved': (p) => `Approuvé : ${p.escalation}`,
  'activity.escalation_rejected': (p) => `Refusé : ${p.escalation}`,
  'activity.escalation_cancelled': (p) => `Demande de ${p.escalation} close sans décision : le dossier a évolué`,
  'escalation.title': (p) => `:scales: *Approbation demandée : ${p.kind}* — *${p.name}* (${p.ref})`,
  'escalation.text': (p) => `Approbation demandée : ${p.kind} pour ${p.name} (${p.ref})`,
  'escalation.decidedText': (p) => `${p.decision} : ${p.kind} pour ${p.name} (${p.ref})`,
  'escalation.status.approved': () => 'Approuvé',
  'escalation.status.rejected': () => 'Refusé',
  'escalation.status.cancelled': () => 'Clos sans décision',
  'escalation.brief.balanceLabel': () => 'En retard',
  'escalation.brief.balanceOpen': (p) => `${p.overdue} (${p.open} dus en tout)`,
  'escalation.brief.agingLabel': () => 'Plus ancien impayé',
  'escalation.brief.aging': (p) => `échu le ${p.date}, ${p.days} jour${p.days > 1 ? 's' : ''} de retard`,
  'escalation.brief.statusLabel': () => 'Statut',
  'escalation.brief.remindersLabel': () => 'Relances',
  'escalation.brief.reminders': (p) =>
    p.count === 0 ? 'aucune rédigée' : `${p.count} rédigée${p.count > 1 ? 's' : ''}${p.last ? `, la dernière le ${p.last}` : ''}`,
  'escalation.brief.callsLabel': () => 'Appels',
  'escalation.brief.calls': (p) => (p.count === 0 ? 'aucun enregistré' : `${p.count} enregistré${p.count > 1 ? 's' : ''}${p.last ? ` ; ${p.last}` : ''}`),
  'escalation.brief.lastCall': (p) => `dernier : ${p.outcome} le ${p.date}`,
  'escalation.brief.promisesLabel': () => 'Promesses non tenues',
  'escalation.brief.brokenPromises': (p) => (p.count === 0 ? 'aucune' : String(p.count)),
  'escalation.brief.disputesLabel': () => 'Litiges',
  'escalation.brief.disputes': (p) => (p.count === 0 ? 'aucun' : `${p.count} (dossier suspendu pour litige)`),
  'escalation.brief.nothing': () => 'rien',
  'caseBrief.label.ai': () => 'Synthèse (IA)',
  'caseBrief.label.rules': () => 'Synthèse',
  'caseBrief.noReminder': () => 'aucune relance pour l\'instant',
  'caseBrief.reminders': (p) =>
    `${p.count} relance${p.count > 1 ? 's' : ''}${p.sent > 0 ? ` (${p.sent} par e-mail)` : ''}, la dernière le ${p.last}`,
  'caseBrief.noCall': () => 'aucun appel enregistré',
  'caseBrief.calls': (p) =>
    `${p.count} appel${p.count > 1 ? 's' : ''}, ${p.reached} joint${p.reached > 1 ? 's' : ''} (dernier : ${p.outcome} le ${p.last})`,
  'caseBrief.broken': (p) =>
    `${p.count} promesse${p.count > 1 ? 's' : ''} non tenue${p.count > 1 ? 's' : ''} (${p.count > 1 ? 'dernière : ' : ''}${p.amount} pour le ${p.date})`,
  'caseBrief.pending': (p) => `une promesse de ${p.amount} pour le ${p.date} en cours`,
  'caseBrief.disputed': (p) => `contesté : ${p.reasons}`,
  'caseBrief.planBroken': () => 'un échéancier non tenu',
  'caseBrief.lastPayment': (p) => `dernier paiement ${p.amount} le ${p.date}`,
  'caseBrief.noPayment': () => 'aucun paiement reçu',
  'escalation.reason': (p) => `*Motif :*\n${p.reason}`,
  'escalation.noReason': () => '_Aucun motif donné._',
  'escalation.requestedBy': (p) => `Demandé par ${p.user} le ${p.date}`,
  'escalation.proposedByLadder': (p) => `Proposé par le processus de relance le ${p.date}`,
  'escalation.routesHint': () => 'Le processus de relance propose de transmettre le dossier : approuvez un passage en agence de recouvrement ou une action judiciaire.',
  'escalation.legal.title': () => '*Voie judiciaire*',
  'escalation.legal.smallClaims': (p) =>
    `Créance (principal et intérêts) : ${p.claim}, jusqu'à 5 000 € : la procédure simplifiée de recouvrement des petites créances par un commissaire de justice (CPCE L125-1 ; le débiteur a un mois, l'accord vaut titre exécutoire), ou une injonction de payer.`,
  'escalation.legal.above': (p) =>
    `Créance (principal et intérêts) : ${p.claim}, au-delà de 5 000 € : une injonction de payer (CPC 1405 et s., sans tentative amiable préalable).`,
  'escalation.legal.notEuros': (p) =>
    `Créance (principal et intérêts) : ${p.claim}. Le plafond de 5 000 € de la procédure des petites créances est en euros : convertissez pour le vérifier ; au-delà, une injonction de payer.`,
  'escalation.legal.commercial': () =>
    'Juridiction de l\'injonction de payer : le tribunal de commerce du siège du débiteur (tribunal des activités économiques dans les douze tribunaux pilotes).',
  'escalation.legal.judicial': () => 'Juridiction de l\'injonction de payer : le tribunal judiciaire (le débiteur est un consommateur).',
  'escalation.noConsumerFees': () =>
    'Aucun frais de recouvrement n\'est réclamé à ce consommateur : sans titre exécutoire, ils restent à la charge du créancier (CPCE L111-8).',
  'escalation.fourEyes': () => 'Tout manager autre que le demandeur peut décider. Discutez-en dans ce fil.',
  'escalation.approve': () => 'Approuver',
  'escalation.approveRoute': (p) => `Approuver : ${p.kind}`,
  'escalation.reject': () => 'Refuser',
  'escalation.nobody': () => 'relance',
  'escalation.approvedLine': (p) => `:white_check_mark: *Approuvé* (${p.kind}) par ${p.user} le ${p.date}`,
  'escalation.rejectedLine': (p) => `:x: *Refusé* par ${p.user} le ${p.date} :\n${p.reason}`,
  'escalation.cancelledLine': (p) => `:heavy_minus_sign: *Clos sans décision* le ${p.date} : le dossier a évolué (payé, passé en perte ou escaladé plus loin).`,
  'escalation.dm.teamChannel': () => 'le canal de l\'équipe',
  'escalation.dm.request': (p) =>
    `${p.user} demande : ${p.kind} pour *${p.name}* (${p.ref}). La décision d'un manager est attendue dans ${p.where}, ou avec \`${p.command} escalations\`.`,
  'escalation.dm.proposal': (p) =>
    `Le processus de relance propose : ${p.kind} pour *${p.name}* (${p.ref}). La décision d'un manager est attendue dans ${p.where}, ou avec \`${p.command} escalations\`.`,
  'escalation.dm.burst': (p) =>
    `Le processus de relance propose ${p.count} escalades à la fois. Elles attendent la décision d'un manager : \`${p.command} escalations\`.`,
  'escalation.dm.approved': (p) =>
    `Votre demande (${p.kind}) pour *${p.name}* (${p.ref}) a été approuvée par ${p.user}. \`${p.command} case ${p.ref}\``,
  'escalation.dm.rejected': (p) =>
    `Votre demande (${p.kind}) pour *${p.name}* (${p.ref}) a été refusée par ${p.user} :\n${p.reason}`,
  'escalation.nudge': (p) =>
    `${p.managers.text ? `${p.managers} ` : ''}:hourglass: Cette demande attend une décision depuis plus de ${p.hours} heure${p.hours > 1 ? 's' : ''} ouvrée${p.hours > 1 ? 's' : ''}.`,
  'escalation.nudgeList': (p) =>
    `${p.managers.text ? `${p.managers} ` : ''}:hourglass: ${p.count} escalade${p.count > 1 ? 's attendent' : ' attend'} une décision depuis plus de ${p.hours} heure${p.hours > 1 ? 's' : ''} ouvrée${p.hours > 1 ? 's' : ''} : \`${p.command} escalations\``,
  'escalation.decide.managersOnly': (p) =>
    `Seul un manager peut approuver ou refuser une escalade, et vous êtes ${p.role}. Rien n'a changé.`,
  'escalation.decide.approved': (p) =>
    `Approuvé : ${p.kind} pour *${p.name}*. Le dossier est maintenant *${p.status}* ; le demandeur est prévenu, et c'est dans le fil du dossier.`,
  'escalation.decide.rejected': (p) =>
    `Refusé : ${p.kind} pour *${p.name}*. Le demandeur reçoit votre motif, et c'est dans le fil du dossier.`,
  'escalation.decide.notFound': (p) =>
    `Cette demande n'est pas dans cet espace de travail, donc rien n'a changé. Voyez ce qui attend avec \`${p.command} escalations\`.`,
  'escalation.decide.own': (p) =>
    `Vous avez fait vous-même cette demande (${p.kind}) pour *${p.name}* : un autre manager décide (double regard). Rien n'a changé.`,
  'escalation.decide.caseClosed': (p) =>
    `*${p.name}* n'a plus de dossier ouvert (payé ou passé en perte) : la demande est close sans décision.`,
  'escalation.decide.alreadyApproved': (p) =>
    `Cette demande (${p.kind}) pour *${p.name}* a déjà été approuvée par ${p.user} le ${p.date}. Rien n'a changé.`,
  'escalation.decide.alreadyRejected': (p) =>
    `Cette demande (${p.kind}) pour *${p.name}* a déjà été refusée par ${p.user} le ${p.date}. Rien n'a changé.`,
  'escalation.decide.alreadyClosed': (p) =>
    `Cette demande pour *${p.name}* a été close sans décision le ${p.date} : le dossier a évolué. Rien n'a changé.`,
  'rejectForm.title': () => 'Refuser la demande',
  'rejectForm.submit': () => 'Refuser',
  'rejectForm.cancel': () => 'Annuler',
  'rejectForm.intro': (p) =>
    `Refuser la demande (${p.kind}) pour *${p.name}* (${p.ref}) ? Le demandeur reçoit votre motif en message privé, et il va au dossier.`,
  'rejectForm.reason': () => 'Pourquoi ?',
  'rejectForm.placeholder': () => 'ex. : il a payé la moitié hier, laissons-lui deux semaines',
  'rejectForm.needReason': () => 'Dites pourquoi : le demandeur le lit, et cela va au dossier.',
  'rejectForm.tooLong': (p) => `Le motif fait ${p.length} caractères ; le maximum est ${p.max}. Raccourcissez-le.`,
  'rejectForm.staleTrigger': () => 'Slack n\'a pas laissé le formulaire s\'ouvrir à temps (il accorde 3 secondes). Appuyez de nouveau sur *Refuser*.',
  'rejectForm.badForm': (p) =>
    `Ce formulaire est endommagé (« ${p.input} » ne désigne aucune demande), donc rien n'a été refusé. Fermez-le et utilisez \`${p.command} escalations\`.`,
  'rejectForm.failed': (p) =>
    `Une erreur s'est produite de mon côté et rien n'a été refusé. Réessayez ; si cela persiste, donnez cette référence à votre admin : ${p.ref}.`,
  'escalations.title': (p) => `Escalades en attente de décision (${p.count})`,
  'escalations.none': () => 'Rien n\'attend de décision. :tada:',
  'escalations.byLadder': () => 'le processus de relance',
  'escalations.row': (p) =>
    `*${p.kind}* — *${p.name}* (${p.ref}) · ${p.overdue} en retard · ${p.days} jours · demandé par ${p.who} le ${p.date}`,
  'escalations.own': () => 'Votre propre demande : un autre manager décide.',
  'escalations.page': (p) => `Page ${p.page} sur ${p.pages}. Suivante : \`${p.command} escalations ${p.next}\``,
  'escalations.lastPage': (p) => `Page ${p.page} sur ${p.pages}.`,
  'escalations.next': () => 'Page suivante',
  'escalations.badPage': (p) => `« ${p.input} » n'est pas un numéro de page. Exemple : \`${p.command} escalations 2\``,
  'escalate.usage': (p) =>
    `Quel dossier, et quelle escalade ? Par ex. \`${p.command} escalate acme mise en demeure aucune réponse à trois relances\` (mise en demeure, agence ou judiciaire ; le motif est facultatif).`,
  'escalate.notFound': (p) =>
    `Aucun dossier ne correspond à « ${p.input} », donc rien n'a été demandé. Utilisez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} escalate ACME notice\`.`,
  'escalate.closed': (p) => `*${p.name}* n'a pas de dossier ouvert (rien n'est en retard), donc il n'y a rien à escalader.`,
  'escalate.noCase': (p) =>
    `Ce dossier est clos ou n'est plus dans cet espace de travail, donc rien n'a été demandé. Cherchez-le avec \`${p.command} case <nom>\`.`,
  'escalate.missingKind': (p) =>
    `Quelle escalade pour *${p.name}* : mise en demeure (notice), agence (agency) ou judiciaire (legal) ? Exemple : \`${p.example}\``,
  'escalate.unknownKind': (p) =>
    `« ${p.input} » n'est pas une escalade : utilisez notice (mise en demeure), agency (agence) ou legal (judiciaire). Rien n'a été demandé. Exemple : \`${p.example}\``,
  'escalate.reasonTooLong': (p) =>
    `Le motif fait ${p.length} caractères ; le maximum est ${p.max}. Rien n'a été demandé. Exemple : \`${p.example}\``,
  'escalate.already': (p) => `*${p.name}* en est déjà là ou plus loin (${p.status}), donc rien n'a été demandé.`,
  'escalate.pending': (p) =>
    `Une demande (${p.kind}) pour *${p.name}* attend déjà un manager (demandée par ${p.user} le ${p.date}), donc rien de nouveau n'a été demandé. Les managers la voient avec \`${p.command} escalations\`.`,
  'escalate.noChannel': (p) =>
    `le canal de l'équipe dès qu'il y en aura un (un admin le choisit avec \`${p.command} settings set channel #recouvrement\`)`,
  'escalate.requested': (p) =>
    `Demande envoyée : ${p.kind} pour *${p.name}* (${p.ref}), publiée dans ${p.where}${p.managers > 0 ? ` et envoyée en message privé à ${p.managers} manager${p.managers > 1 ? 's' : ''}` : ''}. Un manager autre que vous décide ; vous recevrez la décision en message privé.`,
  'writeoff.usage': (p) => `Quel dossier, et pourquoi ? Par ex. \`${p.command} writeoff acme société liquidée, créance déclarée\`.`,
  'writeoff.notFound': (p) =>
    `Aucun dossier ne correspond à « ${p.input} », donc rien n'a été demandé. Utilisez une référence client, un numéro de facture ou le début d'un nom de client, par ex. \`${p.command} writeoff ACME société liquidée\`.`,
  'writeoff.closed': (p) => `*${p.name}* n'a pas de dossier ouvert (rien n'est en retard), donc il n'y a rien à passer en perte.`,
  'writeoff.missingReason': (p) =>
    `Pourquoi passer *${p.name}* en perte ? Le motif est obligatoire : le manager qui approuve le lit. Rien n'a été demandé. Exemple : \`${p.example}\``,
  'help.log.summary': () => 'Note un appel : comment il s\'est passé, et la suite (promesse, prochain essai, pause pour litige…).',
  'help.log.details': () =>
    'Indiquez le dossier, puis le résultat : `joint`, `pas de réponse`, `répondeur`, `faux numéro`, `promis <montant> <date>`, `litige <prix|qualité|non livré|déjà payé|autre>`, `refus`, `payé [montant]` (les mots anglais marchent aussi : `no answer`, `voicemail`…). Les mots suivants sont la note. Un nom de plusieurs mots se met entre guillemets, ou se lit comme le plus long début qui désigne un seul client. Un texte libre sans résultat en tête (`log acme paiera la moitié vendredi`) est lu (par l\'IA si une clé est configurée, sinon par des règles) et affiché avec *Confirmer*, *Modifier* et *Annuler* : rien n\'est noté avant votre confirmation. Un résultat sans ce qu\'il demande, ou le dossier seul, ouvre le formulaire. Pas de réponse et répondeur prévoient le prochain appel après le délai de relance (`call_backoff_days`), au début de la plage d\'appel dans le fuseau du débiteur ; un litige met le dossier en pause 30 jours ou jusqu\'à la date de suivi ; un paiement annoncé par le débiteur est noté pour que la comptabilité le confirme ; un refus suggère l\'escalade. Après une mise en demeure : `lettre-envoyée [n° de suivi]` note son envoi aujourd\'hui, `AR reçu <date>` le jour où l\'accusé de réception a été signé ; sur un dossier confié à une agence ou au contentieux, `récupéré <montant> [note]` enregistre la somme récupérée comme paiement, sur les factures les plus anciennes d\'abord.',
  'log.usage': (p) =>
    `Quel dossier, et comment s'est passé l'appel ? Par ex. \`${p.command} log acme pas de réponse\`, ou \`${p.command} log acme\` pour le formulaire.`,
  'log.notFound': (p) =>
    `Aucun dossier ne correspond à « ${p.input} », rien n'a donc été noté. Utilisez une référence client, un numéro de facture ou le début d'un nom de client ; un nom de plusieurs mots se met entre guillemets, par ex. \`${p.command} log "boulangerie martin" pas de réponse\`.`,
  'log.refused': (p) => `« ${p.input} » : ${p.reason} Rien n'a été noté. Exemple : \`${p.example}\``,
  'notice.sentRecorded': (p) =>
    `Mise en demeure à *${p.name}* notée comme envoyée aujourd'hui${p.tracking ? ` (n° de suivi ${p.tracking})` : ''}. Elle laisse jusqu'au ${p.deadline} pour payer ; passé ce délai, l'échelle propose l'agence ou le tribunal.`,
  'notice.receivedRecorded': (p) =>
    `Accusé de réception noté : *${p.name}* a reçu la mise en demeure le ${p.date}.`,
  'notice.noCase': (p) => `*${p.name}* n'a pas de dossier ouvert, donc pas de mise en demeure à noter. Rien n'a été écrit.`,
  'notice.noLetter': (p) =>
    `*${p.name}* n'a pas encore de mise en demeure : rien à noter comme envoyé ou reçu. Rien n'a été écrit. Une mise en demeure vient d'une demande approuvée : \`${p.command} escalate ${p.ref} notice\`.`,
  'notice.alreadySent': (p) =>
    `La mise en demeure à *${p.name}* est déjà notée comme envoyée le ${p.date}${p.tracking ? ` (n° de suivi ${p.tracking})` : ''}. Un envoi noté fait preuve et ne se modifie pas : rien n'a été écrit.`,
  'notice.alreadyReceived': (p) =>
    `La réception de la mise en demeure à *${p.name}* est déjà notée, le ${p.date}. Une réception notée fait preuve et ne se modifie pas : rien n'a été écrit.`,
  'notice.beforeSending': (p) =>
    `« ${p.input} » est avant l'envoi de la mise en demeure à *${p.name}* (${p.date}) : indiquez le jour où l'accusé de réception a été signé. Rien n'a été écrit. Exemple : \`${p.example}\``,
  'notice.beforeMade': (p) =>
    `« ${p.input} » est avant même la création de la mise en demeure à *${p.name}* (${p.date}) : indiquez le jour où l'accusé de réception a été signé. Rien n'a été écrit. Exemple : \`${p.example}\``,
  'recovered.recorded': (p) =>
    `Récupéré auprès de *${p.name}* : ${p.amount}, enregistré comme paiement sur ${p.invoices}. Reste dû : ${p.left}.`,
  'recovered.resolved': (p) =>
    `Récupéré auprès de *${p.name}* : ${p.amount}, enregistré comme paiement sur ${p.invoices}. Plus rien n'est en retard : le dossier est résolu.`,
  'recovered.notHandedOff': (p) =>
    `*${p.name}* n'est ni confié à une agence ni au contentieux (${p.status}), donc rien n'a été enregistré. Un paiement du client arrive par l'import des paiements ; un paiement qu'il annonce : \`${p.command} log ${p.ref} payé 300\`.`,
  'recovered.nothingOwed': (p) =>
    `*${p.name}* ne doit rien en ${p.currency}, donc rien n'a été enregistré.`,
  'recovered.moreThanBalance': (p) =>
    `« ${p.input} » dépasse ce que doit *${p.name}* (${p.balance}), donc rien n'a été enregistré. Exemple : \`${p.example}\``,
  'logCall.loading': () => 'Ouverture du dossier…',
  'logCall.close': () => 'Fermer',
  'logCall.amount': () => 'Montant',
  'logCall.amountHint': () =>
    'Promesse de paiement : le montant promis (obligatoire). Dit avoir payé : ce qu\'il dit avoir payé, s\'il l\'a dit. Sans devise, c\'est celle que doit le dossier.',
  'logCall.amountPlaceholder': () => 'par ex. 1 200,50 ou 500 EUR',
  'logCall.promiseDate': () => 'Date de paiement promise',
  'logCall.promiseDateHint': () => 'Obligatoire pour une promesse de paiement : le jour où il paiera au plus tard.',
  'logCall.dispute': () => 'Motif du litige',
  'logCall.disputeHint': () => 'Obligatoire pour une contestation : sur quoi porte le litige.',
  'logCall.nextDate': () => 'Prochain suivi',
  'logCall.nextDateHint': (p) =>
    `Un appel ce jour-là. Laissé vide après pas de réponse ou un répondeur, le prochain appel vient de lui-même après ${p.days} jours ouvrés, essai après essai. Pour un litige, le dossier est en pause jusqu'à ce jour (30 jours si vide).`,
  'logCall.phoneWrong': (p) => `:warning: Le numéro de téléphone a été signalé faux le ${p.date}.`,
  'logCall.needAmount': () => 'Combien a-t-il promis ? Par ex. 500 ou 1 200,50 EUR.',
  'logCall.needPromiseDate': () => 'Pour quand paiera-t-il ?',
  'logCall.needDispute': () => 'Sur quoi porte le litige ?',
  'logCall.pastDate': (p) => `Le ${p.date} est passé (nous sommes le ${p.today}) : choisissez aujourd'hui ou un jour suivant.`,
  'logCall.pastPromise': (p) => `La date promise est passée (nous sommes le ${p.today}) : choisissez aujourd'hui ou un jour suivant.`,
  'logCall.pauseNotAfterToday': (p) => `Un litige met le dossier en pause jusqu'à ce jour, qui doit venir après aujourd'hui (${p.today}).`,
  'logCall.notPositive': () => 'Le montant doit être supérieur à zéro.',
  'logCall.nothingOverdue': () => 'Rien n\'est en retard sur ce dossier aujourd\'hui : il n\'y a pas de promesse à enregistrer.',
  'logCall.whichCurrency': (p) => `Indiquez le montant dans une devise que ce dossier doit en retard (${p.currencies}), par ex. ${p.example}.`,
  'logCall.tooLarge': (p) => `C'est plus que les ${p.balance} en retard : une promesse couvre au plus ce qui est en retard.`,
  'logCall.closedCase': (p) => `*${p.name}* n'a pas de dossier ouvert (rien n'est en retard) : il n'y a pas d'appel à noter.`,
  'logCall.closedCaseShort': () => 'Ce dossier est clos (rien n\'est en retard) : rien n\'a été noté.',
  'logCall.staleTrigger': () => 'Slack n\'a pas laissé le formulaire s\'ouvrir à temps (il accorde 3 secondes). Appuyez de nouveau sur *Noter l\'appel*.',
  'logCall.staleTriggerCommand': (p) =>
    `Slack n'a pas laissé le formulaire s'ouvrir à temps (il accorde 3 secondes). Appuyez sur le bouton pour noter l'appel à *${p.name}*.`,
  'logCall.formOpened': (p) => `Notez l'appel à *${p.name}* dans le formulaire.`,
  'logCall.promised': (p) => `Promesse enregistrée : *${p.amount}* au plus tard le *${p.date}*.`,
  'logCall.paused': (p) => `Le dossier est en pause jusqu'au *${p.until}* (litige : ${p.dispute}) : ni relance ni appel d'ici là.`,
  'logCall.phoneFlagged': () => 'Le numéro est désormais signalé faux sur la fiche du dossier : trouvez-en un autre avant le prochain appel.',
  'logCall.paymentClaimed': (p) =>
    `Noté comme un paiement qu'il dit avoir fait${p.amount ? ` (${p.amount})` : ''}. Le solde ne change pas tant que le paiement n'est pas importé ou enregistré : demandez à la comptabilité de le confirmer.`,
  'logCall.escalate': (p) =>
    `Il refuse de payer : l'escalade est la prochaine étape. Demandez une mise en demeure à un manager avec \`${p.command} escalate ${p.ref} notice\`.`,
  'logCall.nextCall': (p) => `Prochain appel : ${p.date} à ${p.time} (${p.zone}), dans votre liste.`,

  'noteReading.heading': (p) => `Ce que j'ai compris de votre note sur l'appel à *${p.name}* :`,
  'noteReading.outcome': () => 'Résultat',
  'noteReading.amount': () => 'Montant',
  'noteReading.date': () => 'Date',
  'noteReading.plan': () => 'Échéancier',
  'noteReading.nextStep': () => 'Suite',
  'noteReading.dispute': () => 'Contestation',
  'noteReading.nothing': () => '—',
  'noteReading.planValue': (p) => `${p.count} échéances, ${p.every}`,
  'noteReading.every.week': () => 'chaque semaine',
  'noteReading.every.fortnight': () => 'toutes les 2 semaines',
  'noteReading.every.month': () => 'chaque mois',
  'noteReading.callBack': (p) => `rappeler le ${p.date}`,
  'noteReading.escalate': () => 'escalade (mise en demeure ou agence)',
  'noteReading.noNextStep': () => 'aucune',
  'noteReading.yourNote': () => 'Votre note :',
  'noteReading.byAi': () => 'Lu par l\'IA : vérifiez avant de confirmer.',
  'noteReading.byRules': (p) => `Lu par les règles (${p.why}).`,
  'noteReading.why.no_key': () => 'aucune clé d\'IA n\'est configurée',
  'noteReading.why.timeout': () => 'l\'IA n\'a pas répondu à temps',
  'noteReading.why.http_error': () => 'le service d\'IA n\'a pas répondu',
  'noteReading.why.invalid_output': () => 'la réponse de l\'IA était inutilisable',
  'noteReading.dropped': (p) => `Laissé vide car votre note ne le dit pas : ${p.fields}.`,
  'noteReading.summary': (p) => `Résumé : ${p.summary}`,
  'noteReading.missing': (p) => `Il manque, pour noter l'appel : ${p.fields}. Appuyez sur *Modifier* pour le compléter.`,
  'noteReading.missing.outcome': () => 'le résultat',
  'noteReading.missing.amount': () => 'le montant promis',
  'noteReading.missing.date': () => 'la date promise',
  'noteReading.missing.dispute': () => 'l\'objet de la contestation',
  'noteReading.planHint': (p) => `Noter l'appel ne crée pas l'échéancier : utilisez \`${p.command} plan\` une fois l'appel noté.`,
  'noteReading.button.confirm': () => 'Confirmer',
  'noteReading.button.edit': () => 'Modifier',
  'noteReading.button.cancel': () => 'Annuler',
  'noteReading.gone': (p) =>
    `Cette lecture n'est plus en attente (déjà notée, annulée, ou vieille de plus d'un jour) : rien n'a été noté. Notez l'appel à nouveau avec \`${p.command} log\`.`,
  'noteReading.cancelled': () => 'Annulé : rien n\'a été noté.',
  'noteReading.alreadyLogged': () => 'Cet appel a déjà été noté à partir de sa note.',
  'noteReading.fixWithEdit': () => 'Rien n\'a été noté : appuyez sur *Modifier* sous la lecture pour corriger.',

  'reminder.button.send': () => 'Envoyer',
  'reminder.button.edit': () => 'Modifier',
  'reminder.button.skip': () => 'Ignorer',
  'reminder.whoApproves.team': () => 'Rien ne part avant qu\'un collector ou un manager appuie sur *Envoyer* ; *Modifier* change le texte, *Ignorer* n\'envoie rien.',
  'reminder.whoApproves.manager': () => 'La copie de la mise en demeure demande un *manager* : rien ne part avant qu\'il appuie sur *Envoyer*.',
  'reminder.auto': () => 'Politique d\'envoi *auto* pour cette étape : elle part d\'elle-même aux heures ouvrées du débiteur.',
  'reminder.editedBy': (p) => `Texte modifié par ${p.user}.`,
  'reminder.wordedByAi': () => 'Rédigé par l\'IA autour des chiffres du modèle : relisez avant d\'envoyer.',
  'reminder.state.approved': (p) => `:white_check_mark: Approuvée par ${p.user} · part ${p.time} (heures ouvrées du débiteur)`,
  'reminder.state.approvedPolicy': (p) => `:white_check_mark: Approuvée par la politique d'envoi · part ${p.time} (heures ouvrées du débiteur)`,
  'reminder.state.outbox': (p) => `:white_check_mark: Approuvée par ${p.user} · enregistrée dans la boîte d'envoi locale (SMTP_URL non défini : rien ne quitte cette machine)`,
  'reminder.state.skipped': (p) => `:fast_forward: Ignorée par ${p.user}, rien n'est envoyé : ${p.reason}`,
  'reminder.state.cancelled': () => ':no_entry_sign: Annulée avant de partir : rien n\'a été envoyé.',
  'reminder.state.cancelledPaid': () => ':no_entry_sign: Annulée avant de partir : ses factures ont été payées. Rien n\'a été envoyé.',
  'reminder.state.noAddress': () => ':warning: Aucune adresse e-mail utilisable : rien n\'a été envoyé, une tâche est allée au responsable du dossier.',
  'reminder.notFound': () => 'Ce brouillon de relance n\'est plus dans relance. Rien n\'a changé.',
  'reminder.needsManager': (p) =>
    `La copie de la mise en demeure demande un *manager*, et vous êtes ${p.role} : demandez à un manager de l'envoyer, la modifier ou l'ignorer. Rien n'a changé.`,
  'reminder.notWaiting': (p) => `Cette relance n'attend plus (${p.state}). Rien n'a changé.`,
  'reminder.noSender': (p) =>
    `Rien ne peut partir : l'espace n'a pas d'adresse d'expéditeur. Un admin la définit avec \`${p.command} settings set mail_from Acme <ar@acme.fr>\`. Rien n'a été envoyé.`,
  'reminder.noAddress': (p) => `*${p.name}* n'a pas d'adresse e-mail utilisable : rien n'a été envoyé, et une tâche est allée au responsable du dossier pour en trouver une.`,
  'reminder.tooLongToEdit': (p) =>
    `Ce texte fait ${p.length} caractères et un formulaire Slack en modifie au plus ${p.max} : il ne peut pas être modifié ici. Envoyez-le tel quel, ou ignorez-le et écrivez vous-même au client. Rien n'a changé.`,
  'reminder.staleTrigger': () => 'Slack n\'a pas laissé le formulaire s\'ouvrir à temps (il accorde 3 secondes). Appuyez à nouveau sur le bouton.',
  'reminder.badForm': (p) =>
    `Ce formulaire est revenu abîmé (« ${p.input} »), donc rien n'a changé. Appuyez à nouveau sur le bouton de la relance, ou voyez le dossier avec \`${p.command} case\`.`,
  'reminder.failed': (p) => `Un problème est survenu de mon côté et rien n'a été modifié. Réessayez ; si cela persiste, donnez cette référence à votre admin : ${p.ref}.`,
  'reminderEdit.title': () => 'Modifier la relance',
  'reminderEdit.save': () => 'Enregistrer',
  'reminderEdit.cancel': () => 'Annuler',
  'reminderEdit.intro': (p) =>
    `La *${p.stage}* pour *${p.name}*. Reformulez librement, mais gardez les montants et numéros de facture tels qu'imprimés : ils viennent du grand livre, et relance les vérifie.`,
  'reminderEdit.subject': () => 'Objet',
  'reminderEdit.body': () => 'Texte',
  'reminderEdit.emptySubject': () => 'Écrivez un objet : c\'est la première chose que lit le débiteur.',
  'reminderEdit.subjectTooLong': (p) => `L'objet fait ${p.length} caractères ; restez sous ${p.max}.`,
  'reminderEdit.emptyBody': () => 'Écrivez le texte de la relance.',
  'reminderEdit.bodyTooLong': (p) => `Le texte fait ${p.length} caractères ; restez sous ${p.max}.`,
  'reminderEdit.missing': (p) =>
    `Le texte ne contient plus ${p.missing}. Les montants et numéros de facture viennent du grand livre : gardez-les tels qu'imprimés, par exemple « ${p.example} ».`,
  'reminderSkip.title': () => 'Ignorer la relance',
  'reminderSkip.submit': () => 'Ignorer',
  'reminderSkip.intro': (p) => `Ignorer la *${p.stage}* pour *${p.name}* ? Rien n'est envoyé ; votre raison va au dossier.`,
  'reminderSkip.reason': () => 'Pourquoi ?',
  'reminderSkip.needReason': () => 'Dites pourquoi : cela va au dossier.',
  'reminderSkip.tooLong': (p) => `Cela fait ${p.length} caractères ; gardez la raison sous ${p.max}.`,
  'review.title': () => 'Relances à envoyer',
  'review.submit': (p) => `Envoyer ces ${p.count}`,
  'review.close': () => 'Fermer',
  'review.covers': (p) => `*${p.count === 1 ? 'Cette relance' : `Ces ${p.count} relances`} :* ${p.list}`,
  'review.coversItem': (p) => `${p.name} (${p.stage})`,
  'review.item': (p) => `*${p.name}* · ${p.stage} · ${p.total} · ${p.invoices}\n_${p.subject}_`,
  'review.page': (p) => `Page ${p.page} sur ${p.pages} · ${p.total} en attente, les plus anciennes d'abord. *Envoyer ces* approuve exactement les relances de cette page.`,
  'review.previous': () => 'Précédentes',
  'review.next': () => 'Suivantes',
  'review.none': () => 'Aucune relance n\'attend votre approbation.',
  'review.managersOnly': () => 'Les copies de mises en demeure demandent un manager : elles ne sont pas dans votre liste.',
  'review.outbox': () => 'SMTP_URL n\'est pas défini : les mails approuvés vont dans la boîte d\'envoi locale et rien ne quitte cette machine.',
  'review.result': (p) =>
    `:white_check_mark: ${p.approved} approuvée${p.approved > 1 ? 's' : ''} : chacune part aux heures ouvrées de son débiteur.${p.gone ? ` ${p.gone} n'attendai${p.gone > 1 ? 'ent' : 't'} plus (envoyée, ignorée ou modifiée par quelqu'un d'autre entre-temps).` : ''}${p.noAddress ? ` ${p.noAddress} sans adresse e-mail utilisable : une tâche est allée à chaque responsable.` : ''}${p.refused ? ` ${p.refused} demande${p.refused > 1 ? 'nt' : ''} un manager.` : ''}`,
  'digest.remindersWaiting': (p) => `*Relances en attente d'approbation :* ${p.count}`,
  'digest.review': () => 'Passer en revue',
  'digest.mailsUnknown': (p) => `*Mails dont l'envoi est incertain :* ${p.count} — \`relance outbox --unknown\` les liste`,
  'ledger.hold': (p) =>
    `:double_vertical_bar: *Les relances sont suspendues :* le grand livre a été synchronisé pour la dernière fois il y a ${p.count} ${p.unit === 'days' ? 'jour' : 'heure'}${p.count === 1 ? '' : 's'} (${
      { import: 'import', api: 'API d\'intégration', statement: 'relevé bancaire', backfill: 'noté à l\'installation du contrôle de fraîcheur' }[p.source]} du ${p.date}). `
    + 'Importez ou synchronisez pour reprendre : `relance import …` / l\'API d\'intégration. Les e-mails en file attendent ; aucun n\'est annulé.',
  'mailVia.smtp': () => 'envoyée, acceptée par le serveur de mail',
  'mailVia.outbox': () => 'enregistrée dans la boîte d\'envoi locale, non envoyée (SMTP_URL non défini : elle n\'a pas quitté cette machine)',
  'mailCancel.paid': () => 'les factures ont été payées entre-temps',
  'mailCancel.balance_changed': () => 'le solde a changé depuis l\'approbation',
  'mailCancel.case_closed': () => 'le dossier a été clos',
  'mailCancel.address_changed': () => 'l\'adresse e-mail du client a changé',
  'mailCancel.address_bad': () => 'le serveur de mail a refusé définitivement cette adresse',
  'activity.reminder_approved': (p) => `Relance par e-mail (${p.stage}) approuvée : elle part aux heures ouvrées du débiteur`,
  'activity.reminder_sent': (p) => `Relance par e-mail (${p.stage}) à ${p.to} ${p.via} : « ${p.subject} » · Message-ID ${p.message_id}`,
  'activity.reminder_cancelled': (p) => `Relance par e-mail (${p.stage}) annulée avant de partir : ${p.reason}`,
  'activity.reminder_refused': (p) =>
    `Le serveur de mail a refusé définitivement la relance par e-mail (${p.stage}) : ${p.smtp_response}. L'adresse est marquée invalide ; plus aucun mail n'y part tant qu'elle ne change pas`,
  'activity.reminder_unknown': (p) =>
    `Relance par e-mail (${p.stage}) : on ne sait pas si elle est partie (la réponse du serveur de mail a été perdue). Elle n'est pas réessayée d'elle-même : \`relance outbox --unknown\` la liste pour qu'une personne décide`,
  'activity.reminder_resend': (p) =>
    `Relance par e-mail (${p.stage}) à l'issue inconnue : une personne a constaté qu'elle n'était pas arrivée, elle repart pour une nouvelle tentative`,
  'activity.reminder_no_address': (p) => `Aucune adresse e-mail utilisable pour la relance (${p.stage}) : une tâche est allée au responsable du dossier`,
  'activity.reminder_edited': (p) => `Relance par e-mail (${p.stage}) modifiée avant l'envoi ; objet désormais « ${p.subject} »`,
  'activity.reminder_skipped': (p) => `Relance par e-mail (${p.stage}) ignorée : rien n'est envoyé`,

  'lateFees.table.ecb': () => 'taux de refinancement principal de la BCE',
  'lateFees.table.legal': () => 'taux de l\'intérêt légal',
  'lateFees.halfYear': (p) => `${p.half === 1 ? '1er' : '2e'} semestre ${p.year}`,
  'lateFees.missingRate': (p) =>
    `Le ${p.table} du ${p.period} n'est pas encore dans relance : le taux du ${p.usedPeriod} (${p.used}) a été appliqué à la place. Un admin l'ajoute avec \`${p.command}\`.`,
};

export type Locale = 'en' | 'fr';
const catalogues: Record<Locale, Catalogue> = { en, fr };

/** `[]` for a sentence without parameters, `[params]` otherwise. */
export type MessageArgs<K extends MessageKey> = Parameters<(typeof en)[K]> extends [] ? [] : [Parameters<(typeof en)[K]>[0]];

/** The sentence `key` in `locale`, filled with `params`. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...params: MessageArgs<K>): string {
  const fn = catalogues[locale][key] as (p: unknown) => string;
  const given = params[0] as P | undefined;
  const values: P = {};
  if (given) for (const name of Object.keys(given)) values[name] = interpolated(given[name]!);
  return fn(values);
}

export type Translator = <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => string;

export function translator(locale: Locale): Translator {
  return (key, ...params) => t(locale, key, ...params);
}

/** Keys of sentences without parameters (help summaries, labels). */
export type PlainMessageKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];
