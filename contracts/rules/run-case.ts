/**
 * One case of the rule suite against a gateway: the witness's situation built through the gateway's calls, the
 * call, and the answer held to what `src/domain` decides in that situation — HTTP status and retcode, the result
 * fields that identify it, the events each agent then receives (in order, with their contents), and the caller's
 * status afterwards. Every account the case touched is signed out at the end, whatever happened.
 *
 * A case that cannot be made on this gateway is skipped with the reason: a role the fixtures lack, an ID that may be
 * someone's, a CTI fault no public call produces, a timeout (Guid expiry, no-poll sign-out) that would take minutes of
 * real time unless asked for.
 */
import { GatewayContractError, GatewayEventTimeoutError, GatewayHttpError, GatewayRetcodeError, operationPath, type AgentEvent, type AgentSession, type GatewayReply } from '../../src/client/index.ts';
import { redactSecretFields } from '../../src/redact/secrets.ts';
import type { AgentAccount } from '../../src/domain/agent.ts';
import { expectWitness, resolveCall, type Expectation, type ResolvedCall } from '../../src/domain/expect-witness.ts';
import { GATEWAY_TIMING } from '../../src/domain/timing.ts';
import type { Profile } from '../../src/domain/profiles.ts';
import type { OperationId } from '../../src/domain/retcodes.ts';
import { AGENT_ROLES, type AgentRole } from '../../src/domain/roles.ts';
import type { AgentStateEntry } from '../../src/domain/vdn-views.ts';
import type { Situation } from '../../src/domain/witness.ts';
import type { Case, Failure } from '../../src/report/run-summary.ts';
import { answerName, describeExpected, settingOf, type Observation } from './answers.ts';
import type { SuiteParties } from './parties.ts';
import { SetupError, type SuiteGateway } from './suite-gateway.ts';
import type { PlannedCase } from './suite-plan.ts';

/** Whether the witnesses that take the gateway's timeouts run: on a movable clock, or in real time when asked. */
export interface TimeoutMode {
  /** Real time may be spent on them (the gateway's clock cannot be moved). */
  readonly wait: boolean;
  /** Static authentication (AUTHMODE=1): no Guid rotates. */
  readonly staticAuth: boolean;
}

export interface CaseContext {
  readonly gateway: SuiteGateway;
  readonly parties: SuiteParties;
  readonly profile: Profile;
  readonly timeouts: TimeoutMode;
  /** Calibration: an answer that is another candidate of the setting that decides it is recorded, not failed. */
  readonly learn: boolean;
}

/** A case's outcome, with what calibration and the coverage matrix need. */
export interface CaseResult {
  readonly case: Case;
  /** The answer the gateway gave, when the call was made. */
  readonly observation?: Observation;
  /** The rule that decides the situation under the profile (for a boundary, not the case's own row). */
  readonly decidedBy?: string;
}

const MALFORMED_GUID = 'not-a-guid';

