// What letters and the case-file summary say, in French and English. These are
// printed documents, not Slack messages: plain text, nothing escaped. The
// templates follow FACTS-fr.md ("Formal notice", "Agency hand-off"); a French
// lawyer should read them before real use.
import type { IsoDate } from '../domain/dates.ts';
import type { CompanyIdKind } from '../domain/creditor.ts';
import type { InterestStart, LateFeeSegment } from '../domain/late-fees.ts';
import type { Locale } from '../i18n/messages.ts';
import { halfYearWords, joinList, longDate, percent } from './format.ts';

/** French puts a no-break space before a colon. */
const NB = '\u00a0';

export interface NoticeWording {
  title: string;
  registered: string;
  dateLine(date: IsoDate): string;
  customerRef(ref: string): string;
  companyId(kind: CompanyIdKind, value: string): string;
  subject: string;
  salutation: string;
  intro(reminders: readonly IsoDate[]): string;
  invoiceHeaders: [string, string, string, string, string];
  totalPrincipal(currency: string, several: boolean): string;
  b2bFeesTitle: string;
  b2bLaw(date: IsoDate, basis: number): string;
  b2cFeesTitle: string;
  b2cRunsFromNotice(rate: { milliPercent: number; startsOn: IsoDate }): string;
  b2cRunning(start: InterestStart, date: IsoDate, basis: number): string;
  /** A consumer owes no recovery indemnity and no collection fee (CPCE L111-8): the letter says none is claimed. */
  b2cNoFees: string;
  feeHeaders: [string, string, string, string, string];
  rateBasis(segment: LateFeeSegment): string;
  indemnity(count: number, each: string, total: string): string;
  missingRate(halfYear: IsoDate, used: { startsOn: IsoDate; milliPercent: number }, kind: 'ecb' | 'legal'): string;
  summaryTitle: string;
  principalRow: string;
  interestRow(date: IsoDate, b2c: boolean): string;
  indemnityRow: string;
  totalRow: string;
  demand(totals: readonly string[], days: number, deadline: IsoDate): string;
  stillRunning(b2c: boolean): string;
  howToPayTitle: string;
  transfer: string;
  holder: string;
  reference: string;
  proceedings: string;
  alreadyPaid: string;
  closing: string;
  footer(creditor: string, ref: string, page: number, pages: number): string;
}

const ID_LABELS: Record<Locale, Record<CompanyIdKind, string>> = {
  fr: { siren: 'SIREN', siret: 'SIRET', vat: 'N° TVA intracommunautaire' },
  en: { siren: 'SIREN', siret: 'SIRET', vat: 'VAT number' },
};

