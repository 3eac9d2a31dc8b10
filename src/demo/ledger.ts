// A small demo ledger, French and English debtors in every aging bucket, built
// relative to today so it always shows something overdue. Written as CSV and
// loaded through the real importer.
import { addDays, type IsoDate } from '../domain/dates.ts';

interface DemoCustomer {
  ref: string;
  name: string;
  kind: 'b2b' | 'b2c';
  locale: 'en' | 'fr';
  timezone: string;
  /** Days overdue and amount of each invoice; paid part optional. */
  invoices: { late: number; amount: string; currency?: string; paid?: string }[];
}

const CUSTOMERS: DemoCustomer[] = [
  { ref: 'C-1001', name: 'Boulangerie Martin SARL', kind: 'b2b', locale: 'fr', timezone: 'Europe/Paris', invoices: [{ late: 95, amount: '4820.00' }, { late: 40, amount: '1200.00' }] },
  { ref: 'C-1002', name: 'Acme Corporation', kind: 'b2b', locale: 'en', timezone: 'America/New_York', invoices: [{ late: 65, amount: '15400.00', currency: 'USD', paid: '5400.00' }] },
  { ref: 'C-1003', name: "Société Générale d'Équipement", kind: 'b2b', locale: 'fr', timezone: 'Europe/Paris', invoices: [{ late: 33, amount: '8990.50' }, { late: 12, amount: '450.00' }] },
  { ref: 'C-1004', name: 'Globex Ltd', kind: 'b2b', locale: 'en', timezone: 'Europe/London', invoices: [{ late: 18, amount: '2300.00', currency: 'GBP' }] },
  { ref: 'C-1005', name: 'Dupont Jean', kind: 'b2c', locale: 'fr', timezone: 'Europe/Paris', invoices: [{ late: 120, amount: '340.00' }] },
  { ref: 'C-1006', name: 'Initech SAS', kind: 'b2b', locale: 'fr', timezone: 'Europe/Paris', invoices: [{ late: 5, amount: '760.00' }, { late: -3, amount: '1500.00' }] },
  { ref: 'C-1007', name: 'Umbrella Logistics', kind: 'b2b', locale: 'en', timezone: 'Europe/Berlin', invoices: [{ late: 52, amount: '23000.00', paid: '3000.00' }] },
  { ref: 'C-1008', name: 'Café des Arts', kind: 'b2b', locale: 'fr', timezone: 'Europe/Paris', invoices: [{ late: 2, amount: '180.00' }] },
  { ref: 'C-1009', name: 'Stark Fournitures', kind: 'b2b', locale: 'fr', timezone: 'Europe/Paris', invoices: [{ late: 75, amount: '6200.00' }, { late: 25, amount: '980.00' }] },
  { ref: 'C-1010', name: 'Wayne Consulting', kind: 'b2b', locale: 'en', timezone: 'America/Chicago', invoices: [{ late: 10, amount: '3100.00', currency: 'USD', paid: '3100.00' }] },
];

export interface DemoFiles {
  customers: string;
  invoices: string;
  payments: string;
}

export function demoLedgerCsv(today: IsoDate): DemoFiles {
  const customers = ['customer_ref,name,kind,email,phone,timezone,locale'];
  const invoices = ['invoice_number,customer_ref,issue_date,due_date,currency,amount'];
  const payments = ['invoice_number,amount,paid_on,reference'];
  let n = 0;
  for (const c of CUSTOMERS) {
    const slug = c.ref.toLowerCase();
    customers.push(`${c.ref},"${c.name.replace(/"/g, '""')}",${c.kind},accounts@${slug}.example,+33 1 00 00 00 00,${c.timezone},${c.locale}`);
    for (const inv of c.invoices) {
      const number = `DEMO-${String(++n).padStart(4, '0')}`;
      const due = addDays(today, -inv.late);
      invoices.push(`${number},${c.ref},${addDays(due, -30)},${due},${inv.currency ?? 'EUR'},${inv.amount}`);
      if (inv.paid) payments.push(`${number},${inv.paid},${addDays(due, 3)},PAY-${number}`);
    }
  }
  return { customers: customers.join('\n'), invoices: invoices.join('\n'), payments: payments.join('\n') };
}
