import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../domain/profiles.ts';
import { k6EnvironmentProblem } from './k6-environment-check.ts';

const check = (env: Record<string, string>, load = {}) => k6EnvironmentProblem({ scenario: 'throughput', profile: DEFAULT_PROFILE, load, env });

describe('the k6 environment, checked by ccgw before any phase', () => {
  it('accepts an environment with no CCGW_* variable, and good ones', () => {
    expect(check({ PATH: '/usr/bin' })).toBeUndefined();
    expect(check({ CCGW_POLL_PAUSE_MS: '200', CCGW_VALIDATE: '0', CCGW_EVENT_DEADLINE_MS: '500' }, { duration: '1h30m', rate: 50 })).toBeUndefined();
  });

  it('names a variable the k6 scripts would refuse, with their own message', () => {
    expect(check({ CCGW_POLL_PAUSE_MS: 'abc' })).toBe('CCGW_POLL_PAUSE_MS="abc" is not an integer from 0 to 10000; e.g. CCGW_POLL_PAUSE_MS=200');
    expect(check({ CCGW_VALIDATE: 'maybe' })).toMatch(/^CCGW_VALIDATE="maybe" must be 1 or 0/);
  });

  it('leaves the target to ccgw: a shell CCGW_GATEWAY, BASE_URL or CCGW_CA is not taken for a mismatch', () => {
    expect(check({ CCGW_GATEWAY: 'https://gw.example:8043', BASE_URL: 'http://127.0.0.1:9', CCGW_CA: '/nonexistent/ca.pem' })).toBeUndefined();
  });
});
