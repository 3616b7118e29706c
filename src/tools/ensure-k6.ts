/**
 * Finds a usable k6 binary, building the pinned version from source once when none is installed.
 *
 * Order: `k6` on PATH when `k6 version` reports v1.0.0 or later (k6 1.x runs TypeScript natively); otherwise
 * `tools/k6/bin/k6` (git-ignored) when it reports the pinned {@link K6_VERSION}; otherwise it is built with
 * `go install go.k6.io/k6@v1.8.1` into a scratch GOBIN and moved into place, under a lock so that parallel callers
 * (vitest workers, CI steps) build it once.
 *
 * Run as a script it prints the path: `tsx src/tools/ensure-k6.ts` (`npm run k6`).
 */
import { constants } from 'node:fs';
import { access, rename, rm, stat } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../paths.ts';
import { runTool, withDirLock } from './tool-process.ts';
import { makeDirectory } from '../io/make-directory.ts';

/** The k6 release the harness pins when it builds k6 itself. */
export const K6_VERSION = 'v1.8.1';

/** The oldest k6 on PATH the harness accepts: 1.x strips TypeScript types natively, without flags. */
export const MIN_PATH_K6_VERSION = 'v1.0.0';

/** The Go version k6 v1.8.1's go.mod asks for (`go 1.25.0`). */
const MIN_GO = [1, 25] as const;

/** Longest a build may take before it is killed; the usual build takes 1–3 minutes. */
const BUILD_TIMEOUT_MS = 15 * 60_000;
/** Longest a caller waits for another process's build. */
const LOCK_WAIT_MS = BUILD_TIMEOUT_MS + 60_000;
/** A lock older than this belongs to a build that died. */
const STALE_LOCK_MS = BUILD_TIMEOUT_MS + 2 * 60_000;

/** Options of {@link ensureK6}; every field has a default suitable for the repository. */
export interface EnsureK6Options {
  /** Repository root; `tools/k6/bin/k6` lives under it. Default: the parent of `scripts/`. */
  readonly root?: string;
  /** Environment for PATH lookups and the build. Default: `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Receives the progress lines (default: stderr). */
  readonly log?: (line: string) => void;
}

/** A k6 could not be found or built; the message names the cause and the fix. */
export class K6ToolError extends Error {
  override readonly name = 'K6ToolError';
}

