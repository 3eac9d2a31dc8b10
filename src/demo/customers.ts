// The demo workspace's customers: French and English, companies and
// consumers, good payers and bad. Phone numbers are in ranges set aside for
// fiction (+33 1 99 00…, +44 20 7946 0…, +1 …555-01xx) and e-mail domains end
// in .example, so nothing here reaches a real person.

export interface DemoCustomerProfile {
  ref: string;
  name: string;
  kind: 'b2b' | 'b2c';
  locale: 'en' | 'fr';
  timezone: string;
  currency: 'EUR' | 'GBP' | 'USD';
  email: string;
  phone: string;
  /** Followed by the demo collector (Chloé), or nobody yet. */
  owned: boolean;
  /** Days the oldest unpaid invoice is overdue today (0: pays on time). */
  stuckFor: number;
  /** A typical invoice, in major units. */
  typical: number;
  /** Days between invoices. */
  cadence: number;
  /** Payment terms in days. */
  terms: number;
  /** How far back the account goes, in days. */
  since: number;
  /** Part of an unpaid invoice was paid. */
  partial?: boolean;
  /** A contractual late-payment rate, percent a year. */
  lateRate?: string;
}

type Row = [ref: string, name: string, kind: 'b2b' | 'b2c', locale: 'en' | 'fr', timezone: string, currency: 'EUR' | 'GBP' | 'USD',
  email: string, phone: string, owned: boolean, stuckFor: number, typical: number, cadence: number, terms: number, since: number,
  extra?: { partial?: boolean; lateRate?: string }];

