/**
 * What a VU does in one iteration, for each unit kind. A VU owns one unit for the whole run (see `partition.ts`);
 * its sessions live across iterations, are signed in on first use and again after a lost session, and are kept
 * alive by polling. Every successful barge and cancel goes through the VU's {@link BargeLedger}.
 *
 * - {@link bargeAndCancel} ({@link pairIteration}: throughput, soak): the inspector barges its agent, the
 *   inspector's events must arrive within `CCGW_EVENT_DEADLINE_MS`, the inspector cancels; both parties' remaining
 *   events are drained.
 * - {@link stormRound} ({@link stormIteration}: barge-storm): K inspectors send addinsert to one target at once
 *   (`http.batch`); exactly one must win, every loser must get the profile's "target already barged" retcode; the
 *   winner's events must arrive in time; the winner cancels.
 * - {@link restFor}: waits between iterations while keeping the sessions polled (soak).
 * - {@link smokeIteration}: a little of each, on one storm group.
 *
 * @example
 * ```ts
 * export default function (data: SetupData): void {
 *   pairIteration(config, plan, data);
 * }
 * ```
 */
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import type { CallResult } from './gateway/answer.ts';
import { drain, keepAlive, signInAll } from './gateway/batches.ts';
import { GatewayClient, gatewayOptions } from './gateway/client.ts';
import { awaitEvents, eventsOf } from './gateway/events.ts';
import type { GatewaySession } from './gateway/session.ts';
import type { LoadConfig } from './config-parse.ts';
import { BargeLedger } from './invariant.ts';
import type { SetupData } from './lifecycle.ts';
import { metrics } from './metrics.ts';
import { accountsOf, unitForVu, type Pair, type StormGroup, type Unit } from './partition.ts';

const INSPECTOR_BARGE = eventsOf('addInsert', 'inspector');
const TARGET_BARGE = eventsOf('addInsert', 'target');
const INSPECTOR_CANCEL = eventsOf('cancelInsert', 'inspector');
const TARGET_CANCEL = eventsOf('cancelInsert', 'target');
const SIGN_IN = eventsOf('signIn', 'self');
// Tag objects made once: k6 reads a metric's tags on every add.
const ADD_INSERT = { op: 'addInsert' } as const;
const CANCEL_INSERT = { op: 'cancelInsert' } as const;

/**
 * The state one VU keeps across its iterations.
 *
 * @example
 * ```ts
 * const vu = vuState(config, plan, data);
 * vu?.sessions.get('30101')?.signedIn;
 * ```
 */
export interface VuState {
  readonly unit: Unit;
  readonly client: GatewayClient;
  readonly sessions: ReadonlyMap<string, GatewaySession>;
  readonly ledger: BargeLedger;
}

let state: VuState | null | undefined;

/**
 * This VU's state: its unit (`exec.vu.idInTest`), a client, a session per account. Null when the plan has no unit
 * for this VU (then the iteration does nothing).
 *
 * @example
 * ```ts
 * const vu = vuState(config, plan, data);
 * if (!vu) return;
 * ```
 */
export function vuState(config: LoadConfig, plan: readonly Unit[], data: SetupData): VuState | null {
  if (state !== undefined) return state;
  const index = exec.vu.idInTest - 1;
  const unit = unitForVu(plan, exec.vu.idInTest);
  if (!unit || !data.owned.includes(index)) {
    console.warn(`VU ${exec.vu.idInTest} has no unit of work (plan of ${plan.length}, this process owns ${data.owned.length}); it stays idle`);
    state = null;
    return state;
  }
  const client = new GatewayClient(gatewayOptions(config));
  const byId = new Map(config.accounts.map((a) => [a.id, a]));
  const sessions = new Map(accountsOf(unit).map((id) => [id, client.session(byId.get(id)!)]));
  state = { unit, client, sessions, ledger: new BargeLedger() };
  return state;
}

/**
 * Signs in the sessions that are not signed in (in parallel), taking over a leftover session when the gateway
 * answers 100-002 "already signed in", then drains the sign-in events. Returns false when one stays signed out.
 *
 * @example
 * ```ts
 * if (!ensureSignedIn(config, vu.client, [...vu.sessions.values()])) return;
 * ```
 */
