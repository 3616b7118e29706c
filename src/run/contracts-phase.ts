/**
 * The contracts phase: the committed pact verified against the target. Against the embedded mock the provider
 * states are set through its admin API (all 16 interactions, the CTI faults included); against a gateway only its
 * public calls are used, on the fixtures' accounts (900-001/900-003 are then skipped with the reason).
 *
 * @example
 * ```ts
 * const phase = await contractsPhase({ target, settings, progress });
 * ```
 */
import { verifyGateway } from '../../contracts/provider/verify-live.ts';
import { verifyMockGateway } from '../../contracts/provider/verify-mock.ts';
import type { Settings } from '../config/settings.ts';
import type { Phase } from '../report/run-summary.ts';
import type { Progress } from './progress.ts';
import type { OpenTarget } from './target.ts';

export interface ContractsPhaseOptions {
  readonly target: OpenTarget;
  readonly settings: Settings;
  readonly progress: Progress;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function contractsPhase(o: ContractsPhaseOptions): Promise<Phase> {
  const started = Date.now();
  o.progress.phase('contracts', `verifying contracts/pacts/qc-console-cc-gateway.json against ${o.target.url}`);
  const verification =
    o.target.kind === 'mock'
      ? await verifyMockGateway({ gatewayUrl: o.target.url, fixtures: o.target.fixtures, profile: o.settings.profile.name, auth: o.target.auth })
      : await verifyGateway({
          gatewayUrl: o.target.url,
          fixtures: o.target.fixtures,
          profile: o.settings.profile,
          ...(o.target.tls ? { tls: o.target.tls } : {}),
          env: o.env,
        });
  for (const c of verification.cases) {
    if (c.outcome === 'failed') o.progress.failure(`${c.id}: ${c.failure?.message.split('\n')[0] ?? 'failed'}`);
    else o.progress.step(`${c.outcome === 'passed' ? '✓' : '–'} ${c.id}${c.outcome === 'skipped' ? ` (skipped: ${c.skipReason})` : ''}`);
  }
  return { name: 'contracts', outcome: verification.outcome, durationMs: Date.now() - started, cases: verification.cases };
}
