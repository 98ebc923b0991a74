#!/usr/bin/env node
// The `wareloop` command and `npm start`: builds what is stale (the server to dist/server, the web
// app to dist/web), then runs the compiled command in this very process, so a signal sent to this
// PID reaches the server directly and its exit code is ours, with no child process to relay to.
import { ensureBuilt } from '../scripts/build.mjs';

try {
  await ensureBuilt({ log: (m) => console.error(m) });
} catch (err) {
  console.error(`wareloop: the build failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
await import('../dist/server/main.js');
