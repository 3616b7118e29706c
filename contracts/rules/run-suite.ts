/**
 * The rule suite against one gateway: every case of the plan (a fixed case per witness of every rule row of
 * `src/domain`), in order, one at a time, under the rate cap, and the coverage matrix of what it found. Its cases
 * decide the verdict on the documented rules: the same gateway gets the same verdict in every run.
 *
 * - Any gateway: situations are built with its public calls on the fixtures' accounts (forced sign-in with a status,
 *   addinsert for barges); only the events each step should produce are read, so no poll waits for nothing.
 * - The embedded mock also offers its admin API (CTI faults) and its clock (a Guid that expires after a rotation, an
 *   agent signed out after two minutes without a poll); elsewhere those cases are skipped with the reason, or the
 *   timeouts run in real time when asked (`waitForTimeouts`).
 * - Every account is signed out before the first case and after each; a gateway that stops answering ends the suite
 *   with the reason instead of failing every remaining case.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AdminClient, GatewayClient, GatewayTimeoutError, GatewayTransportError, RateLimiter, type TlsOptions } from '../../src/client/index.ts';
import type { AgentAccount } from '../../src/domain/agent.ts';
import { GATEWAY_TIMING } from '../../src/domain/timing.ts';
import type { Profile } from '../../src/domain/profiles.ts';
import type { OperationId, Retcode } from '../../src/domain/retcodes.ts';
import type { LoadedFixtures } from '../../src/fixtures/index.ts';
import type { Case, RuleCoverage } from '../../src/report/run-summary.ts';
import type { Observation } from './answers.ts';
import { ruleCoverage } from './coverage.ts';
import { suiteParties } from './parties.ts';
import { runCase } from './run-case.ts';
import { SuiteGateway, type FaultControl, type SuiteClock } from './suite-gateway.ts';
import { allSuiteRows, suitePlan, type PlannedCase } from './suite-plan.ts';

/** The controls of the embedded mock that no public call offers. */
export interface MockControls {
  /** The mock's base URL, for its admin API (`/__admin/faults`). */
  readonly adminUrl: string;
  readonly adminToken?: string | undefined;
  /** Moves the mock's clock forward. */
  advanceClock(ms: number): void;
}

export interface RuleSuiteOptions {
  readonly gatewayUrl: string;
  readonly tls?: TlsOptions;
  readonly fixtures: LoadedFixtures;
  readonly profile: Profile;
  /** The gateway's authentication mode: under `static` no Guid rotates. */
  readonly auth: 'static' | 'dynamic';
  /** True on a mock seeded from the fixtures: every ID outside them has no account. */
  readonly knowsEveryAccount: boolean;
  /** The embedded mock's controls; absent for any other gateway. */
  readonly mock?: MockControls;
  /** Cap on requests per second (absent: none). */
  readonly maxRequestsPerSecond?: number | undefined;
  /** On a gateway without a movable clock, spend the gateway's timeouts in real time (about two minutes each). */
  readonly waitForTimeouts?: boolean;
  /** Calibration: an answer that is another candidate of a profile setting is recorded, not failed. */
  readonly learn?: boolean;
  readonly signal?: AbortSignal;
  /** Called as each case finishes. */
  readonly onCase?: (c: Case) => void;
  /** Only the cases this keeps (tests). */
  readonly select?: (c: PlannedCase) => boolean;
  /** How long to wait for an event that should arrive, in ms. Default 12 s (one empty long poll and some). */
  readonly eventWaitMs?: number;
}

/** One observed answer, for calibration. */
export interface SuiteObservation {
  readonly caseId: string;
  /** The rule that decides the situation under the profile. */
  readonly decidedBy: string;
  readonly observation: Observation;
}

export interface RuleSuiteResult {
  readonly outcome: 'passed' | 'failed';
  readonly cases: readonly Case[];
  readonly coverage: readonly RuleCoverage[];
  readonly observations: readonly SuiteObservation[];
  /** Requests sent to the gateway. */
  readonly requests: number;
  /** Set when the suite ended early: the gateway stopped answering, or the run was stopped. */
  readonly stoppedBy?: string;
}

function mockFaults(controls: MockControls, tls: TlsOptions | undefined): FaultControl {
  const admin = new AdminClient({ baseUrl: controls.adminUrl, token: controls.adminToken, tls });
  return {
    inject: (operation: OperationId, agent: string, retcode: Retcode) => admin.setFaults([{ operation, agent, retcode }]),
    clear: () => admin.clearFaults(),
  };
}

