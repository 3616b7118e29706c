/**
 * Makes sure a Chromium is there for the reports' browser check (the HTML report is rendered in real headless
 * Chromium in `npm test`). Uses `$CCGW_CHROMIUM` or Debian's `/usr/bin/chromium`; when neither exists and this
 * process runs as root on a Debian-like system, installs the `chromium` package with apt-get once (printing one
 * progress line); otherwise fails with the command to run.
 *
 * Run as a script it prints the path: `tsx src/tools/ensure-chromium.ts`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_CHROMIUM } from '../report/browser-check.ts';

const run = promisify(execFile);

/** What ensureChromium needs from its surroundings; tests replace them. */
export interface EnsureChromiumOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly log?: (line: string) => void;
  readonly isRoot?: boolean;
  readonly exists?: (path: string) => boolean;
  readonly install?: () => Promise<void>;
}

/** Chromium is missing and cannot be installed from here; the message says how to install it. */
export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
}

async function aptInstallChromium(): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env, timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 });
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env, timeout: 20 * 60_000, maxBuffer: 64 * 1024 * 1024 });
}

/** Returns the Chromium binary, installing Debian's package when missing and allowed. */
export async function ensureChromium(options: EnsureChromiumOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const explicit = env['CCGW_CHROMIUM'];
  if (explicit !== undefined) {
    if (!exists(explicit)) throw new ChromiumMissingError(`CCGW_CHROMIUM=${explicit} does not exist; point it to a Chromium or Chrome binary, or unset it to use ${DEFAULT_CHROMIUM}`);
    return explicit;
  }
  if (exists(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const hasApt = exists('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    throw new ChromiumMissingError(
      `Chromium is not installed (${DEFAULT_CHROMIUM} is missing) and ${isRoot ? 'apt-get is not available' : 'this process is not root'}; ` +
        'install it with `sudo apt-get install -y chromium`, or set CCGW_CHROMIUM to a Chromium or Chrome binary',
    );
  }
  (options.log ?? ((line: string) => process.stderr.write(`${line}\n`)))('installing Chromium from Debian (apt-get install chromium), once, for the report browser check…');
  try {
    await (options.install ?? aptInstallChromium)();
  } catch (e) {
    throw new ChromiumMissingError(`installing Chromium with apt-get failed: ${((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n').slice(-3).join(' ')}`);
  }
  if (!exists(DEFAULT_CHROMIUM)) throw new ChromiumMissingError(`apt-get installed chromium but ${DEFAULT_CHROMIUM} is still missing; set CCGW_CHROMIUM`);
  return DEFAULT_CHROMIUM;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureChromium().then(
    (path) => console.log(path),
    (e: Error) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
}
