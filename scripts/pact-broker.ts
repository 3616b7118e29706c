/**
 * `npm run pact:publish` and `npm run pact:can-i-deploy`: the committed pact and the Pact Broker, through the Pact
 * Broker CLI of @pact-foundation/pact-cli. Without `PACT_BROKER_BASE_URL` there is no broker: the script says so and
 * exits 0. A broker error exits non-zero with the CLI's message.
 *
 * Environment:
 * - `PACT_BROKER_BASE_URL` (required to do anything), and `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` /
 *   `PACT_BROKER_PASSWORD` (read by the CLI itself, never printed);
 * - `PACT_CONSUMER_VERSION` (default: the git commit, which must then be clean), `PACT_CONSUMER_BRANCH` (default: the
 *   git branch);
 * - `PACT_ENVIRONMENT` for can-i-deploy (default `production`).
 */
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { COMMITTED_PACT, CONSUMER, REPO_ROOT } from '../contracts/pact-names.ts';

type Action = 'publish' | 'can-i-deploy';

function git(args: string[]): string | undefined {
  const run = spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function complain(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs one broker action and returns the exit code. */
export function brokerAction(action: Action, env: Readonly<Record<string, string | undefined>>): number {
  const name = `pact:${action}`;
  const broker = env['PACT_BROKER_BASE_URL']?.trim();
  if (!broker) {
    say(`${name}: PACT_BROKER_BASE_URL is not set, so there is no Pact Broker to ${action === 'publish' ? 'publish to' : 'ask'}; nothing done.`);
    say(`${name}: set PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD) to use one.`);
    return 0;
  }
  let version = env['PACT_CONSUMER_VERSION']?.trim();
  if (!version) {
    version = git(['rev-parse', 'HEAD']);
    if (version === undefined) {
      complain(`${name}: no PACT_CONSUMER_VERSION and no git commit to take it from; set PACT_CONSUMER_VERSION=<version of ${CONSUMER}>`);
      return 2;
    }
    if (git(['status', '--porcelain']) !== '') {
      complain(`${name}: the working tree has uncommitted changes, so commit ${version.slice(0, 12)} does not describe it; commit first, or set PACT_CONSUMER_VERSION`);
      return 2;
    }
  }
  const branch = env['PACT_CONSUMER_BRANCH']?.trim() || git(['rev-parse', '--abbrev-ref', 'HEAD']);
  const args =
    action === 'publish'
      ? ['publish', relative(REPO_ROOT, COMMITTED_PACT), '--consumer-app-version', version, ...(branch && branch !== 'HEAD' ? ['--branch', branch] : [])]
      : ['can-i-deploy', '--pacticipant', CONSUMER, '--version', version, '--to-environment', env['PACT_ENVIRONMENT']?.trim() || 'production'];
  const cli = join(REPO_ROOT, 'node_modules', '@pact-foundation', 'pact-cli', 'bin', 'pact-broker.js');
  say(`${name}: ${action === 'publish' ? `publishing ${relative(REPO_ROOT, COMMITTED_PACT)} as ${CONSUMER} ${version}` : `asking whether ${CONSUMER} ${version} can be deployed`} (broker ${broker})`);
  const run = spawnSync(process.execPath, [cli, ...args, '--broker-base-url', broker], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...env } });
  if (run.error) {
    complain(`${name}: cannot run the Pact Broker CLI (${run.error.message}); run npm ci`);
    return 1;
  }
  if (run.status !== 0) complain(`${name}: the Pact Broker CLI failed (exit ${run.status ?? run.signal}); see its message above`);
  return run.status ?? 1;
}

const action = process.argv[2];
if (action !== 'publish' && action !== 'can-i-deploy') {
  complain(`usage: tsx scripts/pact-broker.ts publish|can-i-deploy (got ${JSON.stringify(action ?? '')})`);
  process.exitCode = 2;
} else {
  process.exitCode = brokerAction(action, process.env);
}
