#!/usr/bin/env node
// The `ccgw` command. The harness is TypeScript; this launcher runs it from a JavaScript bundle that esbuild
// makes from src/ into node_modules/.cache/ccgw/ (plain Node then runs it: no loader thread, ~30 MB less memory
// per process, faster start). The bundle is rebuilt whenever a file under src/, contracts/, properties/ or load/, or
// package.json, changes.
// CCGW_NO_BUNDLE=1 runs the sources through tsx instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'ccgw');

/** The directories whose code the bundle holds (src/cli/main.ts imports from all four; a test keeps the list whole). */
const BUNDLED_DIRS = ['src', 'contracts', 'properties', 'load'];

/** A hash of the path, size and modification time of every file the bundle may hold, and of package.json. */
function fingerprint() {
  const hash = createHash('sha256');
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) visit(path);
      } else if (/\.(ts|js|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        const s = statSync(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of BUNDLED_DIRS) visit(join(ROOT, dir));
  hash.update(readFileSync(join(ROOT, 'package.json')));
  return hash.digest('hex');
}

/**
 * The CLI's entry in the bundle for the current sources, built when missing. The bundle is split into chunks
 * (esbuild code splitting), so a command's packages (pact-js for verify, k6 tooling for load) load only with it.
 * Each build goes to its own directory, named by the sources' fingerprint, and appears by one rename: processes
 * starting at the same time never see half a bundle.
 */
async function bundledMain() {
  const stamp = fingerprint().slice(0, 24);
  const dir = join(CACHE, stamp);
  const entry = join(dir, 'main.js');
  if (!existsSync(entry)) {
    const { build } = await import('esbuild');
    mkdirSync(CACHE, { recursive: true });
    const temp = join(CACHE, `.build-${process.pid}-${Date.now()}`);
    await build({
      entryPoints: { main: join(ROOT, 'src', 'cli', 'main.ts') },
      outdir: temp,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'error',
    });
    try {
      renameSync(temp, dir);
    } catch {
      rmSync(temp, { recursive: true, force: true }); // another process put the same build in place first
    }
    for (const old of readdirSync(CACHE)) {
      if (old !== stamp && !old.startsWith('.build-')) rmSync(join(CACHE, old), { recursive: true, force: true });
    }
  }
  process.setSourceMapsEnabled(true);
  return import(pathToFileURL(entry).href);
}

async function sourceMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

// Commands that keep a gateway in memory run with a bounded young generation. V8's default lets it grow to
// 3 × 16 MB during a burst (e.g. 60,000 sign-ins) and keeps it; smaller semi-spaces mean more scavenges under load.
// Measured on a 2-core VM (barge/cancel cycle at 32 connections; RSS with all 59,899 IDs signed in): 4 MB gave
// 0.73 µs of GC pauses per call and 126 MB, 8 MB 0.45 µs and 135 MB, 16 MB 0.35 µs and 148 MB (the goal is
// 150 MB). The flag only works at start-up, so these commands re-run Node once with it, passing signals and the
// exit code through.
const SERVER_COMMANDS = new Set(['mock', 'run', 'load']);
const YOUNG_GENERATION_FLAG = '--max-semi-space-size=8';

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
