/**
 * The admin API under `/__admin` (see docs/mock-gateway.md): reset, fixtures, direct agent states for Pact
 * provider states and fast load-test setup, faults, audit, snapshot and counters.
 */
import { GatewayStatus, newSession, sessionWith, type AgentSession } from '../domain/agent.ts';
import { endBargesOf } from '../domain/barge-teardown.ts';
import type { Decision, SessionChange } from '../domain/decision.ts';
import { stamper } from '../domain/stamp.ts';
import { FixturesError, parseFixtures } from '../fixtures/load-fixtures.ts';
import { validateAgentStateBody, validateResetBody, validateSignInBody } from '../generated/admin-validators.js';
import { AdminBodyError, checkedBody, type AgentStateBody, type BulkSignInBody } from './admin-bodies.ts';
import { FaultError, parseFaults } from './faults.ts';
import type { GatewayState } from './gateway-state.ts';
import type { Reply } from './reply.ts';
import { MOCK_SERVER_NAME } from '../shared/admin-api.ts';

/** What the admin API needs besides the state. */
export interface AdminHost {
  readonly state: GatewayState;
  readonly version: string;
  readonly authMode: 'static' | 'dynamic';
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    detail: string,
  ) {
    super(detail);
  }
}

const ok = (json: unknown): Reply => ({ status: 200, json });

/**
 * Answers one admin call. `body` is the parsed JSON body (undefined when empty); every body is checked against
 * its JSON Schema (`admin-schemas/`) before anything changes, so a bad body changes nothing.
 */
export function handleAdmin(host: AdminHost, method: string, path: string, query: URLSearchParams, body: unknown): Reply {
  try {
    return route(host, method, path, query, body);
  } catch (e) {
    if (e instanceof AdminError) return { status: e.status, json: { error: e.error, detail: e.message } };
    if (e instanceof AdminBodyError || e instanceof FixturesError || e instanceof FaultError) return { status: 400, json: { error: 'bad-request', detail: e.message } };
    throw e;
  }
}

function route(host: AdminHost, method: string, path: string, query: URLSearchParams, body: unknown): Reply {
  const { state } = host;
  const parts = path.split('/').slice(2); // after /__admin
  const key = `${method} /${parts.map((p, i) => (parts[0] === 'agents' && i === 1 && p !== 'sign-in' ? ':id' : p)).join('/')}`;
  switch (key) {
    case 'GET /health':
      return ok({ ok: true, server: MOCK_SERVER_NAME, profile: state.profile.name, auth: host.authMode, agents: state.world.size, signedIn: state.world.signedInCount, version: host.version, pid: process.pid });
    case 'POST /reset': {
      const { fixtures } = checkedBody(validateResetBody, body ?? {}, 'POST /__admin/reset');
      if (fixtures !== undefined) replaceFixtures(state, fixtures, 'POST /__admin/reset fixtures');
      state.reset();
      return ok({ ok: true, agents: state.world.size });
    }
    case 'PUT /fixtures':
      replaceFixtures(state, body, 'PUT /__admin/fixtures');
      return ok({ ok: true, agents: state.world.size });
    case 'GET /fixtures':
      if (!state.fixtures) throw new AdminError(404, 'no-fixtures-document', 'this mock was given accounts, not a fixtures document; there is no document to answer');
      return ok(state.fixtures);
    case 'GET /agents/:id':
      return ok(describeAgent(state, parts[1]!));
    case 'PUT /agents/:id/state':
      return ok(putState(state, parts[1]!, checkedBody(validateAgentStateBody, body, 'PUT /__admin/agents/{id}/state')));
    case 'POST /agents/sign-in':
      return ok(bulkSignIn(state, checkedBody(validateSignInBody, body ?? {}, 'POST /__admin/agents/sign-in')));
    case 'PUT /faults':
      state.faults = parseFaults(body);
      return ok({ faults: state.faults });
    case 'GET /faults':
      return ok({ faults: state.faults });
    case 'DELETE /faults':
      state.faults = [];
      return ok({ faults: [] });
    case 'GET /audit':
      return ok(state.audit.report());
    case 'GET /snapshot':
      return ok(snapshot(state, query.get('all') === '1'));
    case 'GET /counters':
      return ok(state.counters.snapshot());
    default:
      throw new AdminError(404, 'not-found', `no admin call ${method} ${path}; see docs/mock-gateway.md for the admin API`);
  }
}

/** Replaces the accounts with a fixtures document (passwords resolved from the mock's environment), keeping it as written. */
function replaceFixtures(state: GatewayState, body: unknown, source: string): void {
  const loaded = parseFixtures(body, { source, env: process.env, profile: state.profile });
  state.replaceAccounts(loaded.accounts);
  state.fixtures = { source, document: loaded.document! };
}

function describeAgent(state: GatewayState, id: string) {
  const view = state.world.agent(id);
  if (!view) throw new AdminError(404, 'unknown-agent', `agent ${JSON.stringify(id)} is not in the fixtures`);
  const { password: _secret, ...account } = view.account;
  return { account, session: view.session, guid: state.guids.current(id) ?? null, queued: state.queues.queued(id) };
}

