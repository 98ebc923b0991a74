/**
 * The running server's door for `wareloop` commands on the same machine, while it holds the
 * embedded database: a Unix socket in the data directory, inside a directory only the server's
 * user may enter. A command names an operation (doctor, backup, …) and the server runs it on the
 * database it holds. Nothing else goes through: no SQL, no network, no credential to manage.
 *
 * The exchange: the command sends one line `{"operation":"name"}`; the server answers with lines
 * `>…` (output, e.g. backup lines, in order), then one `=<JSON result>` or `!<error message>`.
 */
import { chmodSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { Emit } from '../backup/format.js';

/** Runs the named operation, sending its output through `emit`; answers its result. */
export type OperationHandler = (operation: string, emit: Emit) => Promise<unknown>;

export type ControlSocket = { path: string; close(): Promise<void> };

/** Linux allows 108 bytes for a socket's path, macOS 104, both with the final NUL. */
const MAX_PATH_BYTES = 103;

export function controlSocketPath(dataDir: string): string {
  return join(resolve(dataDir), 'control', 'wareloop.sock');
}

/**
 * Opens the socket of a server that holds `dataDir`. Answers undefined (and says why in the log)
 * when it cannot: the server serves all the same, and commands say they need it stopped.
 */
export async function openControlSocket(
  dataDir: string,
  handle: OperationHandler,
  log: { warn(obj: object, msg: string): void },
): Promise<ControlSocket | undefined> {
  const path = controlSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) {
    log.warn({ path }, 'no control socket: the data directory path is too long for one; `wareloop doctor` and `backup` need this server stopped');
    return undefined;
  }
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    void serveConnection(socket, handle);
  });
  try {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700); // one left by an earlier run, too
    const st = lstatSync(dir);
    if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid())) throw new Error(`${dir} is not a directory of this user`);
    // One left by a server that died: this process holds the data directory's lock, so it is no one's.
    rmSync(path, { force: true });
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
    chmodSync(path, 0o600);
  } catch (err) {
    server.close();
    log.warn({ err, path }, 'no control socket; `wareloop doctor` and `backup` need this server stopped');
    return undefined;
  }
  return {
    path,
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      for (const s of sockets) s.destroy(); // a backup in progress ends here; the command says so
      await closed;
      rmSync(path, { force: true });
    },
  };
}

async function serveConnection(socket: net.Socket, handle: OperationHandler) {
  let gone = false;
  socket.on('error', () => undefined); // the command went away; `gone` stops the work
  socket.on('close', () => (gone = true));
  let operation: string;
  try {
    const request = JSON.parse(await firstLine(socket)) as { operation?: unknown };
    if (typeof request.operation !== 'string') throw new Error('no operation named');
    operation = request.operation;
  } catch (err) {
    socket.end(`!the request is not one: ${oneLine(err)}\n`);
    return;
  }
  const emit: Emit = async (lines) => {
    if (gone) throw new Error('the command went away');
    if (!lines.length) return;
    if (!socket.write(lines.map((l) => `>${l}\n`).join(''))) await drained(socket);
  };
  try {
    const result = await handle(operation, emit);
    if (!gone) socket.end(`=${JSON.stringify(result ?? null)}\n`);
  } catch (err) {
    if (!gone) socket.end(`!${oneLine(err)}\n`);
  }
}

function firstLine(socket: net.Socket): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end !== -1) {
        cleanup();
        resolveLine(text.slice(0, end));
      } else if (text.length > 4096) {
        cleanup();
        reject(new Error('request line too long'));
      }
    };
    const onEnd = () => {
      cleanup();
      reject(new Error('no request'));
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.pause();
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
  });
}

function drained(socket: net.Socket): Promise<void> {
  return new Promise((resolveDrain, reject) => {
    const onDrain = () => {
      socket.off('close', onClose);
      resolveDrain();
    };
    const onClose = () => {
      socket.off('drain', onDrain);
      reject(new Error('the command went away'));
    };
    socket.once('drain', onDrain);
    socket.once('close', onClose);
  });
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
}
