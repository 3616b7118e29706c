import { describe, expect, it } from 'vitest';
import { decideAddInsert } from './add-insert.ts';
import { BARGING, callerRules, IDLE, without } from './common-rules.ts';
import { PROFILE_2024 } from './profiles.ts';
import { AGENT, INSPECTOR, NOW, scenarioWorld, signedIn } from './testing/scenario.ts';

describe('the shared rules: what their answers say', () => {
  const world = () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    return w;
  };

  it('tells a missing Guid from one that does not match', () => {
    expect(decideAddInsert(world(), { agentid: INSPECTOR, workNo: AGENT, auth: 'missing' }, PROFILE_2024, NOW).message).toMatch(/ — no Guid header was sent$/);
    expect(decideAddInsert(world(), { agentid: INSPECTOR, workNo: AGENT, auth: 'mismatch' }, PROFILE_2024, NOW).message).toMatch(
      / — the Guid header does not match the one issued to this agent$/,
    );
  });

  it('names the bad path ID, its raw value and why, for the pattern and for the range', () => {
    expect(decideAddInsert(world(), { agentid: INSPECTOR, workNo: '0101', auth: 'valid' }, PROFILE_2024, NOW).message).toBe('no resource matches: workNo "0101" has a leading zero');
    expect(decideAddInsert(world(), { agentid: '100', workNo: AGENT, auth: 'valid' }, PROFILE_2024, NOW).message).toMatch(/ — agentid "100" is below 101$/);
  });
});

describe('a situation without one role', () => {
  it('signs the role out and drops every barge it takes part in, keeping the rest', () => {
    expect(without(BARGING, 'target')).toEqual({ signedIn: { inspector: IDLE }, barges: undefined });
    const two = { signedIn: { inspector: IDLE, target: IDLE, nonInspector: IDLE }, barges: [{ inspector: 'inspector' as const, target: 'target' as const }] };
    expect(without(two, 'nonInspector')).toEqual({ signedIn: { inspector: IDLE, target: IDLE }, barges: two.barges });
    expect(without(two, 'inspector').barges).toBeUndefined();
    const crossed = { ...two, barges: [...two.barges, { inspector: 'otherInspector' as const, target: 'nonInspector' as const }] };
    expect(without(crossed, 'target').barges).toEqual([{ inspector: 'otherInspector', target: 'nonInspector' }]);
  });

  it('refuses a base call made by the unconfigured party', () => {
    expect(() => callerRules('x', { given: {}, when: { caller: 'unconfigured' } } as never)).toThrow('a base call is made by an account, not by the unconfigured party');
  });
});
