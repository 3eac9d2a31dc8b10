// POST /api/v1/bulk/{customers|invoices|payments}: NDJSON (one JSON record a
// line) or CSV (the import's format), streamed through the import's checks in
// one transaction. Good records go in; the answer lists the refused ones.
import { Hono } from 'hono';
import { CsvSyntaxError } from '../../import/csv-stream.ts';
import { KIND_ORDER, type ImportKind } from '../../import/kinds.ts';
import { StageError } from '../../import/stage.ts';
import { bulkIngest, type BulkFormat } from '../../services/intake/bulk-ingest.ts';
import { LineTooLongError } from '../../services/intake/feeds.ts';
import { HeaderError } from '../../services/intake/ingest.ts';
import { EXAMPLES } from '../../services/intake/records.ts';
import { BodyTooLargeError, limitedBody } from '../body.ts';
import type { ApiDeps, ApiEnv } from '../context.ts';
import { apiError } from '../errors.ts';
import { tooLarge } from '../json-body.ts';
import { byIndex, byLine } from '../record-errors.ts';

const NDJSON = /^application\/(x-)?(ndjson|jsonl|json-lines|x-jsonlines)\b/i;
const CSV = /^text\/csv\b/i;

function formatOf(type: string | undefined): BulkFormat | null {
  if (type && NDJSON.test(type)) return 'ndjson';
  if (type && CSV.test(type)) return 'csv';
  return null;
}

/** A body that works: two NDJSON records, or a CSV header and a row. */
export function bulkExample(kind: ImportKind, format: BulkFormat = 'ndjson'): string {
  const record: Record<string, string> = EXAMPLES[kind];
  if (format === 'ndjson') return `${JSON.stringify(record)}\n`;
  const columns = Object.keys(record);
  return `${columns.join(',')}\n${columns.map((c) => record[c]).join(',')}\n`;
}

/** The error that stopped the request, through the wrappers (the import's source errors keep theirs as cause). */
function rootOf(e: unknown): unknown {
  let error = e;
  for (let i = 0; i < 5 && error instanceof Error && !(error instanceof BodyTooLargeError) && error.cause; i += 1) error = error.cause;
  return error;
}

export function bulkRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.post('/:kind', async (c) => {
    const kind = c.req.param('kind') as ImportKind;
    if (!KIND_ORDER.includes(kind)) {
      return apiError(c, 404, 'not_found', `"${kind}" is not something relance takes in bulk: customers, invoices or payments`,
        'POST /api/v1/bulk/payments');
    }
    const format = formatOf(c.req.header('content-type'));
    const example = bulkExample(kind, format ?? 'ndjson');
    if (!format) {
      return apiError(c, 415, 'unsupported_media_type',
        `a bulk body is NDJSON (Content-Type: application/x-ndjson) or CSV (Content-Type: text/csv), not "${c.req.header('content-type') ?? 'nothing'}"`, example);
    }
    const grant = c.get('grant');
    const limit = deps.config.RELANCE_API_BULK_LIMIT;
    try {
      const result = await bulkIngest(deps.database, {
        workspaceId: grant.workspaceId, kind, format, body: limitedBody(c.env.incoming, limit), origin: `api:${grant.name}`, now: deps.clock(),
      });
      if (result.inserted > 0 && kind !== 'customers') deps.afterWrite?.(grant.workspaceId);
      return c.json({
        kind, records: result.records, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected,
        cases_opened: result.casesOpened, cases_resolved: result.casesResolved,
        promises_kept: result.promisesKept, promises_broken: result.promisesBroken,
        reminders_cancelled: result.remindersCancelled.mails + result.remindersCancelled.drafts,
        errors: result.errors.map(format === 'ndjson' ? byIndex : byLine),
        more_errors: result.moreErrors,
      });
    } catch (e) {
      const root = rootOf(e);
      if (root instanceof BodyTooLargeError) return tooLarge(c, root.limit, 'split the records over several requests');
      if (e instanceof HeaderError) return apiError(c, 400, 'bad_header', `${e.message}; nothing was imported`, example);
      if (e instanceof CsvSyntaxError || e instanceof LineTooLongError || e instanceof StageError) {
        return apiError(c, 400, 'invalid_body', `${e.message}; nothing was imported`, example);
      }
      throw e;
    }
  });
  return app;
}