const ROWS: Row[] = [
  ['C-1001', 'Boulangerie Martin SARL', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'compta@boulangerie-martin.example', '+33 1 99 00 12 01', true, 128, 1450, 30, 30, 270],
  ['C-1002', 'Acme Corporation', 'b2b', 'en', 'America/New_York', 'USD', 'ap@acme-corp.example', '+1 212 555 0142', true, 66, 9800, 30, 30, 250, { partial: true }],
  ['C-1003', "Société Générale d'Équipement", 'b2b', 'fr', 'Europe/Paris', 'EUR', 'fournisseurs@sge-equipement.example', '+33 1 99 00 12 03', true, 38, 5200, 30, 45, 270],
  ['C-1004', 'Globex Ltd', 'b2b', 'en', 'Europe/London', 'GBP', 'accounts.payable@globex.example', '+44 20 7946 0104', true, 19, 2300, 30, 30, 240],
  ['C-1005', 'Jean Dupont', 'b2c', 'fr', 'Europe/Paris', 'EUR', 'jean.dupont@courriel.example', '+33 1 99 00 12 05', false, 121, 340, 60, 15, 240],
  ['C-1006', 'Initech SAS', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'facturation@initech.example', '+33 1 99 00 12 06', true, 6, 760, 30, 30, 270],
  ['C-1007', 'Umbrella Logistics GmbH', 'b2b', 'en', 'Europe/Berlin', 'EUR', 'kreditoren@umbrella-logistics.example', '+49 30 99900107', true, 52, 7400, 30, 30, 270, { partial: true }],
  ['C-1008', 'Café des Arts', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'cafedesarts@courriel.example', '+33 1 99 00 12 08', false, 3, 180, 21, 15, 150],
  ['C-1009', 'Stark Fournitures Industrielles', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'compta@stark-fournitures.example', '+33 1 99 00 12 09', true, 76, 3100, 30, 30, 250, { lateRate: '12' }],
  ['C-1010', 'Wayne Consulting LLC', 'b2b', 'en', 'America/Chicago', 'USD', 'billing@wayne-consulting.example', '+1 312 555 0110', false, 0, 3100, 30, 30, 210],
  ['C-1011', 'Pâtisserie Lemoine', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'contact@patisserie-lemoine.example', '+33 1 99 00 12 11', true, 24, 620, 21, 30, 180],
  ['C-1012', 'Garage Moreau & Fils', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'atelier@garage-moreau.example', '+33 1 99 00 12 12', true, 95, 2250, 30, 30, 270],
  ['C-1013', 'Cabinet Rousseau Avocats', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'secretariat@rousseau-avocats.example', '+33 1 99 00 12 13', false, 0, 4200, 30, 30, 270],
  ['C-1014', 'Hôtel du Lac Annecy', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'direction@hotel-du-lac.example', '+33 1 99 00 12 14', true, 45, 3800, 30, 30, 270, { partial: true }],
  ['C-1015', 'Transports Girard', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'exploitation@transports-girard.example', '+33 1 99 00 12 15', true, 68, 6900, 30, 45, 250, { lateRate: '10' }],
  ['C-1016', 'Librairie Vauban', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'librairie.vauban@courriel.example', '+33 1 99 00 12 16', false, 12, 410, 30, 30, 240],
  ['C-1017', 'Marie Lefèvre', 'b2c', 'fr', 'Europe/Paris', 'EUR', 'marie.lefevre@courriel.example', '+33 1 99 00 12 17', false, 34, 120, 30, 0, 180],
  ['C-1018', 'Pharmacie Centrale de Lyon', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'gestion@pharmacie-centrale.example', '+33 1 99 00 12 18', true, 0, 2900, 30, 30, 270],
  ['C-1019', 'Menuiserie Bernard', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'devis@menuiserie-bernard.example', '+33 1 99 00 12 19', true, 190, 1800, 45, 30, 250],
  ['C-1020', 'Atelier Chevalier', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'bonjour@atelier-chevalier.example', '+33 1 99 00 12 20', false, 15, 950, 30, 30, 200],
  ['C-1021', 'Domaine des Trois Chênes', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'cave@trois-chenes.example', '+33 1 99 00 12 21', true, 83, 4700, 45, 60, 250],
  ['C-1022', 'Nicolas Fontaine', 'b2c', 'fr', 'Europe/Paris', 'EUR', 'n.fontaine@courriel.example', '+33 1 99 00 12 22', false, 9, 260, 30, 0, 150],
  ['C-1023', 'Imprimerie Leroy', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'prepresse@imprimerie-leroy.example', '+33 1 99 00 12 23', true, 57, 1350, 30, 30, 270],
  ['C-1024', 'Clinique Vétérinaire Saint-Roch', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'accueil@veto-saint-roch.example', '+33 1 99 00 12 24', false, 0, 880, 30, 30, 240],
  ['C-1025', 'Brasserie du Port', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'brasserie.port@courriel.example', '+33 1 99 00 12 25', true, 140, 1100, 30, 30, 270],
  ['C-1026', 'Thornfield & Hale LLP', 'b2b', 'en', 'Europe/London', 'GBP', 'finance@thornfield-hale.example', '+44 20 7946 0126', true, 72, 5600, 30, 30, 250],
  ['C-1027', 'Hartley Building Supplies', 'b2b', 'en', 'Europe/London', 'GBP', 'purchase.ledger@hartley-supplies.example', '+44 20 7946 0127', true, 33, 3400, 30, 30, 270, { partial: true }],
  ['C-1028', 'Pemberton Foods Ltd', 'b2b', 'en', 'Europe/London', 'GBP', 'ap@pemberton-foods.example', '+44 20 7946 0128', false, 0, 2100, 21, 30, 200],
  ['C-1029', 'Oliver Bennett', 'b2c', 'en', 'Europe/London', 'GBP', 'oliver.bennett@mail.example', '+44 20 7946 0129', false, 47, 240, 30, 14, 180],
  ['C-1030', 'Northwind Traders Inc.', 'b2b', 'en', 'America/Los_Angeles', 'USD', 'payables@northwind.example', '+1 415 555 0130', true, 104, 8200, 30, 30, 250],
  ['C-1031', 'Bluebird Dental Group', 'b2b', 'en', 'America/New_York', 'USD', 'office@bluebird-dental.example', '+1 617 555 0131', false, 21, 1900, 30, 30, 240],
  ['C-1032', 'Riverside Property Management', 'b2b', 'en', 'America/Chicago', 'USD', 'ap@riverside-pm.example', '+1 312 555 0132', true, 62, 4300, 30, 45, 270],
  ['C-1033', 'Emily Carter', 'b2c', 'en', 'America/New_York', 'USD', 'emily.carter@mail.example', '+1 646 555 0133', false, 92, 310, 30, 14, 200],
  ['C-1034', 'Harbour Lights Hotel', 'b2b', 'en', 'Europe/Dublin', 'EUR', 'accounts@harbour-lights.example', '+353 1 999 0134', true, 28, 2700, 30, 30, 270],
  ['C-1035', 'Van der Berg Agritech B.V.', 'b2b', 'en', 'Europe/Amsterdam', 'EUR', 'crediteuren@vdberg-agritech.example', '+31 20 999 0135', false, 41, 6100, 30, 30, 270],
  ['C-1036', 'Maple & Finch Design Studio', 'b2b', 'en', 'America/Toronto', 'USD', 'hello@maplefinch.example', '+1 416 555 0136', false, 4, 1600, 30, 15, 180],
  ['C-1037', 'Kingsley Engineering plc', 'b2b', 'en', 'Europe/London', 'GBP', 'accounts@kingsley-eng.example', '+44 20 7946 0137', true, 0, 7800, 30, 60, 250],
  ['C-1038', 'Sophie Garnier', 'b2c', 'fr', 'Europe/Paris', 'EUR', 'sophie.garnier@courriel.example', '+33 1 99 00 12 38', false, 64, 190, 30, 0, 150],
  ['C-1039', 'Fromagerie Roux', 'b2b', 'fr', 'Europe/Paris', 'EUR', 'fromagerie.roux@courriel.example', '+33 1 99 00 12 39', true, 17, 540, 21, 30, 160],
  ['C-1040', 'Silverline Media Ltd', 'b2b', 'en', 'Europe/London', 'GBP', 'finance@silverline-media.example', '+44 20 7946 0140', false, 230, 3900, 45, 30, 250],
];

export const DEMO_CUSTOMERS: readonly DemoCustomerProfile[] = ROWS.map(([ref, name, kind, locale, timezone, currency, email, phone, owned, stuckFor, typical, cadence, terms, since, extra]) => ({
  ref, name, kind, locale, timezone, currency, email, phone, owned, stuckFor, typical, cadence, terms, since, ...extra,
}));