/** Runs one planned case. Transport failures (the gateway went away) are thrown, not turned into a failed case. */
export async function runCase(planned: PlannedCase, ctx: CaseContext): Promise<CaseResult> {
  const started = Date.now();
  const { row, witness } = planned;
  const base: CaseBase = { id: planned.id, title: `${row.operation}: ${witness.says}`, kind: 'check', rule: row.rule };
  const skip = (reason: string): CaseResult => ({ case: { ...base, outcome: 'skipped', durationMs: Date.now() - started, skipReason: reason } });

  const call = resolveCall(row.operation, witness, ctx.parties, ctx.profile);
  if ('missing' in call) return skip(call.missing);
  if (witness.given.fault && !ctx.gateway.faults) {
    return skip(`no public call of the gateway makes the CTI fail with ${witness.given.fault}; checked on the embedded mock gateway only`);
  }
  const timeoutSkip = timeoutSkipReason(call, witness.given, ctx);
  if (timeoutSkip) return skip(timeoutSkip);
  const expected = expectWitness(call, witness.given, ctx.parties, ctx.profile);
  const decidedBy = expected.decision.rule;
  if ((witness.expect ?? 'applies') === 'applies' && decidedBy !== row.rule) {
    return skip(`under this profile ${row.rule} does not decide this situation (${decidedBy} does), so it has nothing to check here`);
  }

  const touched = touchedAccounts(call, witness.given, ctx.parties);
  const title = `${base.title} → ${describeExpected(expected.decision)}`;
  let result: CaseResult;
  let problems: string[];
  try {
    result = { ...(await callAndCheck(call, witness.given, expected, ctx, { ...base, title }, `${row.rule} — ${witness.says}`, started)), decidedBy: expected.decision.rule };
  } finally {
    // Whatever happened, the accounts go back to signed out (a stop or a lost gateway is rethrown after).
    if (witness.given.fault) await ctx.gateway.faults?.clear().catch(() => undefined);
    problems = await ctx.gateway.release(touched);
  }
  if (problems.length === 0) return result;
  const message = `${result.case.failure ? `${result.case.failure.message}\n` : `${row.rule} — ${witness.says}\n`}  afterwards the accounts could not be signed out: ${problems.join('; ')}`;
  return { ...result, case: { ...result.case, outcome: 'failed', failure: { ...result.case.failure, message } } };
}

type CaseBase = Pick<Case, 'id' | 'title' | 'kind' | 'rule'>;

async function callAndCheck(call: ResolvedCall, given: Situation, expected: Expectation, ctx: CaseContext, base: CaseBase, says: string, started: number): Promise<CaseResult> {
  const decidedBy = expected.decision.rule;
  let observation: Observation | undefined;
  // What the case was doing when an answer broke it: building the situation, or reading what followed the call.
  let stage = 'the situation could not be built';
  try {
    const setup = await buildSituation(call, given, expected, ctx);
    stage = 'the call could not be made';
    const { observed, reply, sentGuid } = await makeCall(call, setup, ctx);
    observation = observed;
    stage = 'after the call, reading its events and the caller\'s status failed';
    // The fault was for the call; the checks that follow poll and query as usual.
    if (given.fault) await ctx.gateway.faults!.clear();
    const problems = checkAnswer(expected, observed, reply, call, ctx, sentGuid);
    const setting = settingOf(decidedBy, ctx.profile);
    const calibrated = ctx.learn && setting !== undefined && problems.answer !== undefined && setting.candidates.includes(answerName(observed));
    if (problems.answer === undefined || calibrated) {
      if (observed.httpStatus === 200 && observed.contractProblem === undefined) problems.more.push(...(await checkEvents(expected, ctx)), ...(await checkCallerStatus(expected, call, ctx)));
    }
    const all = [...(problems.answer !== undefined && !calibrated ? [problems.answer] : []), ...problems.more];
    const durationMs = Date.now() - started;
    const observedField = { ...observed.summary, ...(calibrated ? { calibratedSetting: setting!.name } : {}) };
    if (all.length === 0) return { case: { ...base, outcome: 'passed', durationMs, observed: observedField }, observation };
    return { case: { ...base, outcome: 'failed', durationMs, observed: observedField, failure: failureOf(says, observed, all, expected) }, observation };
  } catch (e) {
    if (!(e instanceof SetupError || e instanceof GatewayRetcodeError || e instanceof GatewayEventTimeoutError || e instanceof GatewayContractError || e instanceof GatewayHttpError)) throw e;
    const problem = `${stage}: ${(e as Error).message}`;
    const failure: Failure = observation ? failureOf(says, observation, [problem], expected) : { message: `${says}\n  ${problem}` };
    return { case: { ...base, outcome: 'failed', durationMs: Date.now() - started, ...(observation ? { observed: observation.summary } : {}), failure }, ...(observation ? { observation } : {}) };
  }
}

function failureOf(says: string, observed: Observation, problems: readonly string[], expected: Expectation): Failure {
  return {
    message: [says, `  sent: ${observed.request}`, ...problems.map((p) => `  ${p}`)].join('\n'),
    request: { method: observed.method, url: observed.url },
    response: { status: observed.httpStatus, body: observed.body },
    expected: { httpStatus: expected.decision.httpStatus, ...(expected.decision.retcode ? { retcode: expected.decision.retcode } : {}), rule: expected.decision.rule },
  };
}