/** Parses the version out of `k6 version` output (`k6 v1.8.1 (go1.26.8, linux/amd64)`). */
export function parseK6Version(output: string): string | undefined {
  return /\bk6 (v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(output)?.[1];
}

/** True when a k6 found on PATH is recent enough for the harness's TypeScript scripts (v1.0.0 or later). */
export function isAcceptedPathVersion(version: string): boolean {
  const m = /^v(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  return Number(m[1]) >= 1;
}

/** Parses `go version` output into [major, minor], or undefined. */
export function parseGoVersion(output: string): [number, number] | undefined {
  const m = /\bgo(\d+)\.(\d+)/.exec(output.replace(/^go version /, ''));
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const EXE = process.platform === 'win32' ? '.exe' : '';
const DEFAULT_ROOT = REPO_ROOT;

/**
 * Returns the path of a usable k6, building the pinned version once when needed.
 *
 * @throws K6ToolError when no k6 is installed and Go is missing or too old, or when the build fails.
 */
export async function ensureK6(options: EnsureK6Options = {}): Promise<string> {
  const root = options.root ?? DEFAULT_ROOT;
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const onPath = await which('k6', env);
  if (onPath) {
    const version = await versionOf(onPath, env);
    if (version && isAcceptedPathVersion(version)) return onPath;
    log(`ignoring ${onPath} (${version ?? 'no version'}): the load scripts need k6 ${MIN_PATH_K6_VERSION} or later; using the pinned ${K6_VERSION} instead`);
  }

  const local = localK6Path(root);
  if ((await versionOf(local, env)) === K6_VERSION) return local;

  const go = await requireGo(env);
  await withBuildLock(root, async () => {
    if ((await versionOf(local, env)) === K6_VERSION) return; // another process built it while we waited
    await build(go, root, env, log);
  });
  const built = await versionOf(local, env);
  if (built !== K6_VERSION) {
    throw new K6ToolError(`built ${local} but \`k6 version\` reports ${built ?? 'nothing'}, not ${K6_VERSION}; delete ${join(root, 'tools', 'k6')} and run \`tsx scripts/ensure-k6.ts\` again`);
  }
  return local;
}

/** Where the harness keeps its own k6 build. */
export function localK6Path(root: string): string {
  return join(root, 'tools', 'k6', 'bin', `k6${EXE}`);
}

async function which(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, `${name}${EXE}`);
    try {
      await access(candidate, constants.X_OK);
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

async function versionOf(binary: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    const { stdout } = await runTool(binary, ['version'], env, 30_000);
    return parseK6Version(stdout);
  } catch {
    return undefined;
  }
}

async function requireGo(env: NodeJS.ProcessEnv): Promise<string> {
  const go = await which('go', env);
  const install = `install k6 ${K6_VERSION} (https://grafana.com/docs/k6/latest/set-up/install-k6/) and put it on PATH, or install Go ${MIN_GO.join('.')} or later (https://go.dev/dl/) so the harness can build it`;
  if (!go) throw new K6ToolError(`k6 is not installed (no \`k6\` on PATH, no ${K6_VERSION} in tools/k6/bin) and Go is missing (no \`go\` on PATH) to build it: ${install}`);
  let output = '';
  try {
    output = (await runTool(go, ['version'], env, 30_000)).stdout;
  } catch (e) {
    throw new K6ToolError(`\`${go} version\` failed (${(e as Error).message.trim()}); ${install}`);
  }
  const v = parseGoVersion(output);
  if (!v || v[0] < MIN_GO[0] || (v[0] === MIN_GO[0] && v[1] < MIN_GO[1])) {
    throw new K6ToolError(`${go} reports ${JSON.stringify(output.trim())}, but k6 ${K6_VERSION} needs Go ${MIN_GO.join('.')} or later; ${install}`);
  }
  return go;
}

function withBuildLock(root: string, body: () => Promise<void>): Promise<void> {
  const lock = join(root, 'tools', 'k6', '.build-lock');
  const timedOut = () => new K6ToolError(`waited ${LOCK_WAIT_MS / 60_000} min for another k6 build (lock ${lock}); if no build is running, delete the lock and retry`);
  return withDirLock(lock, { waitMs: LOCK_WAIT_MS, staleMs: STALE_LOCK_MS, timedOut }, body);
}

async function build(go: string, root: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const scratch = join(root, 'tools', 'k6', `.gobin-${process.pid}`);
  const target = localK6Path(root);
  log(`building k6 ${K6_VERSION} from source with go install (once, ~1–3 min)…`);
  await rm(scratch, { recursive: true, force: true });
  await makeDirectory(scratch);
  try {
    try {
      await runTool(go, ['install', `go.k6.io/k6@${K6_VERSION}`], { ...env, GOBIN: scratch }, BUILD_TIMEOUT_MS);
    } catch (e) {
      const err = e as Error & { stderr?: string; killed?: boolean };
      const tail = (err.stderr ?? '').trim().split('\n').slice(-15).join('\n');
      const why = err.killed ? `did not finish within ${BUILD_TIMEOUT_MS / 60_000} min` : 'failed';
      throw new K6ToolError(`\`GOBIN=${scratch} go install go.k6.io/k6@${K6_VERSION}\` ${why}; check network access to the Go module proxy (GOPROXY) or install k6 ${K6_VERSION} on PATH.\n${tail}`);
    }
    await makeDirectory(dirname(target));
    await rename(join(scratch, `k6${EXE}`), target);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    process.stdout.write(`${await ensureK6()}\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof K6ToolError ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
