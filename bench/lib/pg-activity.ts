// Where a database's time goes, seen from outside: samples pg_stat_activity
// every few milliseconds and counts what the database's client backends are
// doing — which statement is running, or "idle in transaction" (the client,
// here Node, is working between statements). A sampling profiler for SQL: no
// change to the code under test, no server setting. It does cost a query per
// sample, so it is only used on runs that are not part of the measured figures.
import type postgres from 'postgres';

export interface ActivityProfile {
  samples: number;
  intervalMs: number;
  /** Label → estimated milliseconds (sum of the intervals it was seen in), largest first. */
  byLabel: { label: string; ms: number }[];
}

/** The first words of a statement, whitespace collapsed: enough to tell the import's statements apart. */
export function statementLabel(query: string, width = 110): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

export function sampleActivity(admin: postgres.Sql, database: string, intervalMs = 50): { stop(): Promise<ActivityProfile> } {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  let previous = Date.now();
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      // Each sample stands for the time since the previous one (samples can come late on a busy machine).
      const weight = started - previous;
      previous = started;
      try {
        const active = await admin<{ state: string | null; query: string | null; wait: string | null }[]>`
          select state, query, wait_event_type || ':' || wait_event as wait from pg_stat_activity
          where datname = ${database} and backend_type = 'client backend' and pid <> pg_backend_pid()`;
        samples += 1;
        for (const a of active) {
          let label: string | null = null;
          if (a.state === 'active') label = statementLabel(a.query ?? '');
          else if (a.state === 'idle in transaction') label = '(idle in transaction: the client is working between statements)';
          if (label) counts.set(label, (counts.get(label) ?? 0) + weight);
        }
      } catch {
        // The database may be dropped or not yet connectable; keep sampling.
      }
      const wait = intervalMs - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const byLabel = [...counts].map(([label, ms]) => ({ label, ms })).sort((a, b) => b.ms - a.ms);
      return { samples, intervalMs, byLabel };
    },
  };
}
