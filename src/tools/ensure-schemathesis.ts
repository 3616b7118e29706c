/**
 * Finds the pinned Schemathesis (PyPI), installing it once into a Python virtual environment under the git-ignored
 * `node_modules/.cache/schemathesis/` (so `npm ci` starts it afresh) when it is not there yet.
 *
 * Needs Python {@link MIN_PYTHON} or later (`CCGW_PYTHON`, else `python3` on PATH) with its `venv` module, and access
 * to PyPI for the first install. Parallel callers install it once (a lock directory).
 *
 * Run as a script it prints the path: `tsx src/tools/ensure-schemathesis.ts`.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../paths.ts';
import { runTool, withDirLock } from './tool-process.ts';

/** The Schemathesis release the harness pins. */
export const SCHEMATHESIS_VERSION = '4.32.5';

/** The oldest Python that Schemathesis {@link SCHEMATHESIS_VERSION} runs on (its Requires-Python). */
export const MIN_PYTHON = [3, 11] as const;

const INSTALL_TIMEOUT_MS = 10 * 60_000;
const STALE_LOCK_MS = INSTALL_TIMEOUT_MS + 60_000;

/** Schemathesis could not be found or installed; `reason` tells a missing Python (a test may skip) from a failure. */
export class SchemathesisToolError extends Error {
  override readonly name = 'SchemathesisToolError';
  constructor(
    message: string,
    readonly reason: 'no-python' | 'install-failed',
  ) {
    super(message);
  }
}

/** Options of {@link ensureSchemathesis}. */
export interface EnsureSchemathesisOptions {
  /** Repository root. Default: the harness's. */
  readonly root?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Receives progress lines (default: stderr). */
  readonly log?: (line: string) => void;
}

/** Where the harness keeps its Schemathesis. */
export function schemathesisBinary(root: string): string {
  return join(root, 'node_modules', '.cache', 'schemathesis', 'venv', 'bin', 'schemathesis');
}

/**
 * Returns the path of the pinned Schemathesis, installing it once when needed.
 *
 * @throws SchemathesisToolError `no-python` when no Python {@link MIN_PYTHON}+ is found; `install-failed` otherwise.
 */
export async function ensureSchemathesis(options: EnsureSchemathesisOptions = {}): Promise<string> {
  const root = options.root ?? REPO_ROOT;
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const binary = schemathesisBinary(root);
  if ((await versionOf(binary, env)) === SCHEMATHESIS_VERSION) return binary;
  const python = await requirePython(env);
  const dir = join(root, 'node_modules', '.cache', 'schemathesis');
  await withLock(join(dir, '.install-lock'), async () => {
    if ((await versionOf(binary, env)) === SCHEMATHESIS_VERSION) return;
    log(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${join(dir, 'venv')} (once, ~30 s)…`);
    await rm(join(dir, 'venv'), { recursive: true, force: true });
    try {
      await runTool(python, ['-m', 'venv', join(dir, 'venv')], env, INSTALL_TIMEOUT_MS);
      await runTool(join(dir, 'venv', 'bin', 'python'), ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], env, INSTALL_TIMEOUT_MS);
    } catch (e) {
      const err = e as Error & { stderr?: string };
      const tail = (err.stderr ?? '').trim().split('\n').slice(-10).join('\n');
      throw new SchemathesisToolError(`installing schemathesis ${SCHEMATHESIS_VERSION} with ${python} failed (${err.message.split('\n')[0]}); check access to PyPI and that Python's venv module is installed.\n${tail}`, 'install-failed');
    }
  });
  const installed = await versionOf(binary, env);
  if (installed !== SCHEMATHESIS_VERSION) {
    throw new SchemathesisToolError(`installed ${binary}, but it reports ${installed ?? 'no version'}, not ${SCHEMATHESIS_VERSION}; delete ${dir} and run again`, 'install-failed');
  }
  return binary;
}

/** `schemathesis, version 4.32.5` → `4.32.5`. */
export function parseSchemathesisVersion(output: string): string | undefined {
  return /\bversion (\d+\.\d+\.\d+)/.exec(output)?.[1];
}

async function versionOf(binary: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    return parseSchemathesisVersion((await runTool(binary, ['--version'], env, 60_000)).stdout);
  } catch {
    return undefined;
  }
}

async function requirePython(env: NodeJS.ProcessEnv): Promise<string> {
  const python = env['CCGW_PYTHON'] ?? 'python3';
  const wanted = `Python ${MIN_PYTHON.join('.')} or later`;
  let output: string;
  try {
    output = (await runTool(python, ['-c', 'import sys, venv; print("%d.%d" % sys.version_info[:2])'], env, 30_000)).stdout.trim();
  } catch {
    throw new SchemathesisToolError(`no usable Python: \`${python}\` did not run with its venv module; install ${wanted} (or set CCGW_PYTHON to one)`, 'no-python');
  }
  const [major = 0, minor = 0] = output.split('.').map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new SchemathesisToolError(`\`${python}\` is Python ${output}; schemathesis ${SCHEMATHESIS_VERSION} needs ${wanted} (or set CCGW_PYTHON to one)`, 'no-python');
  }
  return python;
}

function withLock(lock: string, body: () => Promise<void>): Promise<void> {
  const timedOut = () => new SchemathesisToolError(`waited for another schemathesis install (lock ${lock}); if none is running, delete the lock`, 'install-failed');
  return withDirLock(lock, { waitMs: STALE_LOCK_MS, staleMs: STALE_LOCK_MS, timedOut }, body);
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    process.stdout.write(`${await ensureSchemathesis()}\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof SchemathesisToolError ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
