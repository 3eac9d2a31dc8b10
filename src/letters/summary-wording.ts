// What the case-file summary says (summary.pdf), in French and English: what
// an agency's first letter must state (CPCE R124-4, FACTS-fr "Agency hand-off").
import type { IsoDate } from '../domain/dates.ts';
import type { Locale } from '../i18n/messages.ts';
import { longDate } from './format.ts';

const NB = '\u00a0';

export interface SummaryWording {
  title: string;
  asOf(date: IsoDate): string;
  purpose: string;
  creditorTitle: string;
  debtorTitle: string;
  notSet: string;
  companyIdNotSet: string;
  debtorKind(kind: 'b2b' | 'b2c'): string;
  customerRef(ref: string): string;
  basisTitle: string;
  basis: string;
  amountTitle: string;
  principal: string;
  interest(date: IsoDate): string;
  other: string;
  total: string;
  noCreditorCosts: string;
  consumer: string;
  interestDetailTitle: string;
  caseTitle: string;
  caseLine(openedOn: IsoDate, closedOn: IsoDate | null, status: string): string;
  lettersTitle: string;
  letterHeaders: [string, string, string, string, string];
  noLetters: string;
  attached: string;
  footer(debtor: string, page: number, pages: number): string;
}

const STATUS: Record<Locale, Record<string, string>> = {
  fr: {
    open: 'ouvert', promised: 'promesse de paiement en cours', paused: 'en pause', notice: 'mise en demeure envoyée',
    agency: 'transmis à une société de recouvrement', legal: 'procédure judiciaire', resolved: 'résolu', written_off: 'passé en perte',
  },
  en: {
    open: 'open', promised: 'promise to pay pending', paused: 'paused', notice: 'formal notice sent',
    agency: 'with a collection agency', legal: 'legal action', resolved: 'resolved', written_off: 'written off',
  },
};

const fr: SummaryWording = {
  title: 'Dossier de recouvrement — synthèse',
  asOf: (date) => `Au ${longDate(date, 'fr')}`,
  purpose: `Synthèse établie pour transmettre le dossier à une société de recouvrement amiable ou à un avocat. Elle reprend ce que la première lettre au débiteur doit indiquer (article R124-4 du Code des procédures civiles d'exécution)${NB}: l'identité et l'adresse du créancier, le fondement et le montant de la créance, en distinguant le principal, les intérêts et les autres sommes, et les modalités de paiement.`,
  creditorTitle: 'Créancier',
  debtorTitle: 'Débiteur',
  notSet: 'non renseigné',
  companyIdNotSet: `SIREN, SIRET ou TVA${NB}: non renseigné`,
  debtorKind: (kind) => (kind === 'b2b' ? 'Débiteur professionnel' : 'Débiteur consommateur'),
  customerRef: (ref) => `Référence client${NB}: ${ref}`,
  basisTitle: 'Fondement de la créance',
  basis: `Créance contractuelle${NB}: factures émises par le créancier pour des ventes de biens ou des prestations de services, arrivées à échéance et restées impayées${NB}:`,
  amountTitle: 'Montant de la créance',
  principal: 'Principal',
  interest: (date) => `Intérêts de retard au ${longDate(date, 'fr')}`,
  other: 'Autres sommes : indemnités forfaitaires pour frais de recouvrement (article D441-5 du Code de commerce)',
  total: 'Total',
  noCreditorCosts: 'Ces montants ne comprennent aucun frais de recouvrement restant à la charge du créancier (article L111-8 du Code des procédures civiles d\'exécution).',
  consumer: `Débiteur consommateur${NB}: les intérêts au taux légal courent à compter de la mise en demeure, et aucune indemnité forfaitaire ni aucun frais de recouvrement ne peut lui être réclamé.`,
  interestDetailTitle: 'Détail des intérêts',
  caseTitle: 'Dossier',
  caseLine: (openedOn, closedOn, status) =>
    `Ouvert le ${longDate(openedOn, 'fr')}${closedOn ? `, clos le ${longDate(closedOn, 'fr')}` : ''}${NB}; statut${NB}: ${STATUS.fr[status] ?? status}.`,
  lettersTitle: 'Lettres envoyées au débiteur',
  letterHeaders: ['Date', 'Fichier', 'Envoyée le', 'N° de suivi', 'Reçue le'],
  noLetters: 'Aucune lettre générée par relance.',
  attached: `Fichiers joints${NB}: invoices.csv (factures), payments.csv (paiements), timeline.csv (historique complet du dossier) et, dans letters/, les lettres générées.`,
  footer: (debtor, page, pages) => `Synthèse du dossier — ${debtor} — page ${page}/${pages}`,
};

const en: SummaryWording = {
  title: 'Collection case file — summary',
  asOf: (date) => `As of ${longDate(date, 'en')}`,
  purpose: 'Prepared to hand the case to a collection agency or a lawyer. It states what the first letter to the debtor must state under French law (article R124-4 of the Code of civil enforcement procedures): the creditor\'s identity and address, the basis and the amount of the claim, split into principal, interest and other sums, and how to pay.',
  creditorTitle: 'Creditor',
  debtorTitle: 'Debtor',
  notSet: 'not set',
  companyIdNotSet: 'Company id (SIREN, SIRET or VAT): not set',
  debtorKind: (kind) => (kind === 'b2b' ? 'Business debtor' : 'Consumer debtor'),
  customerRef: (ref) => `Customer reference: ${ref}`,
  basisTitle: 'Basis of the claim',
  basis: 'Contractual claim: invoices the creditor issued for goods or services, past their due date and unpaid:',
  amountTitle: 'Amount of the claim',
  principal: 'Principal',
  interest: (date) => `Late-payment interest as of ${longDate(date, 'en')}`,
  other: 'Other sums: fixed indemnities for recovery costs (article D441-5 of the Commercial Code)',
  total: 'Total',
  noCreditorCosts: 'These amounts include no recovery costs that stay with the creditor (article L111-8 of the Code of civil enforcement procedures).',
  consumer: 'Consumer debtor: interest at the legal rate runs from the formal notice, and no fixed indemnity and no recovery costs may be claimed.',
  interestDetailTitle: 'Interest detail',
  caseTitle: 'Case',
  caseLine: (openedOn, closedOn, status) =>
    `Opened on ${longDate(openedOn, 'en')}${closedOn ? `, closed on ${longDate(closedOn, 'en')}` : ''}; status: ${STATUS.en[status] ?? status}.`,
  lettersTitle: 'Letters sent to the debtor',
  letterHeaders: ['Date', 'File', 'Sent on', 'Tracking no.', 'Received on'],
  noLetters: 'No letter generated by relance.',
  attached: 'Attached: invoices.csv (invoices), payments.csv (payments), timeline.csv (the case\'s full history) and, in letters/, the letters generated.',
  footer: (debtor, page, pages) => `Case file summary — ${debtor} — page ${page} of ${pages}`,
};

export const SUMMARY_WORDING: Record<Locale, SummaryWording> = { fr, en };
