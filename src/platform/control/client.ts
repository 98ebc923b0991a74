/**
 * The command's side of the control socket: reach the database a command works on, through the
 * server that holds the embedded one, or by opening it here (PostgreSQL, or no server running).
 */
import net from 'node:net';
import type { Config } from '../../config.js';
import type { Emit } from '../backup/format.js';
import { linesOf } from '../backup/lines.js';
import type { Db } from '../db/client.js';
import { openDatabase } from '../db/open.js';
import { controlSocketPath } from './socket.js';

export type Reached =
  | { via: 'server'; call<R>(operation: string, onOutput?: Emit): Promise<R> }
  | { via: 'local'; db: Db };

export async function reachDatabase(config: Config): Promise<Reached> {
  if (!config.databaseUrl) {
    const socket = await connect(controlSocketPath(config.dataDir));
    if (socket) return { via: 'server', call: (operation, onOutput) => call(socket, operation, onOutput) };
  }
  return { via: 'local', db: await openDatabase(config) };
}

/** Whether a server answers on the data directory's control socket. */
export async function serverAnswers(dataDir: string): Promise<boolean> {
  const socket = await connect(controlSocketPath(dataDir));
  socket?.destroy();
  return socket !== undefined;
}

/** The connected socket, or undefined when no server listens there. */
function connect(path: string): Promise<net.Socket | undefined> {
  return new Promise((resolveSocket, reject) => {
    const socket = net.createConnection(path);
    socket.once('connect', () => {
      socket.off('error', onError);
      socket.on('error', () => undefined); // a connection lost later ends the answer's lines, and is reported there
      resolveSocket(socket);
    });
    const onError = (err: NodeJS.ErrnoException) => {
      socket.destroy();
      // No socket, or one left by a server that died: no server.
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' || err.code === 'ENOTSOCK' || err.code === 'ENOTDIR') resolveSocket(undefined);
      else if (err.code === 'EACCES' || err.code === 'EPERM') reject(new Error(`cannot reach the running server through ${path}: permission denied (run this command as the user the server runs as)`));
      else reject(new Error(`cannot reach the running server through ${path}: ${err.message}`));
    };
    socket.once('error', onError);
  });
}

const OUTPUT_BATCH = 500;

async function call<R>(socket: net.Socket, operation: string, onOutput: Emit = async () => undefined): Promise<R> {
  socket.write(`${JSON.stringify({ operation })}\n`);
  let batch: string[] = [];
  try {
    for await (const line of linesOf(socket)) {
      const body = line.slice(1);
      if (line.startsWith('>')) {
        batch.push(body);
        if (batch.length >= OUTPUT_BATCH) {
          await onOutput(batch);
          batch = [];
        }
        continue;
      }
      await onOutput(batch);
      batch = [];
      if (line.startsWith('=')) return JSON.parse(body) as R;
      if (line.startsWith('!')) throw new Error(`the server could not run ${operation}: ${body}`);
      throw new Error(`the server answered something this command does not understand (${line.slice(0, 40)})`);
    }
    throw new Error(`the server closed the connection before ${operation} finished (did it stop?)`);
  } finally {
    socket.destroy();
  }
}
