// The CSV files bench/import feeds to `relance import`: customers.csv and
// invoices.csv with the importer's exact headers (src/import/kinds.ts),
// comma-separated, decimal point, UTF-8. Generated as a stream (a chunk of
// lines at a time, never the whole file in memory) from a seeded PRNG, so the
// same parameters give the same bytes; kept and reused while the parameters
// match (bench/.data/ is git-ignored).
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KIND_COLUMNS } from '../../src/import/kinds.ts';
import { prng } from '../../src/domain/prng.ts';

/** Bump when the generator changes what it writes: older files are then regenerated. */
const GENERATOR_VERSION = 1;
const SEED = 20261123;

export interface ImportFilesSpec {
  customers: number;
  invoices: number;
}

export interface ImportFiles {
  dir: string;
  customersCsv: string;
  invoicesCsv: string;
  /** The day the invoice dates count back from (the generation day). */
  anchor: string;
  reused: boolean;
  generateMs: number;
  bytes: { customers: number; invoices: number };
}

interface Meta extends ImportFilesSpec {
  version: number;
  seed: number;
  anchor: string;
  bytes: { customers: number; invoices: number };
}

const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont',
  'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Perrin',
  'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Nguyen', 'Boyer', 'Denis',
  'Lemaire', 'Duval', 'Joly', 'Roche', 'Meyer', 'Lucas', 'Perez', 'Marchand', 'Dufour', 'Barbier', 'Brun', 'Schmitt', 'Colin', "O'Brien",
  'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson'];
const FIRST = ['Camille', 'Louise', 'Léa', 'Emma', 'Chloé', 'Manon', 'Inès', 'Jade', 'Sarah', 'Lucie', 'Hugo', 'Lucas', 'Louis', 'Nathan',
  'Gabriel', 'Jules', 'Arthur', 'Paul', 'Antoine', 'Éric', 'Olivier', 'Sophie', 'Isabelle', 'Nathalie', 'Philippe', 'Alain'];
const TRADE = ['Atelier', 'Boulangerie', 'Transports', 'Garage', 'Cabinet', 'Pharmacie', 'Imprimerie', 'Menuiserie', 'Plomberie',
  'Électricité', 'Librairie', 'Restaurant', 'Hôtel', 'Fromagerie', 'Traiteur', 'Carrosserie', 'Serrurerie', 'Optique', 'Logistique',
  'Conseil', 'Informatique', 'Bâtiment', 'Négoce', 'Distribution', 'Chauffage', 'Paysages', 'Nettoyage', 'Sécurité', 'Textile', 'Vins'];
const FORM = ['SARL', 'SAS', 'SA', 'EURL', 'SASU', 'Ltd', 'GmbH'];
const ZONES = ['Europe/Paris', 'Europe/Paris', 'Europe/Paris', 'Europe/Paris', 'Europe/Paris', 'Europe/Paris', 'Europe/Brussels',
  'Europe/London', 'America/New_York', ''];

