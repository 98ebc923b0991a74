/**
 * Builds what `npm start` runs: the server compiled to JavaScript in dist/server (esbuild, one file
 * per source file; type checking is `npm run typecheck`'s job) and the web app in dist/web (Vite).
 * A build is skipped when its inputs are unchanged: a hash of their contents is kept beside the output.
 *
 *   node scripts/build.mjs           build what is stale
 *   node scripts/build.mjs --force   build everything
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

/** Every file under `dir` (relative to ROOT), sorted, skipping tests. */
function filesUnder(dir, keep = () => true) {
  const out = [];
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (keep(path)) out.push(path);
    }
  };
  if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  return out.sort();
}

const isTest = (path) => /\.test\.tsx?$|\.testing\.ts$/.test(path);

function hashOf(paths) {
  const h = createHash('sha256');
  for (const path of paths) h.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  return h.digest('hex');
}

const TARGETS = {
  server: {
    out: join(DIST, 'server'),
    inputs: () => [...filesUnder('src', (p) => !isTest(p)), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)],
    async build(out) {
      const { build } = await import('esbuild');
      const sources = filesUnder('src', (p) => p.endsWith('.ts') && !isTest(p));
      await build({
        entryPoints: sources,
        outdir: out,
        outbase: join(ROOT, 'src'),
        platform: 'node',
        format: 'esm',
        target: 'node20',
        sourcemap: 'linked',
        logLevel: 'warning',
      });
      // Migrations, seed data and anything else read at run time sit beside the code that reads them.
      for (const file of filesUnder('src', (p) => !p.endsWith('.ts') && !p.endsWith('.md'))) {
        const to = join(out, relative(join(ROOT, 'src'), file));
        mkdirSync(dirname(to), { recursive: true });
        cpSync(file, to);
      }
    },
  },
  web: {
    out: join(DIST, 'web'),
    inputs: () => [...filesUnder('web', (p) => !isTest(p) && !p.includes(`${join('web', 'node_modules')}`)), join(ROOT, 'package-lock.json')],
    async build(out) {
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
    },
  },
};

const stampOf = (out) => join(out, '.inputs-sha256');

/** Builds each target whose inputs changed since its last build; returns the names built. */
export async function ensureBuilt({ force = false, only, log = (m) => console.log(m) } = {}) {
  const built = [];
  for (const [name, target] of Object.entries(TARGETS)) {
    if (only && !only.includes(name)) continue;
    const hash = hashOf(target.inputs());
    const stamp = stampOf(target.out);
    if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) continue;
    const started = Date.now();
    log(`Building ${name} (${relative(ROOT, target.out)}) …`);
    // Built beside the output and swapped in at the end, so a server or a test run reading the
    // previous build, or a second build running at the same time, never sees a half-written one.
    const staging = `${target.out}.building-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    try {
      await target.build(staging);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      if (err?.code === 'ERR_MODULE_NOT_FOUND') {
        throw new Error(`cannot build ${name}: ${err.message}. Run \`npm install\` (the build tools are dev dependencies).`);
      }
      throw err;
    }
    writeFileSync(stampOf(staging), hash);
    const old = `${target.out}.old-${process.pid}`;
    if (existsSync(target.out)) renameSync(target.out, old);
    renameSync(staging, target.out);
    rmSync(old, { recursive: true, force: true });
    log(`Built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    built.push(name);
  }
  return built;
}

/** Whether the last build of `name` is there (the server serves the web app only when it is). */
export function isBuilt(name) {
  return existsSync(stampOf(TARGETS[name].out)) && statSync(stampOf(TARGETS[name].out)).isFile();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const force = process.argv.includes('--force');
  await ensureBuilt({ force });
}
