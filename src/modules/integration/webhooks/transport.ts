/**
 * The HTTP side of a delivery: one POST, no redirects followed, over keep-alive connections that
 * are opened only to addresses the destination policy has checked (`destination.ts`).
 */
import http from 'node:http';
import https from 'node:https';
import { DestinationRefused, guardedLookup, refuseBeforeConnecting, type DestinationPolicy } from '../../../platform/http/destination.js';

export const EXCERPT_BYTES = 1024;

export type Transport = {
  policy: DestinationPolicy;
  /** Closes idle connections (a stopping sender). */
  close(): void;
  post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Reply>;
};

/** The receiver's answer: its status and the first KB of its body. */
export type Reply = { statusCode: number; excerpt: string };

export class RequestTimedOut extends Error {
  override name = 'TimeoutError';
}

export function openTransport(policy: DestinationPolicy, maxSockets: number): Transport {
  const lookup = guardedLookup(policy);
  // Agents of their own: a connection is reused only under the policy that checked its address.
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets, lookup } as http.AgentOptions),
    'https:': new https.Agent({ keepAlive: true, maxSockets, lookup } as https.AgentOptions),
  };
  return {
    policy,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
    post(url, headers, body, timeoutMs) {
      const refused = refuseBeforeConnecting(policy, url);
      if (refused) return Promise.reject(new DestinationRefused(refused));
      const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
      return new Promise<Reply>((resolve, reject) => {
        let settled = false;
        const settle = (err: Error | undefined, reply?: Reply) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (err) reject(err);
          else resolve(reply!);
        };
        const options = { method: 'POST', agent, lookup, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } };
        const req = (url.protocol === 'https:' ? https : http).request(url, options as http.RequestOptions, (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = () =>
            // PostgreSQL text cannot hold NUL.
            settle(undefined, { statusCode: res.statusCode ?? 0, excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8').replace(/\0/g, '') });
          res.on('data', (chunk: Buffer) => {
            if (size >= EXCERPT_BYTES) return;
            chunks.push(chunk);
            size += chunk.length;
            // Enough read: the rest of a long answer is not waited for (the connection goes).
            if (size >= EXCERPT_BYTES) {
              done();
              res.destroy();
            }
          });
          res.on('end', done);
          res.on('error', () => done());
          res.on('close', () => done());
        });
        const timer = setTimeout(() => req.destroy(new RequestTimedOut(`timed out after ${timeoutMs} ms`)), timeoutMs);
        req.on('error', (err) => settle(err));
        req.end(body);
      });
    },
  };
}