export function ensureSignedIn(config: LoadConfig, client: GatewayClient, sessions: readonly GatewaySession[]): boolean {
  if (sessions.every(isSignedIn)) return true;
  const out = sessions.filter((s) => !s.signedIn);
  const first = signInAll(client, out);
  const taken = out.filter((_, i) => first[i]!.retcode === '100-002');
  if (taken.length > 0) signInAll(client, taken, true);
  drain(client, out, out.map(() => SIGN_IN.length), config.timing.pollPauseMs);
  for (const s of out) s.inbox.length = 0;
  const ok = out.every((s) => s.signedIn);
  check(ok, { 'sessions are signed in': (x) => x });
  return ok;
}

const isSignedIn = (s: GatewaySession): boolean => s.signedIn;

function recordBarge(ledger: BargeLedger, target: string, inspector: string): void {
  metrics.bargeOk.add(1);
  const violation = ledger.barge(target, inspector);
  if (violation) {
    metrics.invariantViolations.add(1, { target });
    console.error(`barge invariant broken on agent ${target}: ${violation.event} left barges − cancels = ${violation.balance}`);
  }
}

function recordCancel(ledger: BargeLedger, target: string, inspector: string, result: CallResult): void {
  metrics.unexpectedAnswer.add(!result.ok, CANCEL_INSERT);
  if (!result.ok) return;
  metrics.cancelOk.add(1);
  const violation = ledger.cancel(target, inspector);
  if (violation) {
    metrics.invariantViolations.add(1, { target });
    console.error(`barge invariant broken on agent ${target}: ${violation.event} left barges − cancels = ${violation.balance}`);
  }
}

/**
 * One barge-and-cancel by `inspectorId` on `agentId`, both sessions of this VU: the barge must succeed, the
 * inspector's events must arrive in time, the cancel must succeed; the remaining events of both are drained.
 *
 * @example
 * ```ts
 * bargeAndCancel(config, vu, pair.inspector, pair.agent);
 * ```
 */
export function bargeAndCancel(config: LoadConfig, vu: VuState, inspectorId: string, agentId: string): void {
  // One array of the two sessions per pair, kept: this runs thousands of times a second.
  const key = `${inspectorId} ${agentId}`;
  let both = pairs.get(key);
  if (!both) pairs.set(key, (both = [vu.sessions.get(inspectorId)!, vu.sessions.get(agentId)!]));
  const [inspector, agent] = both as [GatewaySession, GatewaySession];
  if (!ensureSignedIn(config, vu.client, both)) return;
  inspector.inbox.length = 0;
  agent.inbox.length = 0;

  const barge = inspector.addInsert(agent.id);
  metrics.unexpectedAnswer.add(!barge.ok, ADD_INSERT);
  if (barge.ok) {
    recordBarge(vu.ledger, agent.id, inspector.id);
    awaitEvents(inspector, INSPECTOR_BARGE, barge.at, config.timing);
    recordCancel(vu.ledger, agent.id, inspector.id, inspector.cancelInsert(agent.id));
    drain(vu.client, both, DRAIN_AFTER_CANCEL, config.timing.pollPauseMs);
  }
  keepAlive(vu.client, both, config.timing.keepAliveMs);
}

const pairs = new Map<string, readonly GatewaySession[]>();
/** Events left to poll after a cancel: the inspector's of the cancel, the target's of the barge and the cancel. */
const DRAIN_AFTER_CANCEL = [INSPECTOR_CANCEL.length, TARGET_BARGE.length + TARGET_CANCEL.length] as const;

/**
 * One storm round of this VU's group: its K inspectors send addinsert to the target at once.
 *
 * @example
 * ```ts
 * stormRound(config, vu);
 * ```
 */
