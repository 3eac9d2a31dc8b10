// Every sentence relance says, in French: the keys and parameters of English
// (en.ts), which the type checks, so no reply can fall back to a missing string.
import type { Catalogue } from './messages.ts';

export const fr: Catalogue = {
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