// The OpenAPI 3.1 document of the intake API, served at /api/v1/openapi.json.
// Request bodies are generated from the same zod schemas that check them;
// the rest (paths, answers, errors) is written here, next to nothing else.
import { z } from 'zod';
import { KIND_COLUMNS, KIND_ORDER } from '../import/kinds.ts';
import { customerBody, EXAMPLES, invoiceBody, paymentBody } from '../services/intake/records.ts';
import type { ApiConfig } from './config.ts';

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, example?: unknown) => ({ 'application/json': { schema, ...(example ? { example } : {}) } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const ERRORS = {
  400: error('Bad JSON, a body of the wrong shape, or a key in the body that is not the one in the path (bad_json, invalid_body, key_mismatch, bad_header)'),
  401: error('No token, or a token that is malformed, unknown or revoked (unauthorized)'),
  403: error('A read-only token asked to write (forbidden)'),
  413: error('The body is over the limit (payload_too_large)'),
  415: error('The body is not of a media type this endpoint takes (unsupported_media_type)'),
  422: error("The record was refused by the import's checks; details lists each reason (invalid_record)"),
  429: {
    description: 'Too many requests with this token this minute (rate_limited)',
    headers: { 'Retry-After': { description: 'Seconds until the next minute starts', schema: { type: 'integer' } } },
    content: json(ref('Error')),
  },
};
const pick = (...codes: (keyof typeof ERRORS)[]) => Object.fromEntries(codes.map((c) => [String(c), ERRORS[c]]));
const notFound = { 404: error('Not in this workspace (not_found)') };
const keyParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string', maxLength: 140 } });

export function openApiDocument(config: ApiConfig): Record<string, unknown> {
  const bulkPaths = Object.fromEntries(KIND_ORDER.map((kind) => [`/api/v1/bulk/${kind}`, {
    post: {
      operationId: `bulk${kind[0]!.toUpperCase()}${kind.slice(1)}`,
      summary: `Many ${kind} at once, streamed through the checks of relance import`,
      description: `NDJSON: one JSON record a line, each with its key; every record carries the same fields (null clears a value). `
        + `CSV: the import's format, header ${KIND_COLUMNS[kind].header.join(',')}. One transaction; good records go in, refused ones `
        + `are listed with their index (NDJSON) or line (CSV) and key. Body limit ${config.RELANCE_API_BULK_LIMIT} bytes.`,
      requestBody: {
        required: true,
        content: {
          'application/x-ndjson': { schema: { type: 'string' }, example: `${JSON.stringify(EXAMPLES[kind])}\n` },
          'text/csv': { schema: { type: 'string' }, example: `${Object.keys(EXAMPLES[kind]).join(',')}\n${Object.values(EXAMPLES[kind]).join(',')}\n` },
        },
      },
      responses: { 200: { description: 'What was imported, and the refused records', content: json(ref('BulkResult')) }, ...pick(400, 401, 403, 413, 415, 429) },
    },
  }]));

  return {
    openapi: '3.1.0',
    info: {
      title: 'relance intake API',
      version: '1',
      description: 'Keeps the receivables ledger current from an accounting system. Each token sees one workspace only. '
        + 'Records go through the same checks and writes as `relance import`; a payment takes effect at once (balances, promise verdicts, '
        + 'reminders waiting about the invoices it settles are cancelled). Amounts are decimal strings with a decimal point ("1250.00"). '
        + `Single-record bodies are limited to ${config.RELANCE_API_BODY_LIMIT} bytes; each token to ${config.RELANCE_API_RATE_PER_MINUTE || 'unlimited'} requests a minute.`,
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/customers/{customer_ref}': {
        parameters: [keyParam('customer_ref', "The accounting system's customer id")],
        get: {
          operationId: 'getCustomer', summary: 'A customer and its open balances per currency',
          responses: { 200: { description: 'The customer', content: json({ type: 'object', properties: { customer: ref('Customer') } }) }, ...notFound, ...pick(401, 429) },
        },
        put: {
          operationId: 'putCustomer', summary: 'Create or update a customer (a field left out keeps its value; null clears it)',
          requestBody: { required: true, content: json(ref('CustomerBody'), (({ customer_ref: _, ...b }) => b)(EXAMPLES.customers)) },
          responses: {
            200: { description: 'Updated or unchanged', content: json(ref('CustomerResult')) },
            201: { description: 'Created', content: json(ref('CustomerResult')) },
            ...pick(400, 401, 403, 413, 415, 422, 429),
          },
        },
      },
      '/api/v1/invoices/{invoice_number}': {
        parameters: [keyParam('invoice_number', 'The invoice number, unique in the workspace')],
        get: {
          operationId: 'getInvoice', summary: 'An invoice, what is paid and open, and its payments',
          responses: { 200: { description: 'The invoice', content: json({ type: 'object', properties: { invoice: ref('Invoice') } }) }, ...notFound, ...pick(401, 429) },
        },
        put: {
          operationId: 'putInvoice', summary: 'Create or update an invoice (never moved to another customer; currency fixed once paid)',
          requestBody: { required: true, content: json(ref('InvoiceBody'), (({ invoice_number: _, ...b }) => b)(EXAMPLES.invoices)) },
          responses: {
            200: { description: 'Updated or unchanged', content: json(ref('InvoiceResult')) },
            201: { description: 'Created', content: json(ref('InvoiceResult')) },
            ...pick(400, 401, 403, 413, 415, 422, 429),
          },
        },
      },
      '/api/v1/payments': {
        post: {
          operationId: 'recordPayment',
          summary: 'Record a payment, idempotent by reference',
          description: 'The same reference with the same invoice, amount and date answers 200 with the payment already recorded; '
            + 'with other values, 409 and nothing changes. A new payment refreshes the balances, decides the promises it keeps '
            + 'and cancels reminders waiting about the invoices it settles, in the same transaction.',
          requestBody: { required: true, content: json(ref('PaymentBody'), EXAMPLES.payments) },
          responses: {
            200: { description: 'Already recorded (a retry)', content: json(ref('PaymentResult')) },
            201: { description: 'Recorded', content: json(ref('PaymentResult')) },
            409: error('The reference is recorded with other values (payment_conflict); the example is the body that would be a retry'),
            ...pick(400, 401, 403, 413, 415, 422, 429),
          },
        },
      },
      '/api/v1/payments/{reference}': {
        parameters: [keyParam('reference', "The payment's reference (e.g. the bank's)")],
        get: {
          operationId: 'getPayment', summary: 'A payment',
          responses: { 200: { description: 'The payment', content: json({ type: 'object', properties: { payment: ref('Payment') } }) }, ...notFound, ...pick(401, 429) },
        },
      },
      ...bulkPaths,
      '/api/v1/openapi.json': {
        get: { operationId: 'openApi', summary: 'This document', security: [], responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } },
      },
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http', scheme: 'bearer', bearerFormat: 'rl_ + 43 base64url characters',
          description: 'Created with `relance token create --workspace W --name N [--read-only]`; a read-only token may only GET.',
        },
      },
      schemas: {
        CustomerBody: jsonSchema(customerBody),
        InvoiceBody: jsonSchema(invoiceBody),
        PaymentBody: jsonSchema(paymentBody),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'example'],
              properties: {
                code: {
                  type: 'string',
                  enum: ['unauthorized', 'forbidden', 'not_found', 'method_not_allowed', 'payload_too_large', 'rate_limited', 'unsupported_media_type',
                    'bad_json', 'invalid_body', 'key_mismatch', 'invalid_record', 'payment_conflict', 'bad_header', 'internal'],
                },
                message: { type: 'string', description: 'What was wrong, quoting it' },
                example: { description: 'A request (or body) that works' },
                field: { type: 'string' },
                details: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
          example: { error: { code: 'invalid_body', message: 'due_date: "31/10/2026" is not a date written YYYY-MM-DD', example: EXAMPLES.invoices, field: 'due_date' } },
        },
        Money: { type: 'string', description: 'Decimal amount in the currency, decimal point (e.g. "1250.00")' },
        Customer: {
          type: 'object',
          properties: {
            customer_ref: { type: 'string' }, name: { type: 'string' }, kind: { enum: ['b2b', 'b2c'] },
            email: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] }, timezone: { type: ['string', 'null'] },
            locale: { enum: ['en', 'fr', null] }, company_id: { type: ['string', 'null'] }, owner: { type: ['string', 'null'] },
            late_rate: { type: ['string', 'null'] }, iban: { type: ['string', 'null'] },
            balances: { type: 'array', items: { type: 'object', properties: {
              currency: { type: 'string' }, open: ref('Money'), overdue: ref('Money'), open_cents: { type: 'integer' }, overdue_cents: { type: 'integer' },
            } } },
            updated_at: { type: 'string', format: 'date-time' },
          },
        },
        Payment: {
          type: 'object',
          properties: {
            reference: { type: 'string' }, invoice_number: { type: 'string' }, amount: ref('Money'), amount_cents: { type: 'integer' },
            currency: { type: 'string' }, paid_on: { type: 'string', format: 'date' }, source: { type: 'string' }, recorded_at: { type: 'string', format: 'date-time' },
          },
        },
        Invoice: {
          type: 'object',
          properties: {
            invoice_number: { type: 'string' }, customer_ref: { type: 'string' }, issue_date: { type: 'string', format: 'date' },
            due_date: { type: 'string', format: 'date' }, delivered_on: { type: ['string', 'null'], format: 'date' }, currency: { type: 'string' },
            amount: ref('Money'), amount_cents: { type: 'integer' }, paid: ref('Money'), paid_cents: { type: 'integer' },
            open: ref('Money'), open_cents: { type: 'integer' }, payments: { type: 'array', items: ref('Payment') },
            updated_at: { type: 'string', format: 'date-time' },
          },
        },
        CustomerResult: { type: 'object', properties: { result: { enum: ['created', 'updated', 'unchanged'] }, customer: ref('Customer') } },
        InvoiceResult: { type: 'object', properties: { result: { enum: ['created', 'updated', 'unchanged'] }, invoice: ref('Invoice') } },
        PaymentResult: {
          type: 'object',
          properties: {
            result: { enum: ['created', 'existing'] },
            payment: ref('Payment'),
            effects: {
              type: 'object', description: 'Only on 201',
              properties: { promises_kept: { type: 'integer' }, promises_broken: { type: 'integer' }, reminders_cancelled: { type: 'integer' }, cases_resolved: { type: 'integer' } },
            },
          },
        },
        BulkResult: {
          type: 'object',
          properties: {
            kind: { enum: [...KIND_ORDER] }, records: { type: 'integer' }, inserted: { type: 'integer' }, updated: { type: 'integer' },
            unchanged: { type: 'integer' }, rejected: { type: 'integer' }, cases_opened: { type: 'integer' }, cases_resolved: { type: 'integer' },
            promises_kept: { type: 'integer' }, promises_broken: { type: 'integer' }, reminders_cancelled: { type: 'integer' },
            errors: {
              type: 'array', description: 'The first 100 refused records',
              items: {
                type: 'object', required: ['key', 'field', 'message'],
                properties: {
                  index: { type: 'integer', description: 'NDJSON: the record, from 0 (blank lines not counted)' },
                  line: { type: 'integer', description: 'CSV: the physical line, header = 1' },
                  key: { type: 'string' }, field: { type: 'string' }, message: { type: 'string' },
                },
              },
            },
            more_errors: { type: 'integer' },
          },
        },
      },
    },
  };
}