export function stormRound(config: LoadConfig, vu: VuState): void {
  const group = vu.unit as StormGroup;
  const inspectors = group.inspectors.map((id) => vu.sessions.get(id)!);
  const target = vu.sessions.get(group.target)!;
  if (!ensureSignedIn(config, vu.client, [...inspectors, target])) return;
  for (const s of vu.sessions.values()) s.inbox.length = 0;

  const answers = vu.client.sendBatch(inspectors.map((s) => s.prepareAddInsert(target.id))).map((r, i) => inspectors[i]!.afterCall(r));
  const winners = inspectors.filter((_, i) => answers[i]!.ok);
  const lost = config.profile.answers.targetAlreadyBarged.value;
  metrics.stormOneWinner.add(winners.length === 1);
  check(winners.length, { 'a storm round has exactly one winner': (n) => n === 1 });
  answers.forEach((r, i) => {
    const expected = r.ok ? winners[0] === inspectors[i] : r.retcode === lost;
    metrics.unexpectedAnswer.add(!expected, { op: 'addInsert', role: r.ok ? 'winner' : 'loser' });
    if (!expected && !r.ok) console.warn(`storm on agent ${target.id}: inspector ${inspectors[i]!.id} lost with ${r.retcode ?? `HTTP ${r.status}`}, expected ${lost}`);
  });
  for (const w of winners) recordBarge(vu.ledger, target.id, w.id);
  const first = winners[0];
  if (first) awaitEvents(first, INSPECTOR_BARGE, answers[inspectors.indexOf(first)]!.at, config.timing);
  for (const w of winners) recordCancel(vu.ledger, target.id, w.id, w.cancelInsert(target.id));
  drain(vu.client, [...winners, target], [...winners.map(() => INSPECTOR_CANCEL.length), winners.length * (TARGET_BARGE.length + TARGET_CANCEL.length)], config.timing.pollPauseMs);
  keepAlive(vu.client, [...inspectors, target], config.timing.keepAliveMs);
}

/**
 * One iteration of the throughput and soak scenarios: barge-and-cancel on the VU's pair.
 *
 * @example
 * ```ts
 * export default function (data: SetupData): void { pairIteration(config, plan, data); }
 * ```
 */
export function pairIteration(config: LoadConfig, plan: readonly Unit[], data: SetupData): void {
  const vu = vuState(config, plan, data);
  if (!vu) return;
  const pair = vu.unit as Pair;
  bargeAndCancel(config, vu, pair.inspector, pair.agent);
}

/**
 * One iteration of the barge-storm scenario: a storm round on the VU's group.
 *
 * @example
 * ```ts
 * export default function (data: SetupData): void { stormIteration(config, plan, data); }
 * ```
 */
export function stormIteration(config: LoadConfig, plan: readonly Unit[], data: SetupData): void {
  const vu = vuState(config, plan, data);
  if (!vu) return;
  stormRound(config, vu);
}

/**
 * One iteration of the smoke scenario, on a storm group, cycling through the other scenarios' work: a storm
 * round (barge-storm), a barge-and-cancel of the group's first inspector on the target (throughput), and a rest
 * that keeps the sessions polled followed by another barge-and-cancel (soak).
 *
 * @example
 * ```ts
 * export default function (data: SetupData): void { smokeIteration(config, plan, data); }
 * ```
 */
export function smokeIteration(config: LoadConfig, plan: readonly Unit[], data: SetupData): void {
  const vu = vuState(config, plan, data);
  if (!vu) return;
  const group = vu.unit as StormGroup;
  switch (exec.vu.iterationInScenario % 3) {
    case 0:
      stormRound(config, vu);
      break;
    case 1:
      bargeAndCancel(config, vu, group.inspectors[0]!, group.target);
      break;
    default:
      restFor(config, config.load.thinkMs);
      bargeAndCancel(config, vu, group.inspectors[group.inspectors.length - 1]!, group.target);
  }
}

/**
 * Waits `ms` while keeping this VU's sessions polled (a poll is due every `CCGW_KEEPALIVE_MS`). Bounded by time
 * and by 10,000 steps.
 *
 * @example
 * ```ts
 * restFor(config, config.load.thinkMs);
 * ```
 */
export function restFor(config: LoadConfig, ms: number): void {
  const vu = state;
  const endAt = Date.now() + ms;
  for (let step = 0; step < 10_000 && Date.now() < endAt; step++) {
    if (vu) keepAlive(vu.client, [...vu.sessions.values()], config.timing.keepAliveMs);
    const left = endAt - Date.now();
    if (left > 0) sleep(Math.min(left, 1000, config.timing.keepAliveMs / 2) / 1000);
  }
}
