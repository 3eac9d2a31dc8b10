// Which court procedure a handed-off claim can take (SPEC §1 "Legal route",
// FACTS-fr "Legal route"): up to €5,000 of principal and interest, the
// simplified small-claims procedure through a commissaire de justice (CPCE
// L125-1) as well as the injonction de payer; above, the injonction de payer.
// The court of an injonction: the tribunal de commerce of the debtor's seat
// for a business (a tribunal des activités économiques in the twelve pilot
// courts), the tribunal judiciaire for a consumer. The threshold is in euros:
// a claim in another currency is not compared with it. Pure.
import type { DebtorKind } from './late-fees.ts';
import type { Money } from './money.ts';

/** CPCE L125-1: principal and interest, in euro cents. */
export const SMALL_CLAIMS_MAX_CENTS = 500_000;

export type SmallClaims =
  | 'eligible'
  | 'above'
  /** The claim is not in euros: the threshold cannot be tested. */
  | 'not_euros';

export interface LegalRoute {
  smallClaims: SmallClaims;
  court: 'commercial' | 'judicial';
}

/** `claim`: principal still owed plus interest, one currency. */
export function legalRoute(debtor: DebtorKind, claim: Money): LegalRoute {
  const court = debtor === 'b2b' ? 'commercial' : 'judicial';
  if (claim.currency !== 'EUR') return { smallClaims: 'not_euros', court };
  return { smallClaims: claim.cents <= SMALL_CLAIMS_MAX_CENTS ? 'eligible' : 'above', court };
}
