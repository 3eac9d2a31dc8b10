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
  'help.team.summary': () => 'See the team, or add and remove members (admins only).',
  'help.team.details': () =>
    'Roles: `collector` works cases, `manager` also approves escalations, `admin` also manages the team and settings. Bootstrap admins come from RELANCE_ADMINS and from Slack workspace admins.',

  'help.digest.summary': () => 'The daily overdue digest of this channel: post it now, preview it, schedule it or stop it.',
  'help.digest.details': () =>
    'The digest goes out on business days only (weekends and public holidays skipped), at most once a day per channel. Default time 09:00 in the workspace time zone, Monday to Friday. Scheduling, posting now and stopping need the manager role. If relance says it could not confirm whether the digest is already in the channel, look, and if it is missing type `digest now confirm`.',

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

  // activity kinds (timeline lines)
  'activity.case_opened': () => 'Case opened',
  'activity.case_resolved': () => 'Case resolved: balance paid',
  'activity.payment_recorded': (p: { amount: string }) => `Payment recorded: ${p.amount}`,
  'activity.other': (p: { kind: string }) => p.kind.replace(/_/g, ' '),
  'activity.by': (p: { who: Mrkdwn }) => `by ${p.who}`,

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
    `"${p.input}" is not a team action. Use \`${p.command} team add @user collector|manager|admin\`, \`${p.command} team remove @user\` or \`${p.command} team\`.`,
  'team.badUser': (p: { input: string; command: string }) =>
    `"${p.input}" is not a Slack user mention. Type @ and pick the person, e.g. \`${p.command} team add @jane collector\`.`,
  'team.badRole': (p: { input: string; command: string }) =>
    `"${p.input}" is not a role. Use collector, manager or admin, e.g. \`${p.command} team add @jane manager\`.`,
  'team.bot': (p: { user: Mrkdwn }) => `${p.user} is a bot and cannot be on the team.`,
  'role.admin': () => 'admin',
  'role.manager': () => 'manager',
  'role.collector': () => 'collector',

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
  'digest.unconfirmed.parent': (p: { day: string; reason: Mrkdwn; command: string }) =>
    `:warning: relance could not confirm whether the digest for ${p.day} is already in this channel (${p.reason}), so it posted nothing more rather than post it twice. A manager: look in this channel. If that digest is not here, type \`${p.command} digest now confirm\` to post it; if it is, there is nothing to do.`,
  'digest.unconfirmed.entry': (p: { day: string; name: string; reason: Mrkdwn; command: string }) =>
    `:warning: relance could not confirm whether the reply for *${p.name}* is already in the thread of the digest for ${p.day} (${p.reason}), so it posted nothing more rather than post it twice. A manager: look in that thread. If that reply is not there, type \`${p.command} digest now confirm\` to post it and the rest; if it is, the remaining cases stay in \`${p.command} overdue\`.`,
  'digest.unsure.tooMany': (p: { count: number }) => `more than ${p.count} messages to read back`,
  'digest.unsure.refused': (p: { error: string }) => `Slack refused to read the channel: ${p.error}`,
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
  'digestCmd.unconfirmed': (p: { channel: Mrkdwn; date: string; command: string }) =>
    `relance could not confirm whether today's digest (${p.date}) is already complete in ${p.channel}, and stopped rather than post anything twice (the notice in the channel says what it could not check). Look in the channel: if what the notice names is not there, \`${p.command} digest now confirm\` posts it and the rest; if it is there, there is nothing to do.`,
  'digestCmd.confirmed': (p: { channel: Mrkdwn }) => `Posting today's digest in ${p.channel}, from where it stopped, as you confirmed what was missing…`,
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
  'claim.closed': () => 'This case is closed: there is no call to claim.',
  'claim.notFound': (p: { command: string }) =>
    `I can't find this case in this workspace, so nothing was done. Look it up with \`${p.command} case <name>\`.`,
  'interaction.badValue': (p: { input: string; command: string }) =>
    `This button carries "${p.input}" where a case number belongs, so it did nothing: it was not made by relance, or it is damaged. Open the case with \`${p.command} case <name>\` instead.`,
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
    `This form is damaged ("${p.input}" does not name a case), so nothing was logged. Close it and press Log call on the digest again, or open the case with ${p.command} case.`,
  'logCall.noCase': (p: { command: string }) =>
    `This case is not in this workspace, so nothing was logged. Close the form and open the case with ${p.command} case.`,
  'logCall.failed': (p: { ref: string }) =>
    `Something went wrong on my side and nothing was logged. Press Log call again; if it persists, give your admin this reference: ${p.ref}.`,
  'outcome.reached': () => 'reached', 'outcome.no_answer': () => 'no answer', 'outcome.voicemail': () => 'voicemail',
  'outcome.wrong_number': () => 'wrong number', 'outcome.promised': () => 'promised to pay', 'outcome.disputed': () => 'disputed',
  'outcome.refused': () => 'refused to pay', 'outcome.paid': () => 'says it is paid',
  'activity.call_claimed': () => 'Call claimed',
  'activity.call_released': () => 'Call released',
  'activity.call_logged': (p: { outcome: string }) => `Call logged: ${p.outcome}`,
} satisfies Record<string, Msg<never>>;