/** Why a witness that takes the gateway's timeouts cannot run here, or undefined when it can. */
function timeoutSkipReason(call: ResolvedCall, given: Situation, ctx: CaseContext): string | undefined {
  const rotation = call.guid === 'beforeRotation';
  const silence = call.guid === 'endedSession' && given.sessionEndedBy === 'silence';
  if (!rotation && !silence) return undefined;
  if (rotation && ctx.timeouts.staticAuth) return 'under static authentication (AUTHMODE=1) a Guid does not rotate; gateway.auth is "static"';
  if (ctx.gateway.clock?.instant || ctx.timeouts.wait) return undefined;
  const what = rotation ? 'a Guid expires GUIDTIMEOUT (2 minutes by default) after it was issued' : 'an agent is signed out after 2 minutes without an event poll';
  return `${what}: checking it takes that long in real time on this gateway; pass --wait-timeouts to include it`;
}

/** Every account the case may sign in, barge or otherwise change. */
function touchedAccounts(call: ResolvedCall, given: Situation, parties: SuiteParties): AgentAccount[] {
  const out = new Map<string, AgentAccount>();
  const add = (a: AgentAccount | undefined) => a && out.set(a.id, a);
  for (const role of AGENT_ROLES) if (given.signedIn?.[role] !== undefined) add(parties.account(role));
  for (const b of given.barges ?? []) {
    add(parties.account(b.inspector));
    add(parties.account(b.target));
  }
  if (typeof call.guid === 'object') add(parties.account(call.guid.of));
  add(call.callerAccount);
  add(parties.lookup(call.agentid));
  if (call.workNo !== undefined) add(parties.lookup(call.workNo));
  return [...out.values()];
}

/** What the setup leaves for the call: Guids that are no longer the current one. */
interface Setup {
  readonly staleGuid: string | undefined;
}

async function buildSituation(call: ResolvedCall, given: Situation, expected: Expectation, ctx: CaseContext): Promise<Setup> {
  const { gateway, parties } = ctx;
  for (const account of touchedAccounts(call, given, parties)) await gateway.signOut(account);
  for (const role of AGENT_ROLES) {
    const state = given.signedIn?.[role];
    if (state) await gateway.signIn(parties.account(role)!, state);
  }
  let staleGuid: string | undefined;
  const caller = call.callerAccount;
  if (caller && (call.guid === 'previousSession' || call.guid === 'endedSession')) {
    const first = call.guid === 'previousSession' ? gateway.held(caller.id)! : await gateway.signIn(caller, { status: 4 });
    staleGuid = first.guid;
    if (call.guid === 'previousSession') await gateway.signIn(caller, given.signedIn![call.caller as AgentRole]!);
    else if (given.sessionEndedBy === 'silence') {
      // No poll for the no-poll limit, and the gateway's sweep after it (the mock sweeps within 5 s; a gateway's own
      // period is not documented, so real time waits longer).
      await gateway.clock!.pass(GATEWAY_TIMING.signOutAfterNoPollMs.value + (gateway.clock!.instant ? 1_000 : 30_000));
      gateway.forget(caller.id);
    } else {
      const out = await first.forceLogout();
      if (!out.ok) throw new SetupError(`the sign-out of agent ${caller.id} (to end the session whose Guid the call sends) answered ${out.retcode} (${out.meaning})`);
      gateway.forget(caller.id);
    }
  }
  for (const b of given.barges ?? []) {
    const inspector = parties.account(b.inspector)!;
    const target = parties.account(b.target)!;
    const reply = await gateway.held(inspector.id)!.addInsert(target.id);
    if (!reply.ok) throw new SetupError(`the barge of agent ${inspector.id} (the ${b.inspector}) into agent ${target.id} (the ${b.target}) answered ${reply.retcode} (${reply.meaning}); the situation needs it to succeed`);
  }
  // The situation's own events stay queued: an event check after the call reads them first (one poll each), and a
  // case without one never polls for them at all.
  if (given.fault) await gateway.faults!.inject(call.operation, call.agentid, given.fault);
  if (call.guid === 'beforeRotation') {
    const session = gateway.held(caller!.id)!;
    await session.waitForEvents((expected.setupQueued.get(caller!.id) ?? []).map((e) => e.eventType), { timeoutMs: gateway.eventWaitMs });
    staleGuid = await expireByRotation(session, ctx);
  }
  return { staleGuid };
}

