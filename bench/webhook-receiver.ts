/**
 * The webhook benchmark's receiver, in a process of its own (as a real one would be, and so its
 * work does not sit on the sender's event loop): verifies every request with the Standard
 * Webhooks library and notes when it arrived, on the machine-wide monotonic clock
 * (`process.hrtime`), which the benchmark compares with its commit times.
 *
 * IPC: `{ secret }` sets the secret; `{ report: true }` asks for what arrived.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type ReceiverReport = {
  /** [webhook-id, arrival in ns on the monotonic clock], first arrival of each id. */
  arrivals: Array<[string, string]>;
  duplicates: number;
  forged: number;
};

let verifier: Webhook | undefined;
const arrivals = new Map<string, bigint>();
let duplicates = 0;
let forged = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = process.hrtime.bigint();
    try {
      verifier!.verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
    } catch {
      forged++;
      res.writeHead(400).end('bad signature');
      return;
    }
    const id = String(req.headers['webhook-id']);
    if (arrivals.has(id)) duplicates++;
    else arrivals.set(id, at);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
server.keepAliveTimeout = 60_000;

process.on('message', (m: { secret?: string; report?: boolean; reset?: boolean }) => {
  if (m.secret) verifier = new Webhook(m.secret);
  if (m.reset) {
    arrivals.clear();
    duplicates = 0;
    forged = 0;
  }
  if (m.report) {
    const report: ReceiverReport = { arrivals: [...arrivals].map(([id, t]) => [id, String(t)]), duplicates, forged };
    process.send!({ report });
  }
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