const pick = <T>(xs: readonly T[], r: number): T => xs[Math.floor(r * xs.length)]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** A CSV cell, quoted only when it has to be. */
const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Streams lines to a file, a chunk at a time, waiting when the disk is behind. */
async function writeLines(path: string, header: string, count: number, line: (i: number) => string): Promise<number> {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  let chunk = `${header}\n`;
  for (let i = 1; i <= count; i++) {
    chunk += `${line(i)}\n`;
    if (chunk.length >= 1 << 20 || i === count) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  if (chunk) out.write(chunk);
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
  return statSync(path).size;
}

const utcDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * customers.csv: refs C000001…; ~1 in 7 a consumer (b2c), a few with an empty
 * kind; names with accents, a few needing CSV quotes (commas, double quotes);
 * most with an email and a phone; time zone mostly Europe/Paris, some empty;
 * locale fr/en, some empty or spelled fr-FR.
 */
function customerLine(rand: () => number) {
  return (i: number): string => {
    const b2c = i % 7 === 3;
    const last = pick(LAST, rand());
    let name = b2c ? `${pick(FIRST, rand())} ${last}` : `${pick(TRADE, rand())} ${last}`;
    if (!b2c) {
      const r = rand();
      if (r < 0.01) name = `${last}, ${pick(LAST, rand())} et Associés`;
      else if (r < 0.015) name = `Le "${pick(TRADE, rand())}" de ${last}`;
      else if (r < 0.7) name += ` ${pick(FORM, rand())}`;
    }
    const kind = rand() < 0.02 ? '' : b2c ? 'b2c' : 'b2b';
    const email = rand() < 0.75 ? `ap${i}@${b2c ? 'mail' : last.toLowerCase().replace(/[^a-z]/g, '') || 'co'}.example.com` : '';
    const phone = rand() < 0.8 ? `+33 1 ${pad(Math.floor(rand() * 100), 2)} ${pad(Math.floor(rand() * 100), 2)} ${pad(i % 100, 2)} ${pad((i * 7) % 100, 2)}` : '';
    const zone = pick(ZONES, rand());
    const l = rand();
    const locale = l < 0.75 ? 'fr' : l < 0.9 ? 'en' : l < 0.95 ? 'fr-FR' : '';
    return [`C${pad(i, 6)}`, cell(name), kind, email, phone, zone, locale].join(',');
  };
}

/**
 * invoices.csv: numbers INV-YYYY-0000001…; customers skewed (a few big
 * accounts have many invoices); issued over the last 730 days; due 30, 45 or
 * 60 days later (consumers 30); EUR mostly, 5 % of customers in USD, 5 % in
 * GBP, 2 % mixed; amounts log-normal (median ~600 EUR for businesses, ~65 for
 * consumers), 2 decimals, decimal point.
 */
function invoiceLine(rand: () => number, customers: number, anchor: string) {
  const base = utcDay(anchor);
  const dayStr = new Map<number, string>();
  const day = (offset: number) => {
    let s = dayStr.get(offset);
    if (!s) dayStr.set(offset, (s = isoOf(base + offset * 86_400_000)));
    return s;
  };
  const currencyOf = (c: number) => {
    const h = ((c * 2_654_435) % 1_000_003) / 1_000_003;
    return h < 0.05 ? 'USD' : h < 0.1 ? 'GBP' : h < 0.12 ? 'mixed' : 'EUR';
  };
  return (i: number): string => {
    const c = 1 + Math.min(customers - 1, Math.floor(customers * Math.pow(rand(), 1.6)));
    const b2c = c % 7 === 3;
    const age = Math.floor(rand() * 730);
    const terms = b2c ? 30 : [30, 45, 60][Math.floor(rand() * 3)]!;
    const issue = day(-age);
    const due = day(-age + terms);
    let currency = currencyOf(c);
    if (currency === 'mixed') currency = rand() < 0.4 ? 'USD' : 'EUR';
    const z = (rand() + rand() + rand() + rand() - 2) * 1.732;
    const cents = Math.max(500, Math.round(Math.exp(b2c ? 8.8 + 0.8 * z : 11.0 + 1.2 * z)));
    const amount = `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`;
    return `INV-${issue.slice(0, 4)}-${pad(i, 7)},C${pad(c, 6)},${issue},${due},${currency},${amount}`;
  };
}

/** The two files for `spec`, generated into `dir` unless they are already there with the same parameters. */
export async function importFiles(dir: string, spec: ImportFilesSpec, today: string): Promise<ImportFiles> {
  mkdirSync(dir, { recursive: true });
  const customersCsv = join(dir, 'customers.csv');
  const invoicesCsv = join(dir, 'invoices.csv');
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath) && existsSync(customersCsv) && existsSync(invoicesCsv)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
      const same = meta.version === GENERATOR_VERSION && meta.seed === SEED && meta.customers === spec.customers
        && meta.invoices === spec.invoices && statSync(customersCsv).size === meta.bytes.customers
        && statSync(invoicesCsv).size === meta.bytes.invoices;
      if (same) return { dir, customersCsv, invoicesCsv, anchor: meta.anchor, reused: true, generateMs: 0, bytes: meta.bytes };
    } catch {
      // Unreadable meta: generate again.
    }
  }
  const started = performance.now();
  const rand = prng(SEED);
  const customers = await writeLines(customersCsv, KIND_COLUMNS.customers.header.join(','), spec.customers, customerLine(rand));
  const invoices = await writeLines(invoicesCsv, KIND_COLUMNS.invoices.header.join(','), spec.invoices, invoiceLine(rand, spec.customers, today));
  const meta: Meta = { ...spec, version: GENERATOR_VERSION, seed: SEED, anchor: today, bytes: { customers, invoices } };
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  return { dir, customersCsv, invoicesCsv, anchor: today, reused: false, generateMs: performance.now() - started, bytes: meta.bytes };
}
