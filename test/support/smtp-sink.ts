// A real SMTP server in the test process (smtp-server), and what reached it
// read back with mailparser. `answer` decides each message's fate: accept
// (the default), or a reply code such as 451 (temporary) or 550 (permanent).
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  raw: Buffer;
  parsed: ParsedMail;
  envelope: { from: string; to: string[] };
}

export type Answer = { accept: true } | { code: number; message: string };

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Raw messages only (no parsing): what a benchmark counts. */
  count(): number;
  /** The fate of the next messages, in order; after the list, accept. */
  answers: Answer[];
  /** Called after a message is accepted, before the reply reaches the client (a crash there loses the answer). */
  onAccepted?: (raw: Buffer) => void;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { parse?: boolean; user?: string; password?: string } = {}): Promise<SmtpSink> {
  const parse = options.parse ?? true;
  let total = 0;
  const sink: SmtpSink = {
    url: '', port: 0, received: [], answers: [],
    count: () => total,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: !options.user,
    ...(options.user ? {
      onAuth(auth, _session, callback) {
        if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
    } : {}),
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const answer = sink.answers.shift() ?? { accept: true };
        if (!('accept' in answer)) {
          const error = new Error(answer.message) as Error & { responseCode: number };
          error.responseCode = answer.code;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks);
        total += 1;
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const done = () => callback(null, 'queued as test');
        if (!parse) {
          sink.onAccepted?.(raw);
          done();
          return;
        }
        void simpleParser(raw).then((parsed) => {
          sink.received.push({ raw, parsed, envelope });
          sink.onAccepted?.(raw);
          done();
        });
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  sink.port = port;
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}