function snapshot(state: GatewayState, all: boolean) {
  const agents = [];
  for (const a of state.world.agents()) {
    if (!all && !a.session) continue;
    agents.push({
      id: a.id,
      vdn: a.account.vdn,
      inspector: a.account.inspector,
      signedIn: a.session !== null,
      status: a.session?.status ?? GatewayStatus.SignedOut,
      barging: a.session?.barging ?? null,
      bargedBy: a.session?.bargedBy ?? null,
      queued: state.queues.queued(a.id),
    });
  }
  return { profile: state.profile.name, agents };
}

function fail(detail: string): never {
  throw new AdminError(400, 'bad-request', detail);
}

/** A decision that sets sessions directly, without events (for the admin API). */
function adminDecision(changes: SessionChange[], signedIn: string | null, signedOut: string[]): Decision {
  return { operationId: 'signIn', retcode: '0', httpStatus: 200, rule: 'admin.state', message: '', changes, deliveries: [], signedIn, signedOut, result: {} };
}

/** Changes that end every barge `id` takes part in, silently. */
function silentTeardown(state: GatewayState, id: string, now: number): SessionChange[] {
  return endBargesOf(state.world, id, stamper(now, state.profile)).changes;
}

function putState(state: GatewayState, id: string, b: AgentStateBody): { guid: string | null } {
  const view = state.world.agent(id);
  if (!view) throw new AdminError(404, 'unknown-agent', `agent ${JSON.stringify(id)} is not in the fixtures; add it with PUT /__admin/fixtures`);
  const now = state.clock();
  if (!b.signedIn) {
    if (view.session) state.perform(adminDecision([...silentTeardown(state, id, now), { agent: id, session: null }], null, [id]), now);
    return { guid: null };
  }
  const changes: SessionChange[] = view.session ? silentTeardown(state, id, now) : [];
  const session: AgentSession = newSession({ status: b.status ?? GatewayStatus.Idle, alwaysOffHook: b.alwaysOffHook ?? false, loginTime: now });
  const { bargedBy } = b;
  if (bargedBy === undefined) {
    changes.push({ agent: id, session });
  } else {
    const inspector = state.world.agent(bargedBy);
    if (!inspector?.session) throw new AdminError(409, 'conflict', `"bargedBy" ${bargedBy} must be a signed-in agent; put it into a state first`);
    if (!inspector.account.inspector) throw new AdminError(409, 'conflict', `"bargedBy" ${bargedBy} has no inspection right in the fixtures`);
    if (inspector.session.barging !== null || bargedBy === id) throw new AdminError(409, 'conflict', `inspector ${bargedBy} is already barging ${inspector.session.barging ?? 'itself'}`);
    changes.push({ agent: id, session: sessionWith(session, { bargedBy }) });
    changes.push({ agent: bargedBy, session: sessionWith(inspector.session, { status: GatewayStatus.Talking, barging: id }) });
  }
  const issued = state.perform(adminDecision(changes, id, view.session ? [id] : []), now, b.guid);
  return { guid: issued ?? null };
}

function bulkSignIn(state: GatewayState, b: BulkSignInBody): { guids: Record<string, string> } {
  if (b.ids !== undefined && b.from !== undefined) fail('give either "ids" or "from" and "to", not both');
  let ids: readonly string[];
  if (b.ids !== undefined) ids = b.ids;
  else if (b.from !== undefined && b.to !== undefined) ids = accountsInRange(state, b.from, b.to);
  else fail('give "ids": [..] or "from" and "to"');
  // Every ID is checked before any is signed in: a bad list changes nothing.
  const unknown = ids.find((id) => !state.world.agent(id));
  if (unknown !== undefined) throw new AdminError(404, 'unknown-agent', `agent ${JSON.stringify(unknown)} is not in the fixtures; nobody was signed in`);
  const status = b.status ?? GatewayStatus.Idle;
  const now = state.clock();
  const guids: Record<string, string> = {};
  for (const id of ids) {
    const view = state.world.agent(id)!;
    const changes = view.session ? silentTeardown(state, id, now) : [];
    changes.push({ agent: id, session: newSession({ status, alwaysOffHook: false, loginTime: now }) });
    guids[id] = state.perform(adminDecision(changes, id, view.session ? [id] : []), now)!;
  }
  return { guids };
}

/**
 * The accounts whose ID lies from `from` to `to`, in numeric order. The work is bounded by the accounts the mock
 * has, not by the width of the range: a wide range walks the accounts instead of the numbers.
 */
function accountsInRange(state: GatewayState, from: number, to: number): string[] {
  if (from > to) fail(`"from" ${from} must not be greater than "to" ${to}`);
  const ids: string[] = [];
  if (to - from + 1 <= state.world.size) {
    for (let n = from; n <= to; n++) if (state.world.agent(String(n))) ids.push(String(n));
    return ids;
  }
  for (const a of state.world.agents()) {
    const n = Number(a.id);
    if (n >= from && n <= to) ids.push(a.id);
  }
  return ids.sort((x, y) => Number(x) - Number(y));
}
