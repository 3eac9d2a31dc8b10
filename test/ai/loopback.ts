// A loopback HTTP server speaking the part of the OpenAI API relance uses
// (POST /v1/chat/completions), reached through OPENAI_BASE_URL. Each test says
// how it answers: a JSON answer (as the model's message content), raw content
// (malformed), an HTTP status, or never (a timeout). Every request is kept.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'answer'; answer: unknown; delayMs?: number }
  | { kind: 'content'; content: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang' };

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format: { type: string; json_schema: { name: string; strict: boolean; schema: unknown } };
  };
}

export interface Loopback {
  /** http://127.0.0.1:<port>/v1 */
  baseUrl: string;
  requests: ReceivedRequest[];
  /** How the next requests are answered (until changed). */
  behave(behaviour: Behaviour): void;
  close(): Promise<void>;
}

function completion(content: string) {
  return {
    id: 'chatcmpl-loopback',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: 'loopback-model',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

export async function startLoopback(): Promise<Loopback> {
  const requests: ReceivedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let behaviour: Behaviour = { kind: 'status', status: 503 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      if (req.method !== 'POST' || path !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      requests.push({ path, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedRequest['body'] });
      const b = behaviour;
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '10' }).end(JSON.stringify(body));
      switch (b.kind) {
        case 'answer':
          setTimeout(() => json(200, completion(JSON.stringify(b.answer))), b.delayMs ?? 0);
          return;
        case 'content': return void json(200, completion(b.content));
        // The error body quotes the request, as some servers do: it must not reach a log.
        case 'status': return void json(b.status, { error: { message: `failed on: ${JSON.stringify(requests.at(-1)?.body.messages)}`, type: 'server_error' } });
        case 'hang': hanging.add(res); return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    behave(next) { behaviour = next; },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A model answer with every field, `null` unless given. */
export function answer(fields: Partial<Record<'outcome' | 'amount' | 'date' | 'plan' | 'dispute' | 'summary', unknown>> & { next_step?: unknown } = {}) {
  return {
    outcome: null, amount: null, date: null, plan: null, next_step: { kind: 'none', date: null }, dispute: null, summary: null,
    ...fields,
  };
}
