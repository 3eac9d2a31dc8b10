import { customerRowParser, customerStageColumns } from './customer-rows.ts';
import { writeCustomers } from './customer-writes.ts';
import type { KindImporter } from './importer.ts';
import { invoiceRowParser, invoiceStageColumns } from './invoice-rows.ts';
import { writeInvoices } from './invoice-writes.ts';
import type { ImportKind } from './kinds.ts';
import { paymentRowParser, paymentStageColumns } from './payment-rows.ts';
import { writePayments } from './payment-writes.ts';

export const IMPORTERS: Record<ImportKind, KindImporter> = {
  customers: {
    kind: 'customers',
    keyColumn: 'customer_ref',
    stageColumns: customerStageColumns,
    rowParser: (positions) => customerRowParser(positions),
    write: writeCustomers,
  },
  invoices: {
    kind: 'invoices',
    keyColumn: 'invoice_number',
    stageColumns: invoiceStageColumns,
    rowParser: invoiceRowParser,
    write: writeInvoices,
  },
  payments: {
    kind: 'payments',
    keyColumn: 'reference',
    stageColumns: paymentStageColumns,
    rowParser: paymentRowParser,
    write: writePayments,
  },
};