/**
 * Lets the caller's Guid rotate and then expire (dynamic authentication): after each GUIDINTERVAL the agent polls,
 * and the answer carries the new Guid in Set-GUID; then GUIDTIMEOUT passes since the old Guid was issued. Returns the
 * old Guid. On a mock the suite moves the clock; elsewhere this takes minutes.
 */
async function expireByRotation(session: AgentSession, ctx: CaseContext): Promise<string> {
  const clock = ctx.gateway.clock!;
  const { guidIntervalMs, guidTimeoutMs } = GATEWAY_TIMING;
  const old = session.guid!;
  let waited = 0;
  while (session.guid === old && waited <= guidTimeoutMs.value) {
    await clock.pass(guidIntervalMs.value);
    waited += guidIntervalMs.value;
    if (clock.instant) {
      // A mock's clock moved, not real time: a poll of an empty queue would hold for its real wait, so queue an event.
      (await session.sayFree()).expectOk();
      await session.waitForEvents(['AgentState_Ready'], { timeoutMs: ctx.gateway.eventWaitMs });
    } else {
      // Real time: any poll answers with the rotated Guid, an event or not (an empty one after the long-poll wait).
      (await session.pollEvent()).expectOk();
    }
  }
  if (session.guid === old) {
    throw new SetupError(
      `the Guid did not rotate within ${waited / 1000} s of polls (GUIDINTERVAL is ${guidIntervalMs.value / 1000} s by default, EN/cec_07_0005); a gateway with static authentication (AUTHMODE=1) never rotates it: set gateway.auth to "static" in ccgw.config.json for such a gateway`,
    );
  }
  await clock.pass(guidTimeoutMs.value - waited + 1000);
  return old;
}

interface CallOutcome {
  readonly observed: Observation;
  readonly reply: GatewayReply | undefined;
  /** The Guid the call carried. */
  readonly sentGuid: string | undefined;
}

async function makeCall(call: ResolvedCall, setup: Setup, ctx: CaseContext): Promise<CallOutcome> {
  const { gateway } = ctx;
  const signIn = call.operation === 'signIn' || call.operation === 'forceLogin';
  const callerSession = call.callerAccount ? gateway.held(call.callerAccount.id) : undefined;
  let session: AgentSession;
  if (!signIn && call.guid === 'own' && callerSession && callerSession.agentId === call.agentid) session = callerSession;
  else session = gateway.client.agent(call.agentid).useGuid(signIn ? undefined : guidFor(call, setup, ctx));
  const input = {
    ...(call.workNo !== undefined ? { workNo: call.workNo } : {}),
    ...(call.query ? { query: call.query } : {}),
    ...(call.path ? { path: call.path } : {}),
    ...(call.headers ? { headers: call.headers } : {}),
    ...(signIn ? { body: call.body } : {}),
  };
  const request = describeRequest(call, gateway.client.baseUrl);
  const sentGuid = signIn ? undefined : session.guid;
  try {
    const reply = (await session.call(call.operation as OperationId, input as never)) as GatewayReply;
    if (signIn && reply.ok) gateway.hold(session);
    if ((call.operation === 'logout' || call.operation === 'forceLogout') && reply.ok) gateway.forget(call.agentid);
    return { reply, sentGuid, observed: observationOf(request, 200, reply.retcode, reply.body) };
  } catch (e) {
    if (e instanceof GatewayHttpError) return { reply: undefined, sentGuid, observed: observationOf(request, e.status, undefined, e.bodyExcerpt) };
    if (e instanceof GatewayContractError) {
      return { reply: undefined, sentGuid, observed: { ...observationOf(request, e.httpStatus, undefined, e.rawBody), contractProblem: e.summary.join('; ') } };
    }
    throw e;
  }
}

