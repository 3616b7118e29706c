import { describe, expect, it } from 'vitest';
import { parseFaults, pickFault } from './faults.ts';

describe('faults', () => {
  it('combines matching faults and draws each at its rate', () => {
    const faults = parseFaults({ faults: [{ operation: '*', latencyMs: 10 }, { operation: 'addInsert', retcode: '900-003', rate: 0.5 }] });
    expect(pickFault(faults, 'addInsert', '1', () => 0.1)).toEqual({ latencyMs: 10, retcode: '900-003' });
    expect(pickFault(faults, 'addInsert', '1', () => 0.9)).toEqual({ latencyMs: 10 });
    expect(pickFault(faults, 'signIn', '1', () => 0.1)).toEqual({ latencyMs: 10 });
  });

  it('applies a fault limited to one agent only to that agent', () => {
    const faults = parseFaults({ faults: [{ operation: 'addInsert', agent: '30101', http: 503 }] });
    expect(pickFault(faults, 'addInsert', '30101', Math.random)).toEqual({ latencyMs: 0, http: 503 });
    expect(pickFault(faults, 'addInsert', '30102', Math.random)).toBeUndefined();
  });

  it.each([
    [{ faults: [{ operation: 'barge' }] }, 'faults[0].operation "barge" is not an operation'],
    [{ faults: [{ operation: 'addInsert', rate: 2, http: 500 }] }, '"faults[0].rate" 2 must be <= 1'],
    [{ faults: [{ operation: 'addInsert', http: 200 }] }, '"faults[0].http" 200 must be >= 400'],
    [{ faults: [{ operation: 'addInsert', latencyMs: 1e9 }] }, '"faults[0].latencyMs" 1000000000 must be <= 120000'],
    [{ faults: [{ operation: 'addInsert', latencyMs: 0.5 }] }, '"faults[0].latencyMs" 0.5 must be an integer'],
    [{ faults: Array.from({ length: 101 }, () => ({ operation: 'addInsert', http: 503 })) }, '"faults" has more than 100 items'],
    [{ faults: [{ operation: 'addInsert', retcode: '0' }] }, '"faults[0].retcode" "0" must match pattern'],
    [{ faults: [{ operation: 'addInsert' }] }, 'faults[0] has no effect'],
    [{ faults: [{ operation: 'addInsert', delay: 5 }] }, '"faults[0]" has an unknown property "delay"'],
    [{ nope: [] }, 'the body is missing "faults"'],
    [null, 'the body must be a JSON object, not null'],
  ])('refuses %j naming the problem', (body, message) => {
    expect(() => parseFaults(body)).toThrow(message);
  });
});