function realClock(signal: AbortSignal | undefined): SuiteClock {
  return { instant: false, pass: (ms) => sleep(ms, undefined, signal ? { signal } : {}) };
}

/** Runs the suite. Throws only for what is not the gateway's doing (bad options). */
export async function runRuleSuite(o: RuleSuiteOptions): Promise<RuleSuiteResult> {
  let requests = 0;
  const limiter = new RateLimiter(o.maxRequestsPerSecond);
  const client = new GatewayClient({ baseUrl: o.gatewayUrl, ...(o.tls ? { tls: o.tls } : {}), limiter, onExchange: () => requests++ });
  const parties = suiteParties(o.fixtures, o.profile, { knowsEveryAccount: o.knowsEveryAccount });
  const clock: SuiteClock = o.mock ? { instant: true, pass: async (ms) => o.mock!.advanceClock(ms) } : realClock(o.signal);
  const gateway = new SuiteGateway({ client, eventWaitMs: o.eventWaitMs ?? GATEWAY_TIMING.pollWaitMs.value + 2_000, faults: o.mock ? mockFaults(o.mock, o.tls) : undefined, clock });
  const ctx = { gateway, parties, profile: o.profile, timeouts: { wait: o.waitForTimeouts ?? false, staticAuth: o.auth === 'static' }, learn: o.learn ?? false };
  const cast = Object.values(parties.cast.accounts) as AgentAccount[];
  const plan = suitePlan().filter((c) => o.select?.(c) ?? true);
  const cases: Case[] = [];
  const observations: SuiteObservation[] = [];
  let stoppedBy: string | undefined;
  const record = (c: Case) => {
    cases.push(c);
    o.onCase?.(c);
  };
  try {
    const before = await gateway.release(cast);
    if (before.length > 0) stoppedBy = `the fixtures' accounts could not be signed out before the suite: ${before.join('; ')}`;
    for (const planned of plan) {
      if (stoppedBy === undefined && o.signal?.aborted) stoppedBy = `the run was stopped (${String((o.signal.reason as Error | undefined)?.message ?? o.signal.reason)})`;
      if (stoppedBy !== undefined) {
        record({ id: planned.id, title: `${planned.row.operation}: ${planned.witness.says}`, kind: 'check', rule: planned.row.rule, outcome: 'skipped', durationMs: 0, skipReason: `not run: ${stoppedBy}` });
        continue;
      }
      try {
        const result = await runCase(planned, ctx);
        record(result.case);
        if (result.observation && result.decidedBy) observations.push({ caseId: planned.id, decidedBy: result.decidedBy, observation: result.observation });
      } catch (e) {
        if (o.signal?.aborted) {
          stoppedBy = `the run was stopped (${String((o.signal.reason as Error | undefined)?.message ?? o.signal.reason)})`;
          record({ id: planned.id, title: `${planned.row.operation}: ${planned.witness.says}`, kind: 'check', rule: planned.row.rule, outcome: 'skipped', durationMs: 0, skipReason: `not finished: ${stoppedBy}` });
          continue;
        }
        if (!(e instanceof GatewayTransportError || e instanceof GatewayTimeoutError)) throw e;
        stoppedBy = `the gateway stopped answering: ${(e as Error).message}`;
        record({ id: planned.id, title: `${planned.row.operation}: ${planned.witness.says}`, kind: 'check', rule: planned.row.rule, outcome: 'failed', durationMs: 0, failure: { message: stoppedBy } });
      }
    }
  } finally {
    const after = stoppedBy?.startsWith('the gateway stopped') ? [] : await gateway.release(cast).catch((e: Error) => [e.message]);
    const cleanup: Case =
      after.length === 0
        ? { id: 'rules.cleanup', title: "every account the suite used is signed out again", kind: 'check', outcome: stoppedBy?.startsWith('the gateway stopped') ? 'skipped' : 'passed', durationMs: 0, ...(stoppedBy?.startsWith('the gateway stopped') ? { skipReason: stoppedBy } : {}) }
        : { id: 'rules.cleanup', title: 'every account the suite used is signed out again', kind: 'check', outcome: 'failed', durationMs: 0, failure: { message: after.join('\n') } };
    record(cleanup);
    client.close();
  }
  const coverage = ruleCoverage(allSuiteRows(), cases, o.profile);
  const failed = cases.some((c) => c.outcome === 'failed') || stoppedBy !== undefined;
  return { outcome: failed ? 'failed' : 'passed', cases, coverage, observations, requests, ...(stoppedBy ? { stoppedBy } : {}) };
}
