/**
 * The HTML rendering of the OpenAPI document, by Redocly CLI's `build-docs`, made to open offline and to be
 * byte-identical from run to run:
 *
 * - `--inlineBundle` embeds the Redoc script; without it the page loads `redoc.standalone.js` from
 *   cdn.redocly.com, so the vendor would need the internet (and a CDN that still serves that version) to read it.
 * - The page embeds `"disableTelemetry"` taken from the environment of the run (`REDOCLY_TELEMETRY=off` gives
 *   `true`), so the same commit rendered by two people would differ. The run pins `REDOCLY_TELEMETRY=off`: the
 *   output no longer depends on the caller's environment, the CLI sends no usage data, and the page does not
 *   report to Redocly from the vendor's browser. `REDOCLY_SUPPRESS_UPDATE_NOTICE=true` stops the CLI asking the
 *   npm registry for a newer version. With both, build-docs makes no network call.
 * - Redocly CLI 2.77 writes no timestamp and no random id into the page (two renderings compare equal; the
 *   bundle tests check it). Its timing measurements stay in memory.
 * - It runs in a fresh temporary directory with a minimal environment and, when the repository has one, its
 *   `redocly.yaml` passed by `--config`, so neither the caller's directory nor stray variables change the page.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BundleError } from './errors.ts';

const run = promisify(execFile);

/** Inputs of `renderOpenApiHtml`. */
export interface OpenApiHtmlOptions {
  /** Absolute path of the OpenAPI document. */
  readonly specPath: string;
  /** The directory whose `node_modules` holds `@redocly/cli`. */
  readonly toolsRoot: string;
  /** Absolute path of a `redocly.yaml` to use, if any. */
  readonly configPath?: string | undefined;
}

/**
 * The environment Redocly CLI runs with: PATH and HOME (and the Windows basics) of this process, plus the two
 * switches that make it offline and its output independent of the caller.
 */
export function redoclyEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'SYSTEMROOT', 'TEMP', 'TMP', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
}

/**
 * Renders the OpenAPI document to one self-contained HTML page.
 *
 * @throws BundleError when Redocly CLI is not installed, fails, or writes a page that loads a remote script.
 */
export async function renderOpenApiHtml({ specPath, toolsRoot, configPath }: OpenApiHtmlOptions): Promise<Buffer> {
  const cli = join(toolsRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  if (!existsSync(cli)) throw new BundleError(`Redocly CLI is not installed (${cli} is missing); run npm ci`);
  const dir = await mkdtemp(join(tmpdir(), 'ccgw-redoc-'));
  try {
    const out = join(dir, 'index.html');
    const args = [cli, 'build-docs', specPath, '--output', out, '--inlineBundle', ...(configPath ? ['--config', configPath] : [])];
    try {
      await run(process.execPath, args, { cwd: dir, env: redoclyEnv(), encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      const detail = (err.stderr ?? '').split('\n').filter((l) => l.trim() !== '' && !/[║╔╚]/.test(l)).slice(-8).join(' | ');
      throw new BundleError(
        `Redocly CLI could not render ${specPath}: ${detail || err.message}. ` +
          `Run it by hand to see why: REDOCLY_TELEMETRY=off node_modules/.bin/redocly build-docs ${specPath} --inlineBundle`,
      );
    }
    const html = await readFile(out);
    const remote = /<script\b[^>]*\bsrc\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/i.exec(html.toString('utf8'));
    if (remote) {
      throw new BundleError(`Redocly CLI wrote a page that loads a remote script (${remote[0]}); the bundle must open offline: check that build-docs still honours --inlineBundle`);
    }
    return html;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