const fr: NoticeWording = {
  title: 'MISE EN DEMEURE DE PAYER',
  registered: 'Lettre recommandée avec demande d\'avis de réception',
  dateLine: (date) => `Le ${longDate(date, 'fr')}`,
  customerRef: (ref) => `Votre référence client${NB}: ${ref}`,
  companyId: (kind, value) => `${ID_LABELS.fr[kind]}${NB}: ${value}`,
  subject: `Objet${NB}: mise en demeure de payer — factures impayées`,
  salutation: 'Madame, Monsieur,',
  intro: (reminders) => {
    const dates = reminders.map((d) => `du ${longDate(d, 'fr')}`);
    const despite = dates.length === 0 ? '' : dates.length === 1 ? `, malgré notre relance ${dates[0]}` : `, malgré nos relances ${joinList(dates, 'fr')}`;
    return `Sauf erreur ou omission de notre part, les factures suivantes, arrivées à échéance, restent impayées à ce jour${despite}${NB}:`;
  },
  invoiceHeaders: ['Facture', 'Date', 'Échéance', 'Montant TTC', 'Reste dû'],
  totalPrincipal: (currency, several) => `Total du principal${several ? ` (${currency})` : ''}`,
  b2bFeesTitle: 'Pénalités de retard et indemnité forfaitaire',
  b2bLaw: (date, basis) =>
    `En application de l'article L441-10 du Code de commerce, des pénalités de retard sont dues de plein droit, sans qu'un rappel soit nécessaire, à compter du jour suivant la date d'échéance, sur le montant TTC restant dû${NB}; s'y ajoute, pour chaque facture payée en retard, une indemnité forfaitaire pour frais de recouvrement de 40${NB}€ (article D441-5 du Code de commerce). Au ${longDate(date, 'fr')}, elles s'établissent ainsi (montant dû × taux annuel × jours de retard / ${basis})${NB}:`,
  b2cFeesTitle: 'Intérêts de retard',
  b2cRunsFromNotice: (rate) =>
    `Conformément aux articles 1231-6 et 1344-1 du Code civil, la présente mise en demeure fait courir, à compter de sa réception, les intérêts au taux légal (${percent(rate.milliPercent, 'fr')} pour le ${halfYearWords(rate.startsOn, 'fr')}) sur les sommes dues.`,
  b2cNoFees: `Aucune indemnité forfaitaire ni aucuns frais de recouvrement ne vous sont réclamés (article L111-8 du Code des procédures civiles d'exécution).`,
  b2cRunning: (start, date, basis) =>
    `Conformément aux articles 1231-6 et 1344-1 du Code civil, les intérêts au taux légal courent depuis le ${longDate(start.date, 'fr')}${start.reason === 'notice_received' ? ', date de réception de notre précédente mise en demeure' : start.reason === 'notice_sent' ? ', date d\'envoi de notre précédente mise en demeure' : ''}. Au ${longDate(date, 'fr')}, ils s'établissent ainsi (montant dû × taux annuel × jours / ${basis})${NB}:`,
  feeHeaders: ['Facture', 'Période', 'Jours', 'Calcul', 'Montant'],
  rateBasis: (s) => {
    switch (s.basis) {
      case 'ecb_plus_10': return `taux BCE de ${percent(s.rate?.milliPercent ?? 0, 'fr')} au ${longDate(s.rate?.startsOn ?? s.from, 'fr')} + 10 points`;
      case 'contract': return 'taux prévu à nos conditions';
      case 'legal_floor': return `plancher légal${NB}: 3 × le taux légal de ${percent(s.rate?.milliPercent ?? 0, 'fr')}`;
      case 'legal': return `taux légal du ${halfYearWords(s.rate?.startsOn ?? s.from, 'fr')}`;
    }
  },
  indemnity: (count, each, total) =>
    `Indemnité forfaitaire pour frais de recouvrement (article D441-5)${NB}: ${count} facture${count > 1 ? 's' : ''} × ${each} = ${total}.`,
  missingRate: (halfYear, used, kind) =>
    `Le taux ${kind === 'ecb' ? 'de la BCE' : 'légal'} du ${halfYearWords(halfYear, 'fr')} ne figure pas encore dans nos tables${NB}: le dernier taux connu (${percent(used.milliPercent, 'fr')}, en vigueur au ${longDate(used.startsOn, 'fr')}) a été appliqué pour cette période.`,
  summaryTitle: 'Récapitulatif',
  principalRow: 'Principal restant dû',
  interestRow: (date, b2c) => `${b2c ? 'Intérêts au taux légal' : 'Pénalités de retard'} au ${longDate(date, 'fr')}`,
  indemnityRow: 'Indemnités forfaitaires pour frais de recouvrement',
  totalRow: 'Total réclamé',
  demand: (totals, days, deadline) =>
    `En conséquence, nous vous mettons en demeure de nous régler la somme de ${joinList(totals, 'fr')} dans un délai de ${days} jour${days > 1 ? 's' : ''} à compter de la date de la présente lettre, soit au plus tard le ${longDate(deadline, 'fr')}.`,
  stillRunning: (b2c) => (b2c
    ? 'Les intérêts au taux légal continueront de courir jusqu\'au complet paiement.'
    : 'Les pénalités de retard continuent de courir jusqu\'au complet paiement.'),
  howToPayTitle: 'Modalités de paiement',
  transfer: 'Par virement bancaire',
  holder: 'Titulaire du compte',
  reference: 'Référence à indiquer',
  proceedings:
    'À défaut de paiement dans ce délai, nous saisirons sans autre avis la juridiction compétente d\'une requête en injonction de payer, afin d\'obtenir un titre exécutoire à votre encontre.',
  alreadyPaid:
    'Si vous avez réglé ces sommes entre-temps, nous vous remercions de ne pas tenir compte de la présente. Pour toute question, contactez-nous en rappelant la référence ci-dessus.',
  closing: 'Veuillez agréer, Madame, Monsieur, l\'expression de nos salutations distinguées.',
  footer: (creditor, ref, page, pages) => `Mise en demeure — ${creditor} — réf. ${ref} — page ${page}/${pages}`,
};

