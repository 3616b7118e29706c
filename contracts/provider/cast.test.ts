import { describe, expect, it } from 'vitest';
import type { AgentAccount } from '../../src/domain/agent.ts';
import { demoFixtures, type LoadedFixtures } from '../../src/fixtures/index.ts';
import { castRoles, CastError } from './cast.ts';

function fixturesOf(accounts: readonly Omit<AgentAccount, 'phone' | 'password'>[]): LoadedFixtures {
  return { name: 'qa', source: 'qa.json', accounts: accounts.map((a) => ({ ...a, phone: `888${a.id}`, password: 'x-secret' })) };
}

describe('castRoles', () => {
  it('casts every role from the demo accounts, in the VDN that can play them all', () => {
    const cast = castRoles(demoFixtures());

    expect(Object.fromEntries(Object.entries(cast.accounts).map(([role, a]) => [role, a.id]))).toEqual({
      inspector: '30101',
      target: '30201',
      otherInspector: '30102',
      nonInspector: '30202',
      otherVdnTarget: '40201',
    });
    expect(cast.missing).toEqual({});
  });

  it('prefers the VDN that fills more roles, whatever comes first in the file', () => {
    const fixtures = fixturesOf([
      { id: '101', vdn: 7, inspector: true },
      { id: '201', vdn: 3, inspector: true },
      { id: '202', vdn: 3, inspector: false },
      { id: '203', vdn: 3, inspector: false },
    ]);

    const cast = castRoles(fixtures);

    expect(cast.accounts.inspector?.id).toBe('201');
    expect(cast.accounts.target?.id).toBe('202');
    expect(cast.accounts.nonInspector?.id).toBe('203');
  });

  it('names what the fixtures lack for each role nobody can play', () => {
    const fixtures = fixturesOf([
      { id: '101', vdn: 1, inspector: true },
      { id: '201', vdn: 1, inspector: false },
    ]);

    const cast = castRoles(fixtures);

    expect(cast.missing).toEqual({
      otherInspector: 'the fixtures "qa" (qa.json) lack a second agent with the inspection right in the inspector\'s VDN (role otherInspector); add one to the fixtures file',
      nonInspector: 'the fixtures "qa" (qa.json) lack a second agent without the inspection right in the inspector\'s VDN (role nonInspector); add one to the fixtures file',
      otherVdnTarget: 'the fixtures "qa" (qa.json) lack an agent without the inspection right in another VDN than the inspector (role otherVdnTarget); add one to the fixtures file',
    });
  });

  it('takes pinned accounts and casts the rest around them', () => {
    const cast = castRoles(demoFixtures(), { inspector: '30150', target: '30999' });

    expect(cast.accounts.inspector?.id).toBe('30150');
    expect(cast.accounts.target?.id).toBe('30999');
    expect(cast.accounts.otherInspector?.id).toBe('30101');
  });

  it('refuses a pinned account that is not in the fixtures, naming it', () => {
    expect(() => castRoles(demoFixtures(), { inspector: '12345' })).toThrow(
      new CastError('the inspector is pinned to agent 12345, which is not in the fixtures "demo" (built-in demo fixtures); add it or pin another agent'),
    );
  });

  it('refuses a pinned account that cannot play its role, naming why', () => {
    expect(() => castRoles(demoFixtures(), { inspector: '30201' })).toThrow(
      'the inspector is pinned to agent 30201, which has no inspection right in the fixtures; inspector needs an agent with the inspection right',
    );
    expect(() => castRoles(demoFixtures(), { otherVdnTarget: '30250' })).toThrow("the otherVdnTarget is pinned to agent 30250, which is in the inspector's VDN 1");
  });
});
