// The SQL twin of src/domain/priority.ts, built from the same coefficients.
// test/db/priority.test.ts checks both give the same score.
import { sql, type SQL } from 'drizzle-orm';
import { TIME_BAR_WARNING_DAYS, TIME_BAR_YEARS } from '../domain/aging.ts';
import { PRIORITY as P } from '../domain/priority.ts';

/**
 * Expects in scope: `b` (customer_balances), `c` (customers), `k` (the active
 * case, may be null) and `p` (broken, pending promise counts).
 */
export function prioritySql(today: SQL): SQL {
  const days = sql`(${today} - b.oldest_due_date)`;
  const years = sql`case when c.kind = 'b2c' then ${TIME_BAR_YEARS.b2c}::int else ${TIME_BAR_YEARS.b2b}::int end`;
  const nearTimeBar = sql`(b.earliest_start_date is not null
    and (b.earliest_start_date + make_interval(years => ${years}))::date - ${today} between 0 and ${TIME_BAR_WARNING_DAYS}::int)`;
  return sql`case when b.overdue_cents <= 0 or k.status = 'paused' then 0 else floor((
      ${P.pointsPerDayOverdue}::numeric * least(greatest(${days}, 0), ${P.maxDaysOverdue}::int)
      + ${P.amountWeight}::numeric * log(1 + b.overdue_cents / ${P.amountDivisor}::numeric)
      + ${P.pointsPerBrokenPromise}::numeric * least(coalesce(p.broken, 0), ${P.maxBrokenPromises}::int)
      + case when ${nearTimeBar} then ${P.timeBarPoints}::numeric else 0 end
    ) * case when coalesce(p.pending, 0) > 0 then ${P.pendingPromiseFactor}::numeric else 1 end + 0.5)::int end`;
}
