import { describe, expect, it } from 'vitest';
import { decideCall } from './decide-call.ts';
import { PROFILE_2024 } from './profiles.ts';
import { INSPECTOR, NOW, scenarioWorld, signedIn } from './testing/scenario.ts';

describe('any operation through one entry', () => {
  it('decides updateGuid as a session call', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    expect(decideCall('updateGuid', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024, NOW)).toMatchObject({ rule: 'updateGuid.ok', result: {} });
    expect(decideCall('updateGuid', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024, NOW).result).toEqual({});
  });

  it('sends a missing workNo as an empty path segment, which fails the path pattern', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    for (const op of ['addInsert', 'cancelInsert', 'agentByWorkNo'] as const) {
      expect(decideCall(op, w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024, NOW).message, op).toBe('no resource matches: workNo "" is empty');
    }
  });
});
