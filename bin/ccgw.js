#!/usr/bin/env node
// The `ccgw` command. The harness is TypeScript; this launcher runs it from one JavaScript bundle that esbuild
// makes from src/ into node_modules/.cache/ccgw/ (plain Node then runs it: no loader thread, ~30 MB less memory
// per process, faster start). The bundle is rebuilt whenever a file under src/ or package.json changes.
// CCGW_NO_BUNDLE=1 runs the sources through tsx instead.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'ccgw');
const BUNDLE = join(CACHE, 'ccgw.mjs');
const STAMP = join(CACHE, 'fingerprint');

/** A hash of every source file's path, size and modification time, and of package.json. */
function fingerprint() {
  const hash = createHash('sha256');
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (!entry.name.endsWith('.test.ts')) {
        const s = statSync(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  visit(join(ROOT, 'src'));
  hash.update(readFileSync(join(ROOT, 'package.json')));
  return hash.digest('hex');
}

async function bundledMain() {
  const stamp = fingerprint();
  let current;
  try {
    current = readFileSync(STAMP, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== stamp) {
    const { build } = await import('esbuild');
    mkdirSync(CACHE, { recursive: true });
    const temp = join(CACHE, `ccgw.${process.pid}.mjs`);
    await build({
      entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
      outfile: temp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'error',
    });
    renameSync(temp, BUNDLE);
    writeFileSync(STAMP, stamp);
  }
  process.setSourceMapsEnabled(true);
  return import(pathToFileURL(BUNDLE).href);
}

async function sourceMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

// Commands that keep a gateway in memory run with a small young generation: without it V8 grows the young
// generation to 3 × 16 MB during a burst (e.g. 60,000 sign-ins) and keeps it, about 25 MB of resident memory for
// nothing; measured with `npm run bench`, it costs no throughput. The flag only works at start-up, so these
// commands re-run Node once with it, passing signals and the exit code through.
const SERVER_COMMANDS = new Set(['mock', 'run', 'load']);
const YOUNG_GENERATION_FLAG = '--max-semi-space-size=4';

async function rerunWithHeapFlag() {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
}

if (SERVER_COMMANDS.has(process.argv[2] ?? '') && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  await rerunWithHeapFlag();
} else {
  const { main } = process.env.CCGW_NO_BUNDLE === '1' ? await sourceMain() : await bundledMain();
  process.exitCode = await main(process.argv.slice(2));
}
