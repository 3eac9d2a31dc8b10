// A loopback chat-completions server (OPENAI_BASE_URL) that answers each
// request from a function of what was asked: the response format's name and
// the user message's JSON. The formal notice asks twice at once (the letter
// and its copy, two schemas), so a fixed answer (test/ai/loopback.ts) cannot
// serve both. Every request is kept.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AskedRequest {
  schema: string;
  system: string;
  /** The user message, parsed. */
  user: Record<string, unknown>;
  /** The whole request body, as sent. */
  raw: string;
}

export type Reply = { answer: unknown } | { status: number } | { hang: true };
export type Replier = (asked: AskedRequest) => Reply;

export interface SchemaLoopback {
  baseUrl: string;
  requests: AskedRequest[];
  reply(replier: Replier): void;
  close(): Promise<void>;
}

export async function startSchemaLoopback(): Promise<SchemaLoopback> {
  const requests: AskedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let replier: Replier = () => ({ status: 503 });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '10' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return void json(404, { error: { message: 'not found' } });
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as { messages: { role: string; content: string }[]; response_format: { json_schema: { name: string } } };
      const asked: AskedRequest = {
        schema: body.response_format.json_schema.name,
        system: body.messages.find((m) => m.role === 'system')?.content ?? '',
        user: JSON.parse(body.messages.find((m) => m.role === 'user')?.content ?? '{}') as Record<string, unknown>,
        raw,
      };
      requests.push(asked);
      const r = replier(asked);
      if ('hang' in r) return void hanging.add(res);
      if ('status' in r) return void json(r.status, { error: { message: 'unavailable', type: 'server_error' } });
      json(200, {
        id: 'chatcmpl-schema-loopback', object: 'chat.completion', created: 1_764_000_000, model: 'loopback-model',
        choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(r.answer), refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(next) { replier = next; },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The template's text of each part the request asks to reword. */
export function partsOf(asked: AskedRequest): Record<string, string> {
  const parts = asked.user.parts as Record<string, { text: string }>;
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.text]));
}
