/**
 * The admin API under `/__admin` (see docs/mock-gateway.md): reset, fixtures, direct agent states for Pact
 * provider states and fast load-test setup, faults, audit, snapshot and counters.
 *
 * @example
 * ```ts
 * const reply = handleAdmin(gateway, 'PUT', '/__admin/agents/30170/state', new URLSearchParams(), { signedIn: true, status: 4 });
 * ```
 */
import { GatewayStatus, newSession, sessionWith, type AgentSession } from '../domain/agent.ts';
import { endBargesOf } from '../domain/barge-teardown.ts';
import type { Decision, SessionChange } from '../domain/decision.ts';
import { stamper } from '../domain/stamp.ts';
import { FixturesError, parseFixtures } from '../fixtures/load-fixtures.ts';
import { FaultError, parseFaults } from './faults.ts';
import type { GatewayState } from './gateway-state.ts';
import type { Reply } from './reply.ts';

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
const STATUSES: readonly number[] = [GatewayStatus.Busy, GatewayStatus.Idle, GatewayStatus.WrapUp, GatewayStatus.Talking, GatewayStatus.Rest];

/** Answers one admin call. `body` is the parsed JSON body (undefined when empty). */
export function handleAdmin(host: AdminHost, method: string, path: string, query: URLSearchParams, body: unknown): Reply {
  try {
    return route(host, method, path, query, body);
  } catch (e) {
    if (e instanceof AdminError) return { status: e.status, json: { error: e.error, detail: e.message } };
    if (e instanceof FixturesError || e instanceof FaultError) return { status: 400, json: { error: 'bad-request', detail: e.message } };
    throw e;
  }
}

function route(host: AdminHost, method: string, path: string, query: URLSearchParams, body: unknown): Reply {
  const { state } = host;
  const parts = path.split('/').slice(2); // after /__admin
  const key = `${method} /${parts.map((p, i) => (parts[0] === 'agents' && i === 1 && p !== 'sign-in' ? ':id' : p)).join('/')}`;
  switch (key) {
    case 'GET /health':
      return ok({ ok: true, profile: state.profile.name, auth: host.authMode, agents: state.world.size, signedIn: state.world.signedInCount, version: host.version, pid: process.pid });
    case 'POST /reset': {
      const fixtures = (body as { fixtures?: unknown } | undefined)?.fixtures;
      if (fixtures !== undefined) state.replaceAccounts(parseFixtures(fixtures, { source: 'POST /__admin/reset fixtures', env: process.env, profile: state.profile }).accounts);
      state.reset();
      return ok({ ok: true, agents: state.world.size });
    }
    case 'PUT /fixtures': {
      const loaded = parseFixtures(body, { source: 'PUT /__admin/fixtures', env: process.env, profile: state.profile });
      state.replaceAccounts(loaded.accounts);
      return ok({ ok: true, agents: state.world.size });
    }
    case 'GET /agents/:id':
      return ok(describeAgent(state, parts[1]!));
    case 'PUT /agents/:id/state':
      return ok(putState(state, parts[1]!, body));
    case 'POST /agents/sign-in':
      return ok(bulkSignIn(state, body));
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

function putState(state: GatewayState, id: string, body: unknown): { guid: string | null } {
  const view = state.world.agent(id);
  if (!view) throw new AdminError(404, 'unknown-agent', `agent ${JSON.stringify(id)} is not in the fixtures; add it with PUT /__admin/fixtures`);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) fail('the body must be a JSON object such as { "signedIn": true, "status": 4 }');
  const b = body as Record<string, unknown>;
  const known = new Set(['signedIn', 'status', 'alwaysOffHook', 'guid', 'bargedBy']);
  for (const k of Object.keys(b)) if (!known.has(k)) fail(`unknown property ${JSON.stringify(k)}; use ${[...known].join(', ')}`);
  const now = state.clock();
  if (b['signedIn'] === false) {
    if (view.session) state.perform(adminDecision([...silentTeardown(state, id, now), { agent: id, session: null }], null, [id]), now);
    return { guid: null };
  }
  if (b['signedIn'] !== true) fail('"signedIn" must be true or false');
  const status = b['status'] ?? GatewayStatus.Idle;
  if (typeof status !== 'number' || !STATUSES.includes(status)) fail(`"status" ${JSON.stringify(status)} must be one of ${STATUSES.join(', ')}`);
  const alwaysOffHook = b['alwaysOffHook'] ?? false;
  if (typeof alwaysOffHook !== 'boolean') fail('"alwaysOffHook" must be true or false');
  const guid = b['guid'];
  if (guid !== undefined && (typeof guid !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(guid))) fail('"guid" must be a printable string without spaces');
  const changes: SessionChange[] = view.session ? silentTeardown(state, id, now) : [];
  const session: AgentSession = newSession({ status: status as AgentSession['status'], alwaysOffHook, loginTime: now });
  const bargedBy = b['bargedBy'];
  if (bargedBy === undefined) {
    changes.push({ agent: id, session });
  } else {
    if (typeof bargedBy !== 'string') fail('"bargedBy" must be an inspector ID string');
    const inspector = state.world.agent(bargedBy);
    if (!inspector?.session) throw new AdminError(409, 'conflict', `"bargedBy" ${bargedBy} must be a signed-in agent; put it into a state first`);
    if (!inspector.account.inspector) throw new AdminError(409, 'conflict', `"bargedBy" ${bargedBy} has no inspection right in the fixtures`);
    if (inspector.session.barging !== null || bargedBy === id) throw new AdminError(409, 'conflict', `inspector ${bargedBy} is already barging ${inspector.session.barging ?? 'itself'}`);
    changes.push({ agent: id, session: sessionWith(session, { bargedBy }) });
    changes.push({ agent: bargedBy, session: sessionWith(inspector.session, { status: GatewayStatus.Talking, barging: id }) });
  }
  const issued = state.perform(adminDecision(changes, id, view.session ? [id] : []), now, guid as string | undefined);
  return { guid: issued ?? null };
}

function bulkSignIn(state: GatewayState, body: unknown): { guids: Record<string, string> } {
  const b = (body ?? {}) as Record<string, unknown>;
  let ids: string[];
  if (Array.isArray(b['ids'])) {
    ids = b['ids'].map((x, i) => (typeof x === 'string' ? x : fail(`ids[${i}] must be an agent ID string`)));
  } else if (typeof b['from'] === 'number' && typeof b['to'] === 'number' && b['from'] <= b['to']) {
    ids = [];
    for (let n = b['from']; n <= b['to']; n++) if (state.world.agent(String(n))) ids.push(String(n));
  } else {
    fail('give "ids": [..] or "from" and "to" (from ≤ to)');
  }
  const status = b['status'] ?? GatewayStatus.Idle;
  if (status !== 3 && status !== 4 && status !== 5) fail(`"status" ${JSON.stringify(status)} must be 3, 4 or 5`);
  const now = state.clock();
  const guids: Record<string, string> = {};
  for (const id of ids) {
    const view = state.world.agent(id);
    if (!view) throw new AdminError(404, 'unknown-agent', `agent ${JSON.stringify(id)} is not in the fixtures`);
    const changes = view.session ? silentTeardown(state, id, now) : [];
    changes.push({ agent: id, session: newSession({ status, alwaysOffHook: false, loginTime: now }) });
    guids[id] = state.perform(adminDecision(changes, id, view.session ? [id] : []), now)!;
  }
  return { guids };
}
