// The reminder drafts waiting for a person, a page at a time, oldest first:
// what the digest's Review modal pages through.
import { sql } from 'drizzle-orm';
import type { Money } from '../domain/money.ts';
import { rows, type Queryable } from './client.ts';

export interface WaitingDraft {
  id: number;
  name: string;
  stage: string;
  subject: string;
  totals: Money[];
  invoices: string[];
}

export async function waitingDrafts(db: Queryable, input: {
  workspaceId: string; withNotices: boolean; offset: number; limit: number;
}): Promise<{ drafts: WaitingDraft[]; total: number }> {
  const found = await rows<{ id: string; name: string; stage: string; subject: string; data: { totals?: Money[]; invoices?: { number?: string }[] }; total: number }>(db, sql`
    select d.id, c.name, d.stage, d.subject, d.data, count(*) over ()::int as total
    from drafts d join customers c on c.id = d.customer_id
    where d.workspace_id = ${input.workspaceId} and d.status = 'draft'
      ${input.withNotices ? sql`` : sql`and d.stage <> 'formal_notice'`}
    order by d.created_at, d.id
    offset ${input.offset} limit ${input.limit}`);
  const total = found[0]?.total ?? (input.offset > 0 ? await countWaiting(db, input) : 0);
  return {
    total,
    drafts: found.map((r) => ({
      id: Number(r.id), name: r.name, stage: r.stage, subject: r.subject,
      totals: Array.isArray(r.data?.totals) ? r.data.totals : [],
      invoices: Array.isArray(r.data?.invoices) ? r.data.invoices.map((i) => i.number).filter((n): n is string => typeof n === 'string') : [],
    })),
  };
}

async function countWaiting(db: Queryable, input: { workspaceId: string; withNotices: boolean }): Promise<number> {
  const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from drafts
    where workspace_id = ${input.workspaceId} and status = 'draft' ${input.withNotices ? sql`` : sql`and stage <> 'formal_notice'`}`);
  return n?.n ?? 0;
}
