import { describe, expect, it } from 'vitest';
import { GatewayStatus } from './agent.ts';
import type { InMemoryWorld } from './in-memory-world.ts';
import { PROFILE_2024, PROFILE_2025, withOverrides } from './profiles.ts';
import { describeProvenance } from './provenance.ts';
import { isListedFor } from './retcodes.ts';
import { decideSignIn, signInEventTypes, signInRules, type SignInCall } from './sign-in.ts';
import { AGENT, INSPECTOR, NOT_CONFIGURED, NOW, barged, scenarioWorld, signedIn } from './testing/scenario.ts';

const body = (over: Record<string, unknown> = {}) => ({ password: `pw-${INSPECTOR}`, phonenum: `888${INSPECTOR}`, ...over });
const call = (over: Partial<SignInCall> = {}): SignInCall => ({ agentid: INSPECTOR, body: body(), force: false, ...over });

const scenarios: Record<string, { arrange?: (w: InMemoryWorld) => void; call: SignInCall; expect: string }> = {
  'pathMismatch.agentid': { call: call({ agentid: '3016９' }), expect: 'http-404' },
  'idOutOfRange.agentid': { call: call({ agentid: '42' }), expect: '000-002' },
  bodyMissingField: { call: call({ body: { phonenum: '88830169' } }), expect: '100-001' },
  bodyInvalidField: { call: call({ body: body({ status: 9 }) }), expect: '100-011' },
  badAgentType: { call: call({ body: body({ agenttype: 7 }) }), expect: '100-012' },
  badIp: { call: call({ body: body({ ip: '300.1.1.1' }) }), expect: '100-016' },
  emptyPassword: { call: call({ body: body({ password: '' }) }), expect: '100-004' },
  unknownAgent: { call: call({ agentid: NOT_CONFIGURED }), expect: '100-004' },
  wrongPassword: { call: call({ body: body({ password: 'nope' }) }), expect: '100-004' },
  phoneMismatch: { call: call({ body: body({ phonenum: '1' }) }), expect: '100-013' },
  alreadySignedIn: { arrange: (w) => signedIn(w, INSPECTOR), call: call(), expect: '100-002' },
  ctiFault: { call: call({ fault: '100-003' }), expect: '100-003' },
};

describe('sign-in: each rule answers its retcode', () => {
  it('has a scenario for every rule', () => {
    expect(Object.keys(scenarios).sort()).toEqual(signInRules.map((r) => r.id).sort());
  });
  for (const rule of signInRules) {
    const s = scenarios[rule.id]!;
    it(`${rule.title} → ${s.expect} — ${describeProvenance(rule.provenance)}`, () => {
      const w = scenarioWorld();
      s.arrange?.(w);
      const d = decideSignIn(w, s.call, PROFILE_2024, NOW);
      expect(d.rule).toBe(`signIn.${rule.id}`);
      expect(d.httpStatus === 404 ? 'http-404' : d.retcode).toBe(s.expect);
      if (d.httpStatus === 200) expect(isListedFor('signIn', d.retcode)).toBe(true);
    });
  }
});

