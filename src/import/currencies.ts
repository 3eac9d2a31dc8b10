// Currencies and their minor units come from the domain (src/domain/money.ts),
// so that whatever an import accepts, the rest of relance can format. The SQL
// side needs the exponents too: a payment's currency is its invoice's, known
// only in the database.
import { sql, type SQL } from 'drizzle-orm';
import { isCurrency, minorUnits } from '../domain/money.ts';

export { isCurrency };

const exponents = new Map<string, number>();

export function currencyExponent(code: string): number {
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    exponent = minorUnits(code);
    exponents.set(code, exponent);
  }
  return exponent;
}

let arrays: Map<number, string> | undefined;

/** Currencies whose exponent is not 2, by exponent, as SQL array literals ('{BIF,CLP,JPY,…}'). */
function exponentArrays(): Map<number, string> {
  if (arrays) return arrays;
  // Every three-letter code the domain accepts (17,576 set lookups, once): exact, with no second list to keep in step.
  const groups = new Map<number, string[]>();
  const A = 65;
  for (let a = 0; a < 26; a += 1) for (let b = 0; b < 26; b += 1) for (let c = 0; c < 26; c += 1) {
    const code = String.fromCharCode(A + a, A + b, A + c);
    if (!isCurrency(code)) continue;
    const exponent = minorUnits(code);
    if (exponent !== 2) groups.set(exponent, [...(groups.get(exponent) ?? []), code]);
  }
  arrays = new Map([...groups].map(([e, codes]) => [e, `{${codes.join(',')}}`]));
  return arrays;
}

/** SQL for the minor-unit exponent of a currency column, e.g. `exponentCase(sql\`i.currency\`)`. */
export function exponentCase(currency: SQL): SQL {
  const cases = [...exponentArrays()].map(([exponent, codes]) => sql`when ${currency}::text = any(${codes}::text[]) then ${sql.raw(String(exponent))}`);
  return sql`case ${sql.join(cases, sql` `)} else 2 end`;
}