export type MessageKey = keyof typeof en;
type Catalogue = { [K in MessageKey]: (typeof en)[K] };

const fr: Catalogue = {
  'access.stranger': (p) =>
    `Désolé, relance est réservé à l'équipe de recouvrement et vous n'en faites pas encore partie. ${p.admins.text ? `Demandez à un admin (${p.admins}) de vous ajouter` : 'Demandez à votre admin relance de vous ajouter'} avec \`${p.command} team add @vous collector\`.`,
  'access.needRole': (p) =>
    `\`${p.command} ${p.sub}\` demande le rôle *${p.role}*. Demandez à un admin de lancer \`${p.command} team add @vous ${p.role}\`.`,
  'error.unknownSub': (p) => `Je ne connais pas la commande « ${p.input} ». Essayez \`${p.command} help\` pour voir ce que je sais faire.`,
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
  'help.team.summary': () => 'Affiche l\'équipe, ou ajoute et retire des membres (admins seulement).',
  'help.team.details': () =>
    'Rôles : `collector` traite les dossiers, `manager` approuve aussi les escalades, `admin` gère aussi l\'équipe et les réglages. Les admins initiaux viennent de RELANCE_ADMINS et des admins de l\'espace Slack.',

  'help.digest.summary': () => 'Le relevé quotidien des retards de ce canal : le publier maintenant, le prévisualiser, le programmer ou l\'arrêter.',
  'help.digest.details': () =>
    'Le relevé est publié les jours ouvrés seulement (week-ends et jours fériés exclus), au plus une fois par jour et par canal. Par défaut à 09:00 dans le fuseau de l\'espace, du lundi au vendredi. Programmer, publier maintenant et arrêter demandent le rôle manager. Si relance dit n\'avoir pas pu vérifier si le relevé est déjà dans le canal, regardez, et s\'il manque tapez `digest now confirm`.',
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

  'activity.case_opened': () => 'Dossier ouvert',
  'activity.case_resolved': () => 'Dossier résolu : solde payé',
  'activity.payment_recorded': (p) => `Paiement enregistré : ${p.amount}`,
  'activity.other': (p) => p.kind.replace(/_/g, ' '),
  'activity.by': (p) => `par ${p.who}`,

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
    `« ${p.input} » n'est pas une action d'équipe. Utilisez \`${p.command} team add @utilisateur collector|manager|admin\`, \`${p.command} team remove @utilisateur\` ou \`${p.command} team\`.`,
  'team.badUser': (p) =>
    `« ${p.input} » n'est pas une mention d'utilisateur Slack. Tapez @ et choisissez la personne, par ex. \`${p.command} team add @jeanne collector\`.`,
  'team.badRole': (p) =>
    `« ${p.input} » n'est pas un rôle. Utilisez collector, manager ou admin, par ex. \`${p.command} team add @jeanne manager\`.`,
  'team.bot': (p) => `${p.user} est un bot et ne peut pas faire partie de l'équipe.`,
  'role.admin': () => 'admin',
  'role.manager': () => 'manager',
  'role.collector': () => 'collector',

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
  'digest.unconfirmed.parent': (p) =>
    `:warning: relance n'a pas pu vérifier si le relevé du ${p.day} est déjà dans ce canal (${p.reason}) ; il n'a rien publié de plus, pour ne pas le publier deux fois. Un manager : regardez dans ce canal. Si ce relevé n'y est pas, tapez \`${p.command} digest now confirm\` pour le publier ; s'il y est, il n'y a rien à faire.`,
  'digest.unconfirmed.entry': (p) =>
    `:warning: relance n'a pas pu vérifier si la réponse pour *${p.name}* est déjà dans le fil du relevé du ${p.day} (${p.reason}) ; il n'a rien publié de plus, pour ne pas la publier deux fois. Un manager : regardez dans ce fil. Si cette réponse n'y est pas, tapez \`${p.command} digest now confirm\` pour la publier avec la suite ; si elle y est, les dossiers restants sont dans \`${p.command} overdue\`.`,
  'digest.unsure.tooMany': (p) => `plus de ${p.count} messages à relire`,
  'digest.unsure.refused': (p) => `Slack a refusé la lecture du canal : ${p.error}`,
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
    `relance n'a pas pu vérifier si le relevé du jour (${p.date}) est complet dans ${p.channel}, et s'est arrêté plutôt que de publier quoi que ce soit deux fois (l'avis dans le canal dit ce qu'il n'a pas pu vérifier). Regardez dans le canal : si ce que l'avis nomme n'y est pas, \`${p.command} digest now confirm\` le publie avec la suite ; si c'est là, il n'y a rien à faire.`,
  'digestCmd.confirmed': (p) => `Publication du relevé du jour dans ${p.channel}, là où il s'était arrêté, puisque vous avez confirmé ce qui manquait…`,
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
  'claim.closed': () => 'Ce dossier est clos : il n\'y a pas d\'appel à prendre.',
  'claim.notFound': (p) =>
    `Je ne trouve pas ce dossier dans cet espace, rien n'a donc été fait. Cherchez-le avec \`${p.command} case <nom>\`.`,
  'interaction.badValue': (p) =>
    `Ce bouton porte « ${p.input} » là où il faut un numéro de dossier, il n'a donc rien fait : il n'a pas été créé par relance, ou il est abîmé. Ouvrez le dossier avec \`${p.command} case <nom>\`.`,
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
    `Ce formulaire est abîmé (« ${p.input} » ne désigne pas un dossier), rien n'a donc été enregistré. Fermez-le et cliquez à nouveau Noter l'appel dans le relevé, ou ouvrez le dossier avec ${p.command} case.`,
  'logCall.noCase': (p) =>
    `Ce dossier n'est pas dans cet espace, rien n'a donc été enregistré. Fermez le formulaire et ouvrez le dossier avec ${p.command} case.`,
  'logCall.failed': (p) =>
    `Un problème est survenu de mon côté et rien n'a été enregistré. Cliquez à nouveau Enregistrer ; si cela persiste, donnez cette référence à votre admin : ${p.ref}.`,
  'outcome.reached': () => 'joint', 'outcome.no_answer': () => 'pas de réponse', 'outcome.voicemail': () => 'messagerie',
  'outcome.wrong_number': () => 'mauvais numéro', 'outcome.promised': () => 'promesse de paiement', 'outcome.disputed': () => 'contestation',
  'outcome.refused': () => 'refus de payer', 'outcome.paid': () => 'dit avoir payé',
  'activity.call_claimed': () => 'Appel pris',
  'activity.call_released': () => 'Appel rendu',
  'activity.call_logged': (p) => `Appel noté : ${p.outcome}`,
};

export type Locale = 'en' | 'fr';
const catalogues: Record<Locale, Catalogue> = { en, fr };

/** `[]` for a sentence without parameters, `[params]` otherwise. */
export type MessageArgs<K extends MessageKey> = Parameters<(typeof en)[K]> extends [] ? [] : [Parameters<(typeof en)[K]>[0]];

/** The sentence `key` in `locale`, filled with `params`. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...params: MessageArgs<K>): string {
  const fn = catalogues[locale][key] as (p: unknown) => string;
  const given = (params[0] ?? {}) as P;
  return fn(Object.fromEntries(Object.entries(given).map(([name, value]) => [name, interpolated(value)])));
}

export type Translator = <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => string;

export function translator(locale: Locale): Translator {
  return (key, ...params) => t(locale, key, ...params);
}

/** Keys of sentences without parameters (help summaries, labels). */
export type PlainMessageKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];
