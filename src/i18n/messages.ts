// Every sentence relance says, in English and French. French must have exactly
// the keys and parameters of English (the type checks it), so no reply can fall
// back to a missing string.

type P = Record<string, string | number>;
type Msg<T extends P = P> = (p: T) => string;

const en = {
  // access
  'access.stranger': (p: { command: string; admins: string }) =>
    `Sorry, relance is only open to the collections team, and you are not on it yet. ${p.admins ? `Ask an admin (${p.admins}) to add you` : 'Ask your relance admin to add you'} with \`${p.command} team add @you collector\`.`,
  'access.needRole': (p: { role: string; command: string; sub: string }) =>
    `\`${p.command} ${p.sub}\` needs the *${p.role}* role. Ask an admin to run \`${p.command} team add @you ${p.role}\`.`,
  'error.unknownSub': (p: { input: string; command: string }) =>
    `I don't know the command "${p.input}". Try \`${p.command} help\` to see what I can do.`,
  'error.internal': (p: { ref: string }) =>
    `Something went wrong on my side and nothing was changed. Please try again; if it persists, give your admin this reference: \`${p.ref}\`.`,
  'error.tooManyArgs': (p: { input: string; example: string }) =>
    `I didn't understand "${p.input}" here. Example: \`${p.example}\``,

  // help
  'help.title': (p: { command: string }) => `*relance* — collections from Slack. Type \`${p.command} help <command>\` for details.`,
  'help.unknown': (p: { input: string; command: string }) =>
    `There is no command "${p.input}" to explain. Try \`${p.command} help\` for the list.`,
  'help.examples': () => 'Examples',
  'help.notOnTeam': (p: { command: string }) =>
    `You are not on the collections team yet: ask an admin to run \`${p.command} team add @you collector\`.`,
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

  // overdue worklist
  'overdue.title.all': () => 'Overdue accounts — everyone',
  'overdue.title.mine': () => 'Overdue accounts — mine',
  'overdue.title.user': (p: { user: string }) => `Overdue accounts — owned by ${p.user}`,
  'overdue.filter': (p: { days: number }) => `oldest invoice more than ${p.days} days overdue`,
  'overdue.totals': (p: { totals: string; cases: number }) => `*Total overdue:* ${p.totals} · ${p.cases} case${p.cases === 1 ? '' : 's'}`,
  'overdue.empty': () => 'Nothing overdue here. :tada:',
  'overdue.more': (p: { shown: number; total: number; command: string }) =>
    `Showing the ${p.shown} highest-priority of ${p.total}. Narrow it with \`${p.command} overdue mine\` or \`>60\`.`,
  'overdue.row': (p: { name: string; ref: string; amount: string; days: number; invoices: number; owner: string; status: string }) =>
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
  'activity.by': (p: { who: string }) => `by ${p.who}`,

  // team
  'team.title': () => 'Collections team',
  'team.empty': (p: { command: string }) => `No members yet. An admin adds them with \`${p.command} team add @user collector\`.`,
  'team.bootstrap': (p: { users: string }) => `Bootstrap admins (RELANCE_ADMINS): ${p.users}`,
  'team.role.admin': () => 'Admins',
  'team.role.manager': () => 'Managers',
  'team.role.collector': () => 'Collectors',
  'team.added': (p: { user: string; role: string }) => `${p.user} is now a *${p.role}*.`,
  'team.changed': (p: { user: string; role: string; before: string }) => `${p.user} is now a *${p.role}* (was ${p.before}).`,
  'team.unchanged': (p: { user: string; role: string }) => `${p.user} already is a *${p.role}*; nothing changed.`,
  'team.removed': (p: { user: string }) => `${p.user} is no longer on the team.`,
  'team.notMember': (p: { user: string }) => `${p.user} is not on the team; nothing changed.`,
  'team.lastAdmin': (p: { user: string }) =>
    `${p.user} is the last admin: add another admin first, so that someone can still manage the team.`,
  'team.badVerb': (p: { input: string; command: string }) =>
    `"${p.input}" is not a team action. Use \`${p.command} team add @user collector|manager|admin\`, \`${p.command} team remove @user\` or \`${p.command} team\`.`,
  'team.badUser': (p: { input: string; command: string }) =>
    `"${p.input}" is not a Slack user mention. Type @ and pick the person, e.g. \`${p.command} team add @jane collector\`.`,
  'team.badRole': (p: { input: string; command: string }) =>
    `"${p.input}" is not a role. Use collector, manager or admin, e.g. \`${p.command} team add @jane manager\`.`,
  'team.bot': (p: { user: string }) => `${p.user} is a bot and cannot be on the team.`,
  'role.admin': () => 'admin',
  'role.manager': () => 'manager',
  'role.collector': () => 'collector',
} satisfies Record<string, Msg<never>>;

export type MessageKey = keyof typeof en;
type Catalogue = { [K in MessageKey]: (typeof en)[K] };

const fr: Catalogue = {
  'access.stranger': (p) =>
    `Désolé, relance est réservé à l'équipe de recouvrement et vous n'en faites pas encore partie. ${p.admins ? `Demandez à un admin (${p.admins}) de vous ajouter` : 'Demandez à votre admin relance de vous ajouter'} avec \`${p.command} team add @vous collector\`.`,
  'access.needRole': (p) =>
    `\`${p.command} ${p.sub}\` demande le rôle *${p.role}*. Demandez à un admin de lancer \`${p.command} team add @vous ${p.role}\`.`,
  'error.unknownSub': (p) => `Je ne connais pas la commande « ${p.input} ». Essayez \`${p.command} help\` pour voir ce que je sais faire.`,
  'error.internal': (p) =>
    `Une erreur s'est produite de mon côté et rien n'a été modifié. Réessayez ; si cela persiste, donnez cette référence à votre admin : \`${p.ref}\`.`,
  'error.tooManyArgs': (p) => `Je n'ai pas compris « ${p.input} » ici. Exemple : \`${p.example}\``,

  'help.title': (p) => `*relance* — le recouvrement depuis Slack. Tapez \`${p.command} help <commande>\` pour le détail.`,
  'help.unknown': (p) => `Il n'y a pas de commande « ${p.input} » à expliquer. Essayez \`${p.command} help\` pour la liste.`,
  'help.examples': () => 'Exemples',
  'help.notOnTeam': (p) => `Vous ne faites pas encore partie de l'équipe : demandez à un admin de lancer \`${p.command} team add @vous collector\`.`,
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
};

export type Locale = 'en' | 'fr';
const catalogues: Record<Locale, Catalogue> = { en, fr };

/** `[]` for a sentence without parameters, `[params]` otherwise. */
export type MessageArgs<K extends MessageKey> = Parameters<(typeof en)[K]> extends [] ? [] : [Parameters<(typeof en)[K]>[0]];

/** The sentence `key` in `locale`, filled with `params`. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...params: MessageArgs<K>): string {
  const fn = catalogues[locale][key] as (p: unknown) => string;
  return fn(params[0] ?? {});
}

export type Translator = <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => string;

export function translator(locale: Locale): Translator {
  return (key, ...params) => t(locale, key, ...params);
}

/** Keys of sentences without parameters (help summaries, labels). */
export type PlainMessageKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];