function guidFor(call: ResolvedCall, setup: Setup, ctx: CaseContext): string | undefined {
  const g = call.guid;
  if (g === 'none') return undefined;
  if (g === 'malformed') return MALFORMED_GUID;
  if (g === 'own') return call.callerAccount ? ctx.gateway.held(call.callerAccount.id)?.guid : undefined;
  if (typeof g === 'object') return ctx.gateway.held(ctx.parties.account(g.of)!.id)?.guid;
  return setup.staleGuid;
}

function describeRequest(call: ResolvedCall, baseUrl: string): { method: string; url: string; text: string } {
  const guid = typeof call.guid === 'object' ? `the ${call.guid.of}'s Guid` : { own: "the caller's own Guid", none: 'no Guid', malformed: `the Guid ${JSON.stringify(MALFORMED_GUID)}`, previousSession: "the Guid of the caller's earlier session", endedSession: "the Guid of the caller's ended session", beforeRotation: 'a Guid rotated away and expired' }[call.guid];
  const signIn = call.operation === 'signIn' || call.operation === 'forceLogin';
  const { method, path } = operationPath(call.operation, { ...call.path, agentid: call.agentid, workNo: call.workNo } as never, call.query as never);
  const body = signIn ? ` with body ${JSON.stringify(redactSecretFields(call.body))}` : '';
  return { method, url: `${baseUrl}${path}`, text: `${method} ${path}${signIn ? '' : ` with ${guid}`}${body}` };
}

function observationOf(request: { method: string; url: string; text: string }, httpStatus: number, retcode: string | undefined, body: unknown): Observation {
  return {
    httpStatus,
    ...(retcode !== undefined ? { retcode } : {}),
    method: request.method,
    url: request.url,
    request: request.text,
    body,
    at: new Date().toISOString(),
    summary: { httpStatus, ...(retcode !== undefined ? { retcode } : {}) },
  };
}

interface AnswerProblems {
  answer: string | undefined;
  readonly more: string[];
}

function checkAnswer(expected: Expectation, observed: Observation, reply: GatewayReply | undefined, call: ResolvedCall, ctx: CaseContext, sentGuid: string | undefined): AnswerProblems {
  const d = expected.decision;
  const more: string[] = [];
  if (observed.contractProblem !== undefined) return { answer: `expected ${describeExpected(d)}; got an answer outside the contract: ${observed.contractProblem}`, more };
  const want = answerName({ httpStatus: d.httpStatus, retcode: d.retcode });
  const got = answerName(observed);
  if (want !== got) {
    const setting = settingOf(d.rule, ctx.profile);
    const hint =
      setting && setting.candidates.includes(got)
        ? `; ${got} is another candidate of the setting ${setting.name} (${setting.provenance}); if this gateway is right, accept it with "profileOverrides": { "answers": { "${setting.name}": "${got}" } } in ccgw.config.json, or run ccgw calibrate against it`
        : '';
    return { answer: `expected ${describeExpected(d)} (${d.rule}); got ${describeObserved(observed)}${hint}`, more };
  }
  if (reply && d.retcode === '0') more.push(...checkResult(d.result as Record<string, unknown>, reply, call, expected, ctx, sentGuid));
  return { answer: undefined, more };
}

function describeObserved(o: Observation): string {
  return o.httpStatus === 200 ? `retcode ${o.retcode ?? '(none)'}` : `HTTP ${o.httpStatus}${typeof o.body === 'string' && o.body !== '' ? ` ${JSON.stringify(o.body.slice(0, 80))}` : ''}`;
}

