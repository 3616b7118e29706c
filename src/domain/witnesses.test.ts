import { describe, expect, it } from 'vitest';
import { expectWitness, resolveCall, type WitnessParties } from './expect-witness.ts';
import { OPERATION_RULES, OPERATION_SUCCESS } from './index.ts';
import { PROFILES, withOverrides, type Profile } from './profiles.ts';
import { OPERATION_IDS, type OperationId } from './retcodes.ts';
import type { Witness } from './witness.ts';
import { ACCOUNTS, PARTIES } from './testing/witness-parties.ts';

function witnessesOf(operation: OperationId, witnesses: readonly Witness[]): Witness[] {
  return witnesses.filter((w) => w.only === undefined || w.only.includes(operation));
}

function decidedRule(operation: OperationId, w: Witness, profile: Profile): string {
  const call = resolveCall(operation, w, PARTIES, profile);
  if ('missing' in call) throw new Error(`${operation} ${w.name}: ${call.missing}`);
  return expectWitness(call, w.given, PARTIES, profile).decision.rule;
}

describe.each(Object.values(PROFILES).map((p) => [p.name, p] as const))('witnesses under %s', (_name, profile) => {
  for (const operation of OPERATION_IDS) {
    describe(operation, () => {
      for (const rule of OPERATION_RULES[operation]) {
        it(`every witness of ${rule.id} is decided by it (or, for a boundary, passes it)`, () => {
          const witnesses = witnessesOf(operation, rule.witnesses);
          expect(witnesses.length, `${operation}.${rule.id} has no witness: the rule suite would leave it unchecked`).toBeGreaterThan(0);
          expect(new Set(witnesses.map((w) => w.name)).size).toBe(witnesses.length);
          for (const w of witnesses) {
            const decided = decidedRule(operation, w, profile);
            if (w.expect === 'passes') expect(decided, `${w.name}: ${w.says}`).not.toBe(`${operation}.${rule.id}`);
            else expect(decided, `${w.name}: ${w.says}`).toBe(`${operation}.${rule.id}`);
          }
        });
      }
      it('every success witness succeeds', () => {
        const witnesses = OPERATION_SUCCESS[operation].witnesses;
        expect(witnesses.length).toBeGreaterThan(0);
        for (const w of witnesses) expect(decidedRule(operation, w, profile), `${w.name}: ${w.says}`).toBe(`${operation}.ok`);
      });
    });
  }
});

describe('expectations', () => {
  const profile = PROFILES['ccgw-2024'];
  const expectOf = (operation: OperationId, w: Witness, p: Profile = profile) => {
    const call = resolveCall(operation, w, PARTIES, p);
    if ('missing' in call) throw new Error(call.missing);
    return expectWitness(call, w.given, PARTIES, p);
  };

  it('a barge queues busy, alerting and off-hook for the inspector and BeQcStart for the target, and leaves the inspector talking', () => {
    const e = expectOf('addInsert', OPERATION_SUCCESS.addInsert.witnesses[0]!);
    expect(e.queued.get('30101')?.map((x) => x.eventType)).toEqual(['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook']);
    expect(e.queued.get('30201')).toEqual([{ eventType: 'AgentOther_BeQcStart', workNo: '30201', content: { qcType: 9, qcAgentId: 30101 } }]);
    expect(e.callerStatus).toEqual({ agentState: 7, isWorking: true });
  });

  it('a rejected call queues nothing and leaves the caller as it was', () => {
    const busy = OPERATION_RULES.addInsert.find((r) => r.id === 'inspectorNotIdle')!.witnesses[0]!;
    const e = expectOf('addInsert', busy);
    expect(e.decision.retcode).toBe('900-005');
    expect(e.queued.size).toBe(0);
    expect(e.callerStatus).toEqual({ agentState: 3, isWorking: false });
  });

  it('an event poll returns the first sign-in event, which the suite leaves unread', () => {
    const e = expectOf('getAgentEvent', OPERATION_SUCCESS.getAgentEvent.witnesses[0]!);
    expect(e.polledEvent?.eventType).toBe('AgentOther_InService');
    expect(e.queued.get('30101')?.map((x) => x.eventType)).toEqual(['AgentState_Ready']);
  });

  it('a forced sign-in over a barging session tells the target and starts a new queue', () => {
    const takeOver = OPERATION_SUCCESS.forceLogin.witnesses.find((w) => w.name === 'takes-over-barging')!;
    const e = expectOf('forceLogin', takeOver);
    expect(e.queued.get('30201')?.map((x) => x.eventType)).toEqual(['AgentOther_BeQcStop']);
    expect(e.queued.get('30101')?.map((x) => x.eventType)).toEqual(['AgentOther_InService', 'AgentState_Ready']);
  });

  it("follows the profile's answer to an undocumented case", () => {
    const signedOut = OPERATION_RULES.addInsert.find((r) => r.id === 'targetNotSignedIn')!.witnesses[0]!;
    expect(expectOf('addInsert', signedOut).decision.retcode).toBe('900-005');
    expect(expectOf('addInsert', signedOut, withOverrides(profile, { answers: { targetNotSignedIn: '900-003' } })).decision.retcode).toBe('900-003');
  });

  it('names what the fixtures lack instead of guessing an ID', () => {
    const partial: WitnessParties = { ...PARTIES, account: (role) => (role === 'otherVdnTarget' ? undefined : ACCOUNTS[role]), unconfiguredId: undefined, isUnconfigured: () => false, knowsEveryAccount: false };
    const otherVdn = OPERATION_RULES.addInsert.find((r) => r.id === 'otherVdn')!.witnesses[0]!;
    expect(resolveCall('addInsert', otherVdn, partial, profile)).toEqual({ missing: expect.stringContaining('another VDN') });
    const atMax = OPERATION_RULES.addInsert.find((r) => r.id === 'idOutOfRange.workNo')!.witnesses.find((w) => w.name === 'at-max')!;
    expect(resolveCall('addInsert', atMax, partial, profile)).toEqual({ missing: expect.stringContaining('59999') });
  });
});
