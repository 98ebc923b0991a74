/**
 * One door per module: code outside `src/modules/<name>/` reaches that module only through its
 * `index.ts`; the platform reaches no module at all, and a module never reaches back up to the
 * flows or the app (the arrows run server → flows → modules → platform). This reads every import of `src/` (tests aside: they may open any file) and lists the
 * ones that go in another way.
 *
 *   npx tsx scripts/check-boundaries.ts        exits 1 and lists them, if there are any
 *
 * `npm test` runs it too (test/boundaries.test.ts), so CI fails on a new back door.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Violation = { file: string; line: number; imports: string; rule: string };

/** `import … from '…'`, `export … from '…'` and `import('…')`, relative paths only (packages are not ours). */
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Where a path under `src/` lives: a module, the platform (with the settings), or the app (flows, server, seed …). */
function placeOf(srcRoot: string, path: string): { kind: 'module'; name: string } | { kind: 'platform' | 'app' } {
  const parts = relative(srcRoot, path).split(sep);
  if (parts[0] === 'modules' && parts.length > 2) return { kind: 'module', name: parts[1]! };
  // The settings (config.ts) are the ground every layer stands on, like the platform.
  if (parts[0] === 'platform' || /^config\.[jt]s$/.test(parts[0]!)) return { kind: 'platform' };
  return { kind: 'app' };
}

export function boundaryViolations(srcRoot: string): Violation[] {
  const found: Violation[] = [];
  for (const file of sources(srcRoot)) {
    const text = readFileSync(file, 'utf8');
    const from = placeOf(srcRoot, file);
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      const target = normalize(join(dirname(file), spec));
      const to = placeOf(srcRoot, target);
      const line = text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0);
      const where = relative(srcRoot, file);
      if (from.kind === 'module' && to.kind === 'app') {
        found.push({ file: where, line, imports: spec, rule: 'a module depends on the platform and other modules only, never on the flows or the app' });
        continue;
      }
      if (to.kind !== 'module' || (from.kind === 'module' && from.name === to.name)) continue;
      if (from.kind === 'platform') {
        found.push({ file: where, line, imports: spec, rule: `the platform does not depend on modules (${to.name})` });
      } else if (!/^index(\.[jt]sx?)?$/.test(relative(join(srcRoot, 'modules', to.name), target))) {
        found.push({ file: where, line, imports: spec, rule: `reach the ${to.name} module through its index.ts` });
      }
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const srcRoot = fileURLToPath(new URL('../src/', import.meta.url));
  const found = boundaryViolations(srcRoot);
  for (const v of found) console.log(`src/${v.file}:${v.line}: imports ${v.imports}: ${v.rule}`);
  console.log(found.length ? `${found.length} import(s) cross a module boundary` : 'every module is reached through its door');
  process.exit(found.length ? 1 : 0);
}
