import { describe, expect, it } from 'vitest';
import { GatewayStatus, newSession } from './agent.ts';
import { accepted, applyDecision, succeeded, type SessionChange } from './decision.ts';

describe('a successful decision', () => {
  it('answers retcode 0 with HTTP 200, an empty message, and changes, events, sign-ins and sign-outs only as given', () => {
    expect(accepted('heartbeat', { result: {} })).toEqual({
      operationId: 'heartbeat',
      retcode: '0',
      httpStatus: 200,
      rule: 'heartbeat.ok',
      message: '',
      changes: [],
      deliveries: [],
      signedIn: null,
      signedOut: [],
      result: {},
    });
  });

  it('names another success rule when one is given, and carries what the call changed', () => {
    const changes: SessionChange[] = [{ agent: '30170', session: null }];
    const d = accepted('forceLogout', { changes, signedOut: ['30170'], result: {} }, 'forceLogout.noPollTimeout');
    expect(d).toMatchObject({ rule: 'forceLogout.noPollTimeout', changes, signedOut: ['30170'], signedIn: null });
  });

  it('counts as succeeded only with HTTP 200 and retcode 0', () => {
    const ok = accepted('heartbeat', { result: {} });
    expect(succeeded(ok)).toBe(true);
    expect(succeeded({ ...ok, retcode: '100-006' })).toBe(false);
    expect(succeeded({ ...ok, retcode: '', httpStatus: 404 })).toBe(false);
    expect(succeeded({ ...ok, httpStatus: 404 })).toBe(false);
  });

  it('writes its session changes to the store in order', () => {
    const session = newSession({ status: GatewayStatus.Idle, alwaysOffHook: false, loginTime: 1 });
    const writes: [string, unknown][] = [];
    applyDecision({ setSession: (id, s) => writes.push([id, s]) }, accepted('logout', { changes: [{ agent: 'a', session }, { agent: 'b', session: null }], result: {} }));
    expect(writes).toEqual([['a', session], ['b', null]]);
  });
});