describe('sign-in: success', () => {
  it('returns the documented result and issues a session (EN/cec_07_1202)', () => {
    const d = decideSignIn(scenarioWorld(), call(), PROFILE_2024, NOW);
    expect(d.retcode).toBe('0');
    expect(d.signedIn).toBe(INSPECTOR);
    expect(d.result).toEqual({ vdnid: 1, workno: INSPECTOR, mediatype: 'TTF', loginTime: String(NOW), isForceChange: 'false', serverName: 'AgentGateway', timeRemaining: '' });
  });

  it.each([
    [4, ['AgentOther_InService', 'AgentState_Ready']],
    [3, ['AgentOther_InService', 'AgentState_Ready', 'AgentState_SetNotReady_Success']],
    [5, ['AgentOther_InService', 'AgentState_Ready', 'AgentState_Work']],
  ])('with status %i triggers %j (EN/cec_07_1202)', (status, events) => {
    const d = decideSignIn(scenarioWorld(), call({ body: body({ status }) }), PROFILE_2024, NOW);
    expect(d.deliveries.map((x) => x.event.eventType)).toEqual(events);
    expect(d.changes.at(-1)!.session!.status).toBe(status);
  });

  it('reads the body as Jackson does: numbers and booleans as strings, nulls as defaults, unknown fields ignored', () => {
    const d = decideSignIn(scenarioWorld(), call({ body: body({ status: '3', agenttype: '11', releasephone: 'FALSE', autoanswer: 'true', ip: null, entryIp: null, pushUrl: 'x' }) }), PROFILE_2024, NOW);
    expect(d.retcode).toBe('0');
    expect(d.changes.at(-1)!.session).toMatchObject({ status: 3, alwaysOffHook: true });
    for (const bad of [{ status: '03' }, { status: ' 3' }, { releasephone: 'yes' }, { releasephone: 1 }]) {
      expect(decideSignIn(scenarioWorld(), call({ body: body(bad) }), PROFILE_2024, NOW).retcode, JSON.stringify(bad)).toBe('100-011');
    }
  });

  it('answers a first sign-in with an empty message, a new idle session, and no one signed out', () => {
    const d = decideSignIn(scenarioWorld(), call(), PROFILE_2024, NOW);
    expect(d).toMatchObject({ operationId: 'signIn', rule: 'signIn.ok', message: '', signedOut: [] });
    expect(d.changes).toEqual([{ agent: INSPECTOR, session: { status: GatewayStatus.Idle, alwaysOffHook: false, loginTime: NOW, barging: null, bargedBy: null } }]);
  });

  it('refuses an empty password as wrong unless the account has one, and as empty when the profile says 100-001', () => {
    const w = scenarioWorld();
    expect(decideSignIn(w, call({ body: body({ password: '' }) }), PROFILE_2024, NOW).rule).toBe('signIn.emptyPassword');
    w.addAccount({ ...w.agent(INSPECTOR)!.account, password: '' });
    expect(decideSignIn(w, call({ body: body({ password: '' }) }), PROFILE_2024, NOW).rule).toBe('signIn.ok');
    const refusing = withOverrides(PROFILE_2024, { answers: { emptyPassword: '100-001' } });
    expect(decideSignIn(w, call({ body: body({ password: '' }) }), refusing, NOW)).toMatchObject({ rule: 'signIn.emptyPassword', retcode: '100-001' });
    expect(decideSignIn(w, call({ body: body({ password: '' }) }), PROFILE_2024, NOW).rule).toBe('signIn.ok');
  });

  it('refuses an empty password of an agent without an account as it refuses any password for it', () => {
    expect(decideSignIn(scenarioWorld(), call({ agentid: NOT_CONFIGURED, body: body({ password: '' }) }), PROFILE_2024, NOW).retcode).toBe('100-004');
  });

  it('says which body field is wrong and why', () => {
    expect(decideSignIn(scenarioWorld(), call({ body: body({ status: 9 }) }), PROFILE_2024, NOW).message).toMatch(/ — status must be 3 \(busy\), 4 \(idle\) or 5 \(wrap-up\)/);
  });

  it('remembers releasephone false as always off-hook', () => {
    const d = decideSignIn(scenarioWorld(), call({ body: body({ releasephone: false }) }), PROFILE_2024, NOW);
    expect(d.changes.at(-1)!.session!.alwaysOffHook).toBe(true);
  });
});

describe('forcelogin', () => {
  it('takes over a signed-in agent: the old session ends and a new one starts', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR, GatewayStatus.Busy);
    const d = decideSignIn(w, call({ force: true }), PROFILE_2024, NOW);
    expect(d.operationId).toBe('forceLogin');
    expect(d.retcode).toBe('0');
    expect(d.signedOut).toEqual([INSPECTOR]);
    expect(d.signedIn).toBe(INSPECTOR);
  });

  it('ends the barge the old session held and tells the target', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const d = decideSignIn(w, call({ force: true }), PROFILE_2024, NOW);
    w.apply(d);
    expect(w.agent(AGENT)!.session!.bargedBy).toBeNull();
    expect(w.agent(INSPECTOR)!.session!.barging).toBeNull();
    expect(d.deliveries.filter((x) => x.to === AGENT).map((x) => x.event.eventType)).toEqual(['AgentOther_BeQcStop']);
  });
});

describe('signInEventTypes: the events a sign-in queues for the agent', () => {
  it.each([
    [4, ['AgentOther_InService', 'AgentState_Ready']],
    [3, ['AgentOther_InService', 'AgentState_Ready', 'AgentState_SetNotReady_Success']],
    [5, ['AgentOther_InService', 'AgentState_Ready', 'AgentState_Work']],
  ] as const)('with status %i lists %j, as decideSignIn delivers them (EN/cec_07_1202)', (status, events) => {
    const delivered = decideSignIn(scenarioWorld(), call({ body: body({ status }) }), PROFILE_2024, NOW).deliveries.map((x) => x.event.eventType);

    expect(signInEventTypes(status)).toEqual(events);
    expect(signInEventTypes(status)).toEqual(delivered);
  });

  it('lists only the agent\'s own events even when the sign-in takes over a barge (the target\'s BeQcStop is not among them)', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const takeover = decideSignIn(w, call({ force: true }), PROFILE_2024, NOW).deliveries.filter((x) => x.to === INSPECTOR).map((x) => x.event.eventType);

    expect(signInEventTypes(4)).toEqual(takeover);
  });

  it('gives the same list under every profile (events do not depend on the ID range)', () => {
    expect(signInEventTypes(3, PROFILE_2025)).toEqual(signInEventTypes(3, PROFILE_2024));
  });

  it('refuses a status a sign-in cannot have, naming it', () => {
    expect(() => signInEventTypes(7 as 4)).toThrow('a sign-in status is 3 (busy), 4 (idle) or 5 (wrap-up), not 7');
  });
});
