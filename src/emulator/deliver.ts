import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface Delivery {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  timedOut: boolean;
  elapsedMs: number;
}

/**
 * One POST on its own connection, abandoned after `timeoutMs` as Slack abandons
 * a slow app. A fresh socket per request (no keep-alive pool) means an abandoned
 * request cannot linger on a shared connection and hold the app's server open.
 */
export function deliver(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Delivery> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Delivery>((resolve, reject) => {
    const req = request(target, {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 0, body: undefined, headers: {}, timedOut: true, elapsedMs: elapsed() });
    }, timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        const isJson = (res.headers['content-type'] ?? '').includes('json');
        let parsed: unknown = text;
        try {
          if (isJson && text !== '') parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
        const flat: Record<string, string> = {};
        for (const [key, value] of Object.entries(res.headers)) if (value !== undefined) flat[key] = String(value);
        resolve({ status: res.statusCode ?? 0, body: parsed, headers: flat, timedOut: false, elapsedMs: elapsed() });
      });
      res.on('error', reject);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      // A destroy() after the timeout also lands here; the promise is settled by then.
      reject(error);
    });
    req.end(body);
  });
}
