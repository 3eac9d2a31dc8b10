// The intake bench's PUT clients, in a process of their own as an accounting
// system's would be: node:http keep-alive connections, each sending its next
// PUT when the last is answered. Run by bench/intake.ts; reads its job as JSON
// on stdin ({ base, token, invoices, total, clients, offset }) and prints
// { latencies, ms, failures } as JSON.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { base, token, invoices, total, clients, offset } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

function put(invoice, n) {
  // A new amount each time (+n cents): every PUT updates the invoice and rebuilds its customer's balance and case.
  const cents = invoice.cents + 1 + Math.floor((offset + n) / invoices.length);
  const body = JSON.stringify({
    customer_ref: invoice.customer, issue_date: invoice.issued, due_date: invoice.due, currency: invoice.currency,
    amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
  });
  return new Promise((resolve) => {
    const req = http.request({
      agent, host: url.hostname, port: url.port, method: 'PUT', path: `/api/v1/invoices/${encodeURIComponent(invoice.number)}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (e) => resolve({ status: 0, text: e.message }));
    req.end(body);
  });
}

const latencies = [];
const failures = [];
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: clients }, async () => {
  while (next < total) {
    const n = next;
    next += 1;
    const t0 = performance.now();
    const res = await put(invoices[n % invoices.length], n);
    latencies.push(performance.now() - t0);
    if ((res.status < 200 || res.status >= 300) && failures.length < 5) failures.push(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
  }
}));
agent.destroy();
process.stdout.write(JSON.stringify({ latencies, ms: performance.now() - started, failures }));