/** The result fields that identify the answer, per operation (others, such as the sign-in time, vary by nature). */
const IDENTIFYING_FIELDS: Partial<Record<OperationId, readonly string[]>> = {
  signIn: ['workno', 'vdnid'],
  forceLogin: ['workno', 'vdnid'],
  agentStatus: ['agentState', 'isWorking'],
  agentByWorkNo: ['workno', 'status', 'ctiStatus'],
};

/** The result fields that identify the answer. */
function checkResult(want: Record<string, unknown>, reply: GatewayReply, call: ResolvedCall, expected: Expectation, ctx: CaseContext, sentGuid: string | undefined): string[] {
  const problems: string[] = [];
  const result = ('result' in reply ? reply.result : undefined) as Record<string, unknown> | undefined;
  for (const field of IDENTIFYING_FIELDS[call.operation] ?? []) {
    if (JSON.stringify(result?.[field]) !== JSON.stringify(want[field])) problems.push(`result.${field}: expected ${JSON.stringify(want[field])}, got ${JSON.stringify(result?.[field])}`);
  }
  if (call.operation === 'updateGuid') {
    const guid = result?.['guid'];
    if (typeof guid !== 'string' || guid === '' || guid.includes('=')) problems.push(`result.guid: expected a new bare Guid, got ${JSON.stringify(guid)}`);
    else if (guid === sentGuid) problems.push(`result.guid is the Guid the call sent (${guid}); expected a new one`);
  }
  if (call.operation === 'allAgentStatus' || call.operation === 'onlineAgentOnVdn') problems.push(...checkAgentList(want as unknown as readonly AgentStateEntry[], reply, call, ctx));
  if (call.operation === 'getAgentEvent') {
    const event = 'event' in reply ? (reply.event as AgentEvent | null) : null;
    problems.push(...compareEvents(expected.polledEvent ? [expected.polledEvent] : [], event ? [event] : [], `the poll of agent ${call.agentid}`, ctx.profile));
  }
  return problems;
}

/**
 * A VDN list holds the fixtures' agents it should, with their status and CTI state, and none it should not (the
 * signed-out ones, in the list of signed-in agents). Agents the fixtures do not name are not checked.
 */
function checkAgentList(want: readonly AgentStateEntry[], reply: GatewayReply, call: ResolvedCall, ctx: CaseContext): string[] {
  const got = 'result' in reply && Array.isArray(reply.result) ? (reply.result as AgentStateEntry[]) : [];
  const byId = new Map(got.map((e) => [e.workno, e]));
  const problems: string[] = [];
  for (const entry of want) {
    const seen = byId.get(entry.workno);
    if (!seen) problems.push(`agent ${entry.workno} is missing from the list; expected ${JSON.stringify({ status: entry.status, ctiStatus: entry.ctiStatus })}`);
    else if (seen.status !== entry.status || seen.ctiStatus !== entry.ctiStatus) {
      problems.push(`agent ${entry.workno}: expected status ${JSON.stringify(entry.status)} and ctiStatus ${JSON.stringify(entry.ctiStatus)}, got ${JSON.stringify(seen.status)} and ${JSON.stringify(seen.ctiStatus)}`);
    }
  }
  const listed = new Set(want.map((e) => e.workno));
  const vdn = call.callerAccount?.vdn;
  for (const role of AGENT_ROLES) {
    const account = ctx.parties.account(role);
    if (account && account.vdn === vdn && !listed.has(account.id) && byId.has(account.id)) problems.push(`agent ${account.id} (the ${role}) is listed but should not be`);
  }
  return problems;
}

/**
 * Reads the events of every agent the call sent events to, and compares them with what should have queued: the
 * situation's events (still unread), then the call's. A new session (a forced sign-in) starts with the call's alone.
 * The agents are read at once, each by its own session: a gateway that loses an event costs a case one wait, not one
 * per agent. Problems come in the order of the deliveries.
 */
async function checkEvents(expected: Expectation, ctx: CaseContext): Promise<string[]> {
  const recipients = [...new Set(expected.decision.deliveries.map((d) => d.to).filter((id) => expected.signedInAfter.has(id)))];
  // Settled, all of them, before anything is thrown: no poll may outlive its case and take the next case's events.
  const perAgent = await Promise.allSettled(recipients.map((agentId) => checkEventsOf(agentId, expected, ctx)));
  const failed = perAgent.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return perAgent.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
}

