import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpAnswer } from './faults.ts';
import type { Args } from './types.ts';

const MAX_BODY_BYTES = 1024 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

// Form bodies carry structured arguments as JSON strings (the WebClient does
// this for blocks, metadata, view, files, ...): decode the ones Slack decodes.
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files', 'unfurls', 'user_auth_blocks']);

export function decodeJsonFields(args: Args): Args {
  for (const key of JSON_FIELDS) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Left as a string: the method answers with its *_format error.
    }
  }
  return args;
}

/** Web API arguments from the query string and a form or JSON body. */
export function parseArgs(contentType: string | undefined, raw: Buffer, query: URLSearchParams): Args {
  const args: Args = Object.fromEntries(query);
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (raw.length === 0) return decodeJsonFields(args);
  if (type === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(args, parsed);
    return decodeJsonFields(args);
  }
  if (type === 'multipart/form-data') {
    for (const part of multipartParts(raw, contentType ?? '')) {
      if (part.filename === undefined) args[part.name] = part.data.toString('utf8');
    }
    return decodeJsonFields(args);
  }
  Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  return decodeJsonFields(args);
}

export interface MultipartPart {
  name: string;
  filename?: string;
  data: Buffer;
}

/** Just enough multipart/form-data to read what fetch's FormData sends. */
export function multipartParts(raw: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) return [];
  const delimiter = Buffer.from(`--${marker}`);
  const parts: MultipartPart[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      parts.push({ name, ...(filename !== undefined ? { filename } : {}), data: part.subarray(headerEnd + 4) });
    }
    start = next;
  }
  return parts;
}

export function send(res: ServerResponse, answer: HttpAnswer): void {
  const isText = typeof answer.body === 'string';
  const payload = isText ? (answer.body as string) : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...answer.headers,
  });
  res.end(payload);
}
