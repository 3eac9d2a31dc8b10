// When the balance summary needs its daily rebuild: the rule of
// ensureBalancesFresh (src/db/balances.ts), for readers that learn the
// summary's day along with their own rows and rebuild only when it is stale.
import { addDays, type IsoDate } from './dates.ts';

/** Whether balances built as of `asOf` (null: never built) serve `today`: built today or for tomorrow. */
export const balancesCurrent = (asOf: IsoDate | null, today: IsoDate): boolean =>
  asOf !== null && asOf >= today && asOf <= addDays(today, 1);
