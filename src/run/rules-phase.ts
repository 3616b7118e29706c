/**
 * The rules phase: the rule suite (contracts/rules/) against the target — a fixed case for every witness of every
 * rule row of `src/domain`, the verdict on the documented rules — and its coverage matrix. Against the embedded mock
 * the suite may also inject CTI faults and move the mock's clock; against any other gateway it uses its public calls
 * only, on the fixtures' accounts, under the rate cap, and reports what it cannot check as skipped with the reason.
 */
import { runRuleSuite, type RuleSuiteResult } from '../../contracts/rules/run-suite.ts';
import type { Settings } from '../config/settings.ts';
import type { Case, Phase } from '../report/run-summary.ts';
import { redactText } from '../report/redact.ts';
import type { Progress } from './progress.ts';
import { fixtureSecrets } from './run-summary.ts';
import type { OpenTarget } from './target.ts';

export interface RulesPhaseOptions {
  readonly target: OpenTarget;
  readonly settings: Settings;
  readonly progress: Progress;
  readonly signal: AbortSignal;
  /** On a gateway whose clock the suite cannot move, wait the Guid timeout in real time (about two minutes). */
  readonly waitForTimeouts: boolean;
  /** Calibration: record the answers of profile settings instead of failing on another candidate. */
  readonly learn?: boolean;
}

/** Prints a line per operation as its cases finish, and every failure in full as it happens. */
function reporter(progress: Progress, secrets: readonly string[]): (c: Case) => void {
  let operation: string | undefined;
  let tally = { passed: 0, failed: 0, skipped: 0 };
  const flush = () => {
    if (operation) progress.step(`${operation}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  };
  return (c) => {
    if (c.rule === undefined) {
      // A check of the suite itself (the clean-up), after the last rule.
      flush();
      operation = undefined;
      if (c.outcome === 'failed') progress.failure(redactText(`${c.id}\n${c.failure?.message ?? ''}`, { secrets }));
      else progress.step(`${c.outcome === 'passed' ? '✓' : '–'} ${c.title}${c.skipReason ? ` (skipped: ${c.skipReason})` : ''}`);
      return;
    }
    const op = c.rule.split('.')[0]!;
    if (op !== operation) {
      flush();
      operation = op;
      tally = { passed: 0, failed: 0, skipped: 0 };
    }
    tally[c.outcome]++;
    if (c.outcome === 'failed') progress.failure(redactText(`${c.id}\n${c.failure?.message ?? ''}`, { secrets }));
  };
}

export async function rulesPhase(o: RulesPhaseOptions): Promise<{ phase: Phase; result: RuleSuiteResult }> {
  const started = Date.now();
  const { target, settings } = o;
  const cap = settings.maxRequestsPerSecond;
  o.progress.phase(
    'rules',
    `a fixed case for every rule of ${settings.profile.name} against ${target.url}${target.mock ? ' (the embedded mock; CTI faults through its admin API, Guid expiry on its clock)' : ', through its public calls'}${cap ? `, at most ${cap} requests/s` : ''}`,
  );
  const result = await runRuleSuite({
    gatewayUrl: target.url,
    ...(target.tls ? { tls: target.tls } : {}),
    fixtures: target.fixtures,
    profile: settings.profile,
    auth: target.auth,
    knowsEveryAccount: target.kind === 'mock',
    ...(target.mock && target.clock ? { mock: { adminUrl: target.mock.url, advanceClock: (ms: number) => target.clock!.advance(ms) } } : {}),
    maxRequestsPerSecond: cap,
    waitForTimeouts: o.waitForTimeouts,
    learn: o.learn ?? false,
    signal: o.signal,
    onCase: reporter(o.progress, fixtureSecrets(target)),
  });
  const rows = result.coverage;
  const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
  o.progress.step(`${rows.length} rules: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped; ${result.cases.length} cases, ${result.requests} requests`);
  const phase: Phase = {
    name: 'rules',
    outcome: result.outcome,
    durationMs: Date.now() - started,
    ...(result.stoppedBy ? { reason: result.stoppedBy } : {}),
    cases: result.cases,
    coverage: result.coverage,
  };
  return { phase, result };
}
