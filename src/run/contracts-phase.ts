/**
 * The contracts phase: the committed pact verified against the target. Against the embedded mock the provider
 * states are set through its admin API (all 16 interactions, the CTI faults included); against a gateway only its
 * public calls are used, on the fixtures' accounts (900-001/900-003 are then skipped with the reason).
 *
 * The verification runs in a child process (contracts/provider/verify-child.ts), because Pact's core prints its
 * transcript to standard output; the transcript is kept and shown only when an interaction failed.
 *
 * @example
 * ```ts
 * const phase = await contractsPhase({ target, settings, progress });
 * ```
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { GatewayVerification } from '../../contracts/provider/contract-report.ts';
import type { VerificationRequest } from '../../contracts/provider/verify-child.ts';
import type { Settings } from '../config/settings.ts';
import { overridesOf } from '../domain/profiles.ts';
import { REPO_ROOT } from '../paths.ts';
import { redactText } from '../report/redact.ts';
import type { Phase } from '../report/run-summary.ts';
import type { Progress } from './progress.ts';
import { fixtureSecrets } from './run-summary.ts';
import type { OpenTarget } from './target.ts';

export interface ContractsPhaseOptions {
  readonly target: OpenTarget;
  readonly settings: Settings;
  readonly progress: Progress;
}

/**
 * Runs the verification in a child process; resolves with its result and Pact's transcript (what Pact printed).
 *
 * @example
 * ```ts
 * const { verification } = await verifyInChildProcess({ kind: 'mock', gatewayUrl, fixtures, profile: { name: 'ccgw-2024', overrides: {} }, auth: 'dynamic' });
 * verification.outcome; // 'passed'
 * ```
 */
export function verifyInChildProcess(request: VerificationRequest): Promise<{ verification: GatewayVerification; transcript: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'contracts', 'provider', 'verify-child.ts')], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    let transcript = '';
    let errors = '';
    let result = '';
    child.stdout!.on('data', (c: Buffer) => (transcript += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (errors += c.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => (result += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 && result) resolve({ verification: JSON.parse(result) as GatewayVerification, transcript });
      else {
        const secrets = [...new Set(request.fixtures.accounts.map((a) => a.password))];
        const reason = errors.trim() || transcript.trim().split('\n').slice(-5).join('\n');
        reject(new Error(`the pact verification process failed (exit ${code}): ${redactText(reason, { secrets })}`));
      }
    });
    child.stdin!.end(JSON.stringify(request));
  });
}

export async function contractsPhase(o: ContractsPhaseOptions): Promise<Phase> {
  const started = Date.now();
  o.progress.phase('contracts', `verifying contracts/pacts/qc-console-cc-gateway.json against ${o.target.url}`);
  const { verification, transcript } = await verifyInChildProcess({
    kind: o.target.kind,
    gatewayUrl: o.target.url,
    fixtures: o.target.fixtures,
    profile: { name: o.settings.profile.name, overrides: overridesOf(o.settings.profile) },
    auth: o.target.auth,
    ...(o.target.tls ? { tls: o.target.tls } : {}),
  });
  // What is printed passes the same redaction as the report: a provider state injects the accounts' real passwords.
  const secrets = fixtureSecrets(o.target);
  for (const c of verification.cases) {
    if (c.outcome === 'failed') o.progress.failure(redactText(`${c.id}: ${c.failure?.message.split('\n').slice(0, 3).join(' / ') ?? 'failed'}`, { secrets }));
    else o.progress.step(`${c.outcome === 'passed' ? '✓' : '–'} ${c.id}${c.outcome === 'skipped' ? ` (skipped: ${c.skipReason})` : ''}`);
  }
  if (verification.outcome === 'failed') {
    const failures = transcript.slice(Math.max(0, transcript.indexOf('Failures:')));
    if (failures) o.progress.step(redactText(`Pact's report:\n${failures.replace(/\x1b\[[0-9;]*m/g, '').trim()}`, { secrets }));
  }
  return { name: 'contracts', outcome: verification.outcome, durationMs: Date.now() - started, cases: verification.cases };
}
