/**
 * The contracts phase: the committed pact verified against the target. Against the embedded mock the provider
 * states are set through its admin API (all 16 interactions, the CTI faults included); against a gateway only its
 * public calls are used, on the fixtures' accounts (900-001/900-003 are then skipped with the reason).
 *
 * The verification runs in a child process (contracts/provider/verify-in-child.ts), because Pact's core prints its
 * transcript to standard output; the transcript is kept and shown only when an interaction failed. A line is
 * printed as each interaction finishes (its verdict comes when the verifier ends), then every failed or skipped case
 * and the tally.
 */
import { plainTranscript, verifyInChildProcess } from '../../contracts/provider/verify-in-child.ts';
import type { Settings } from '../config/settings.ts';
import { overridesOf } from '../domain/profiles.ts';
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

export async function contractsPhase(o: ContractsPhaseOptions): Promise<Phase> {
  const started = Date.now();
  o.progress.phase('contracts', `verifying contracts/pacts/qc-console-cc-gateway.json against ${o.target.url}`);
  // What is printed passes the same redaction as the report: a provider state injects the accounts' real passwords.
  const secrets = fixtureSecrets(o.target);
  const { verification, transcript } = await verifyInChildProcess(
    {
      kind: o.target.kind,
      gatewayUrl: o.target.url,
      fixtures: o.target.fixtures,
      profile: { name: o.settings.profile.name, overrides: overridesOf(o.settings.profile) },
      auth: o.target.auth,
      ...(o.target.tls ? { tls: o.target.tls } : {}),
    },
    { onInteraction: (d) => o.progress.step(redactText(`${d.index}/${d.total} given ${d.state}: ${d.answered}`, { secrets })) },
  );
  for (const c of verification.cases) {
    if (c.outcome === 'failed') o.progress.failure(redactText(`${c.id}: ${c.failure?.message.split('\n').slice(0, 3).join(' / ') ?? 'failed'}`, { secrets }));
    else if (c.outcome === 'skipped') o.progress.step(`– ${c.id} (skipped: ${c.skipReason})`);
  }
  const count = (outcome: string) => verification.cases.filter((c) => c.outcome === outcome).length;
  o.progress.step(`${verification.cases.length} cases: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  if (verification.outcome === 'failed') {
    const failures = transcript.slice(Math.max(0, transcript.indexOf('Failures:')));
    if (failures) o.progress.step(redactText(`Pact's report:\n${plainTranscript(failures).trim()}`, { secrets }));
  }
  return { name: 'contracts', outcome: verification.outcome, durationMs: Date.now() - started, cases: verification.cases };
}
