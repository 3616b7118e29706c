import { describe, expect, it } from 'vitest';
import { expectWitness, otherPassword, otherPhone, resolveCall, situationBody, type ResolvedCall, type WitnessParties } from './expect-witness.ts';
import { PROFILE_2024 } from './profiles.ts';
import { UNCONFIGURED_REQUIREMENT, ROLE_REQUIREMENTS, type AgentRole } from './roles.ts';
import type { Situation, Witness } from './witness.ts';
import { ACCOUNTS, PARTIES } from './testing/witness-parties.ts';

const IDLE = { status: 4 } as const;
const INSPECTOR = ACCOUNTS.inspector.id;

const witness = (given: Situation, when: Partial<Witness['when']> = {}): Witness => ({ name: 'w', says: 'a test witness', given, when: { caller: 'inspector', ...when } });
function expectationOf(operation: Parameters<typeof resolveCall>[0], w: Witness) {
  const call = resolveCall(operation, w, PARTIES, PROFILE_2024) as ResolvedCall;
  return expectWitness(call, w.given, PARTIES, PROFILE_2024);
}

describe('the bodies and values a witness sends', () => {
  it('signs a situation in with the account and releasephone false only when always off-hook', () => {
    expect(situationBody(ACCOUNTS.inspector, IDLE)).toEqual({ password: 'pw-a', phonenum: '88830101', status: 4, releasephone: true });
    expect(situationBody(ACCOUNTS.inspector, { status: 3, alwaysOffHook: true })).toMatchObject({ status: 3, releasephone: false });
  });

  it('makes a wrong password and a wrong phone that differ from the right ones and stay valid', () => {
    expect(otherPassword('pw-a')).toBe('not-the-password');
    expect(otherPassword('not-the-password')).toBe('not-the-password-either');
    expect(otherPhone('888')).toBe('8889');
    expect(otherPhone('8'.repeat(24))).toBe(`${'8'.repeat(23)}9`);
    expect(otherPhone('9'.repeat(24))).toBe(`${'9'.repeat(23)}8`);
  });

  it('sends a sign-in body with the wrong field, the omitted fields and the set fields of the witness', () => {
    const call = (body: NonNullable<Witness['when']['body']>) => (resolveCall('signIn', witness({}, { body }), PARTIES, PROFILE_2024) as ResolvedCall).body;
    expect(call({ wrong: 'password' })).toEqual({ password: 'not-the-password', phonenum: '88830101' });
    expect(call({ wrong: 'phonenum' })).toEqual({ password: 'pw-a', phonenum: '888301019' });
    expect(call({ omit: ['phonenum'], set: { status: 3 } })).toEqual({ password: 'pw-a', status: 3 });
    expect(resolveCall('addInsert', witness({}), PARTIES, PROFILE_2024)).toMatchObject({ body: undefined });
  });
});

describe('what a witness needs of the fixtures', () => {
  const lacking = (role: AgentRole): WitnessParties => ({ ...PARTIES, account: (r) => (r === role ? undefined : ACCOUNTS[r]) });

  it('names a role the witness needs only for the Guid it sends', () => {
    expect(resolveCall('addInsert', witness({ signedIn: { inspector: IDLE } }, { guid: { of: 'otherInspector' } }), lacking('otherInspector'), PROFILE_2024)).toEqual({
      missing: `the fixtures lack ${ROLE_REQUIREMENTS.otherInspector}`,
    });
  });

  it('names the unconfigured ID when the fixtures give none', () => {
    const w = witness({ signedIn: { inspector: IDLE } }, { workNo: { party: 'unconfigured' } });
    expect(resolveCall('addInsert', w, { ...PARTIES, unconfiguredId: undefined }, PROFILE_2024)).toEqual({ missing: `the fixtures lack ${UNCONFIGURED_REQUIREMENT}` });
  });

  it("names the profile's lowest or highest ID when the fixtures do not vouch for it, and not when they know every account", () => {
    const unsure: WitnessParties = { ...PARTIES, knowsEveryAccount: false, isUnconfigured: () => false };
    const at = (bound: 'min' | 'max', parties: WitnessParties) => resolveCall('addInsert', witness({ signedIn: { inspector: IDLE } }, { workNo: { bound } }), parties, PROFILE_2024);
    expect(at('min', unsure)).toEqual({ missing: expect.stringMatching(/^the fixtures lack ID 101 \(the profile's lowest\) in unconfiguredIds or as a test account/) });
    expect(at('max', unsure)).toEqual({ missing: expect.stringMatching(/^the fixtures lack ID 59999 \(the profile's highest\) in unconfiguredIds/) });
    expect(at('max', PARTIES)).toMatchObject({ workNo: '59999' });
    expect(at('max', { ...unsure, isUnconfigured: (id) => id === '59999' })).toMatchObject({ workNo: '59999' });
  });
});

describe('the expectation of a witness', () => {
  it('expects a caller that signed in again to have only the new session queued', () => {
    const e = expectationOf('addInsert', witness({ signedIn: { inspector: IDLE, target: IDLE } }, { workNo: { party: 'target' }, guid: 'previousSession' }));
    expect(e.decision.rule).toBe('addInsert.guidMismatch');
    expect(e.setupQueued.get(INSPECTOR)?.map((x) => x.eventType)).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    expect(e.signedInAfter.has(INSPECTOR)).toBe(true);
    expect(e.unread).toBeUndefined();
  });

  it('expects a caller whose session ended, by sign-out or by silence, to be signed out with nothing queued', () => {
    for (const sessionEndedBy of ['signOut', 'silence'] as const) {
      const e = expectationOf('heartbeat', witness({ sessionEndedBy }, { guid: 'endedSession' }));
      expect(e.decision.rule).toBe('heartbeat.notSignedIn');
      expect(e.signedInAfter.has(INSPECTOR)).toBe(false);
      expect(e.setupQueued.size).toBe(0);
      expect(e.callerStatus).toBeUndefined();
    }
  });

  it('leaves the events of an own-queue poll unread and expects the first of them', () => {
    const e = expectationOf('getAgentEvent', witness({ signedIn: { inspector: IDLE } }));
    expect(e.unread).toBe(INSPECTOR);
    expect(e.polledEvent?.eventType).toBe('AgentOther_InService');
    const other = expectationOf('getAgentEvent', witness({ signedIn: { inspector: IDLE, target: IDLE } }, { agentid: { party: 'target' } }));
    expect(other.unread).toBeUndefined();
    expect(other.polledEvent).toBeUndefined();
  });

  it('refuses a situation it cannot build, saying why', () => {
    expect(() => expectationOf('addInsert', witness({}, { guid: 'previousSession' }))).toThrow('guid previousSession needs the caller signed in');
    expect(() => expectationOf('heartbeat', witness({ signedIn: { inspector: IDLE } }, { guid: 'endedSession' }))).toThrow('guid endedSession needs the caller signed out in the situation');
    expect(() => expectationOf('heartbeat', witness({}))).toThrow("a witness that sends the caller's own Guid needs the caller signed in");
    expect(() => expectationOf('heartbeat', witness({ signedIn: { nonInspector: IDLE, target: IDLE }, barges: [{ inspector: 'nonInspector', target: 'target' }] }))).toThrow(
      'the situation cannot be built: the barge of 30202 into 30201 answers 900-002 (addInsert.noInspectionRight)',
    );
  });
});