const en: NoticeWording = {
  title: 'FORMAL NOTICE TO PAY (MISE EN DEMEURE)',
  registered: 'Registered letter with acknowledgement of receipt',
  dateLine: (date) => longDate(date, 'en'),
  customerRef: (ref) => `Your customer reference: ${ref}`,
  companyId: (kind, value) => `${ID_LABELS.en[kind]}: ${value}`,
  subject: 'Subject: formal notice to pay — unpaid invoices',
  salutation: 'Dear Sir or Madam,',
  intro: (reminders) => {
    const dates = reminders.map((d) => longDate(d, 'en'));
    const despite = dates.length === 0 ? '' : `, despite our reminder${dates.length > 1 ? 's' : ''} of ${joinList(dates, 'en')}`;
    return `Unless we are mistaken, the following invoices are past their due date and remain unpaid to this day${despite}:`;
  },
  invoiceHeaders: ['Invoice', 'Issued', 'Due', 'Amount incl. VAT', 'Balance due'],
  totalPrincipal: (currency, several) => `Total principal${several ? ` (${currency})` : ''}`,
  b2bFeesTitle: 'Late-payment penalties and fixed recovery indemnity',
  b2bLaw: (date, basis) =>
    `Under article L441-10 of the French Commercial Code, late-payment penalties are due by law, without any reminder being needed, from the day after the due date, on the balance due including VAT; in addition, a fixed indemnity of €40 for recovery costs is due for each invoice paid late (article D441-5 of the Commercial Code). As of ${longDate(date, 'en')}, they amount to the following (balance due × annual rate × days late / ${basis}):`,
  b2cFeesTitle: 'Late-payment interest',
  b2cRunsFromNotice: (rate) =>
    `Under articles 1231-6 and 1344-1 of the French Civil Code, this formal notice makes interest at the legal rate (${percent(rate.milliPercent, 'en')} for the ${halfYearWords(rate.startsOn, 'en')}) run on the sums due from the day you receive it.`,
  b2cNoFees: 'No fixed indemnity and no collection costs are claimed from you (article L111-8 of the French Code of Civil Enforcement Procedures).',
  b2cRunning: (start, date, basis) =>
    `Under articles 1231-6 and 1344-1 of the French Civil Code, interest at the legal rate has been running since ${longDate(start.date, 'en')}${start.reason === 'notice_received' ? ', when you received our earlier formal notice' : start.reason === 'notice_sent' ? ', when our earlier formal notice was sent' : ''}. As of ${longDate(date, 'en')}, it amounts to the following (balance due × annual rate × days / ${basis}):`,
  feeHeaders: ['Invoice', 'Period', 'Days', 'Computation', 'Amount'],
  rateBasis: (s) => {
    switch (s.basis) {
      case 'ecb_plus_10': return `ECB rate of ${percent(s.rate?.milliPercent ?? 0, 'en')} on ${longDate(s.rate?.startsOn ?? s.from, 'en')} + 10 points`;
      case 'contract': return 'rate set in our terms';
      case 'legal_floor': return `legal floor: 3 × the legal rate of ${percent(s.rate?.milliPercent ?? 0, 'en')}`;
      case 'legal': return `legal rate for the ${halfYearWords(s.rate?.startsOn ?? s.from, 'en')}`;
    }
  },
  indemnity: (count, each, total) =>
    `Fixed indemnity for recovery costs (article D441-5): ${count} invoice${count > 1 ? 's' : ''} × ${each} = ${total}.`,
  missingRate: (halfYear, used, kind) =>
    `The ${kind === 'ecb' ? 'ECB' : 'legal'} rate for the ${halfYearWords(halfYear, 'en')} is not in our tables yet: the latest known rate (${percent(used.milliPercent, 'en')}, in force on ${longDate(used.startsOn, 'en')}) was applied for that period.`,
  summaryTitle: 'Summary',
  principalRow: 'Principal outstanding',
  interestRow: (date, b2c) => `${b2c ? 'Interest at the legal rate' : 'Late-payment penalties'} as of ${longDate(date, 'en')}`,
  indemnityRow: 'Fixed indemnities for recovery costs',
  totalRow: 'Total claimed',
  demand: (totals, days, deadline) =>
    `We therefore give you formal notice to pay us ${joinList(totals, 'en')} within ${days} day${days > 1 ? 's' : ''} of the date of this letter, that is by ${longDate(deadline, 'en')} at the latest.`,
  stillRunning: (b2c) => (b2c
    ? 'Interest at the legal rate will continue to run until payment in full.'
    : 'Late-payment penalties continue to accrue until payment in full.'),
  howToPayTitle: 'How to pay',
  transfer: 'By bank transfer',
  holder: 'Account holder',
  reference: 'Reference to quote',
  proceedings:
    'If payment is not received by that date, we will apply without further notice to the competent court for an order for payment (injonction de payer), to obtain an enforceable title against you.',
  alreadyPaid:
    'If you have paid these sums in the meantime, please disregard this letter. For any question, contact us quoting the reference above.',
  closing: 'Yours faithfully,',
  footer: (creditor, ref, page, pages) => `Formal notice — ${creditor} — ref. ${ref} — page ${page} of ${pages}`,
};

export const NOTICE_WORDING: Record<Locale, NoticeWording> = { fr, en };

/**
 * What a reworded demand and consequences paragraph must still say
 * (src/letters/formal-notice.ts, noticeProseSlots): the words that make the
 * letter a formal notice, and the court order for payment that follows.
 */
export const NOTICE_PROSE_MENTIONS: Record<Locale, { demand: RegExp; proceedings: RegExp }> = {
  fr: { demand: /\bmett(?:ons|re) en demeure\b|\bmise en demeure\b/i, proceedings: /\binjonction de payer\b/i },
  en: { demand: /\bformal notice\b/i, proceedings: /\border for payment\b|\binjonction de payer\b/i },
};
