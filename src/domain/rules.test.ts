import { describe, expect, it } from 'vitest';
import { addInsertRules } from './add-insert.ts';
import { PROFILE_2024 } from './profiles.ts';
import { answerOf, precedenceTable, reject, type Rule } from './rules.ts';
import type { RuleContext } from './rules.ts';
import { describeRetcode } from './retcodes.ts';

const rule = (over: Partial<Rule<RuleContext>> = {}): Rule<RuleContext> => ({
  id: 'someRule',
  title: 'something is wrong',
  provenance: { kind: 'inferred', reason: 'for this test only' },
  answer: { retcode: '900-005' },
  applies: () => true,
  witnesses: [],
  ...over,
});

describe('a rejected call', () => {
  it('answers the rule\'s retcode with its title, and changes, queues, signs in and out nothing', () => {
    expect(reject('addInsert', rule(), { profile: PROFILE_2024 })).toEqual({
      operationId: 'addInsert',
      retcode: '900-005',
      httpStatus: 200,
      rule: 'addInsert.someRule',
      message: `${describeRetcode('900-005')} — something is wrong`,
      changes: [],
      deliveries: [],
      signedIn: null,
      signedOut: [],
      result: {},
    });
  });

  it('says the rule\'s detail instead of its title when the rule has one', () => {
    expect(reject('addInsert', rule({ detail: () => 'the detail' }), { profile: PROFILE_2024 }).message).toBe(`${describeRetcode('900-005')} — the detail`);
  });

  it('answers HTTP 404 with no retcode when the profile answers the rule so', () => {
    expect(reject('addInsert', rule({ answer: { setting: 'pathMismatch' } }), { profile: PROFILE_2024 })).toEqual({
      operationId: 'addInsert',
      retcode: '',
      httpStatus: 404,
      rule: 'addInsert.someRule',
      message: 'no resource matches: something is wrong',
      changes: [],
      deliveries: [],
      signedIn: null,
      signedOut: [],
      result: {},
    });
  });

  it('answers the injected fault, and refuses to guess one that was not given', () => {
    const fault = rule({ answer: { injectedFault: true } });
    expect(answerOf(fault as Rule<never>, PROFILE_2024, '900-003')).toBe('900-003');
    expect(() => answerOf(fault as Rule<never>, PROFILE_2024)).toThrow('rule someRule answers with the injected fault, but no fault was given');
  });
});

describe('the precedence table', () => {
  it('ranks the rules from 1 in their order, with their operation-qualified IDs and the answer under the profile', () => {
    const table = precedenceTable('addInsert', addInsertRules as readonly Rule<never>[], PROFILE_2024);
    expect(table.map((r) => r.rank)).toEqual(addInsertRules.map((_, i) => i + 1));
    expect(table.map((r) => r.rule)).toEqual(addInsertRules.map((r) => `addInsert.${r.id}`));
    expect(table.find((r) => r.rule === 'addInsert.selfTarget')).toMatchObject({ title: 'the target is the inspector himself', answer: '000-005' });
    expect(table.at(-1)).toMatchObject({ rule: 'addInsert.ctiFault', answer: 'the injected fault (900-001 or 900-003)' });
  });
});