async function checkEventsOf(agentId: string, expected: Expectation, ctx: CaseContext): Promise<string[]> {
  const session = ctx.gateway.held(agentId);
  if (!session) return [];
  const fresh = agentId === expected.decision.signedIn || agentId === expected.unread;
  const events = [...(fresh ? [] : (expected.setupQueued.get(agentId) ?? [])), ...(expected.queued.get(agentId) ?? [])];
  let arrived: AgentEvent[];
  try {
    arrived = await session.waitForEvents(
      events.map((e) => e.eventType),
      { timeoutMs: ctx.gateway.eventWaitMs },
    );
  } catch (e) {
    if (e instanceof GatewayEventTimeoutError) {
      return [`agent ${agentId} should receive ${events.map((x) => x.eventType).join(', ')}; within ${e.timeoutMs} ms it received ${e.arrived.map((x) => x.eventType).join(', ') || 'nothing'}`];
    }
    if (e instanceof GatewayRetcodeError) {
      return [`agent ${agentId}'s event poll answered ${e.retcode} (${e.meaning}) instead of its events ${events.map((x) => x.eventType).join(', ')}`];
    }
    throw e;
  }
  return compareEvents(events, arrived, `agent ${agentId}`, ctx.profile);
}

async function checkCallerStatus(expected: Expectation, call: ResolvedCall, ctx: CaseContext): Promise<string[]> {
  if (!expected.callerStatus || call.operation === 'agentStatus' || !call.callerAccount) return [];
  const session = ctx.gateway.held(call.callerAccount.id);
  if (!session) return [];
  const reply = await session.agentStatus();
  if (!reply.ok) return [`afterwards, agentstatus of the caller ${call.callerAccount.id} answered ${reply.retcode} (${reply.meaning}); expected ${JSON.stringify(expected.callerStatus)}`];
  const got = { agentState: reply.result.agentState, isWorking: reply.result.isWorking };
  const want = expected.callerStatus;
  if (got.agentState !== want.agentState || got.isWorking !== want.isWorking) {
    return [`afterwards, the caller ${call.callerAccount.id} should be ${JSON.stringify(want)} (agentstatus); it is ${JSON.stringify(got)}`];
  }
  return [];
}

/** Compares the expected events with what arrived: the expected ones in order (others in between are allowed), each with its contents. */
export function compareEvents(expected: readonly AgentEvent[], arrived: readonly AgentEvent[], who: string, profile: Profile): string[] {
  const problems: string[] = [];
  let at = 0;
  for (const want of expected) {
    while (at < arrived.length && arrived[at]!.eventType !== want.eventType) at++;
    const got = arrived[at];
    if (!got) {
      problems.push(`${who} should receive ${want.eventType} (in this order: ${expected.map((e) => e.eventType).join(', ')}); it received ${arrived.map((e) => e.eventType).join(', ') || 'nothing'}`);
      return problems;
    }
    at++;
    if (got.workNo !== want.workNo) problems.push(`${who}: ${want.eventType}.workNo should be ${JSON.stringify(want.workNo)}, is ${JSON.stringify(got.workNo)}`);
    if (JSON.stringify(normalize(got.content)) !== JSON.stringify(normalize(want.content))) {
      problems.push(`${who}: ${want.eventType}.content should be ${JSON.stringify(want.content)}, is ${JSON.stringify(got.content)}`);
    }
    const hasGenTime = 'eventGenTime' in got && got.eventGenTime !== undefined;
    if (hasGenTime !== profile.eventGenTime) problems.push(`${who}: ${want.eventType} should ${profile.eventGenTime ? '' : 'not '}carry eventGenTime (profile ${profile.name})`);
  }
  return problems;
}

/** Content compared field by field in a fixed order, so key order does not matter. */
function normalize(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(normalize);
  return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, normalize((value as Record<string, unknown>)[k])]));
}
