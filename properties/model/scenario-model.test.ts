import { describe, expect, it } from 'vitest';
import type { QcScenario } from '../arbitraries/qc-scenario.ts';
import { DEFAULT_ANSWERS } from './documented-rules.ts';
import { expectedQcAnswer } from './scenario-model.ts';

const IDLE = { status: 4, alwaysOffHook: false } as const;
/** An idle inspector with its own Guid on an idle, unbarged agent of its VDN, valid path IDs, no CTI fault. */
const PLAIN: QcScenario = {
  callerKind: 'inspector',
  caller: IDLE,
  callerBarging: 'nothing',
  targetKind: 'agent',
  target: IDLE,
  targetBargedBy: 'nobody',
  agentidForm: { kind: 'ok' },
  workNoForm: { kind: 'ok' },
  guid: 'own',
  fault: null,
};
/** The same inspector barging the agent already. */
const BARGING: QcScenario = { ...PLAIN, caller: { status: 7, alwaysOffHook: false }, callerBarging: 'target', targetBargedBy: 'caller' };
// The busy-inspector, busy-target and no-barge answers told apart (by default all three are 900-005).
const ANSWERS = { ...DEFAULT_ANSWERS, targetAlreadyBarged: '900-003', cancelWithoutBarge: '900-004' };
const SETTINGS = { answers: ANSWERS, qcOnInspectors: false };

describe('the abstract model asked about one QC scenario', () => {
  it('lets the plain barge and the cancel of an existing barge succeed', () => {
    expect(expectedQcAnswer('addInsert', PLAIN, SETTINGS)).toBe('0');
    expect(expectedQcAnswer('cancelInsert', BARGING, SETTINGS)).toBe('0');
  });

  it('answers a path ID the pattern refuses before it looks at the caller, and one below 101 with 000-002', () => {
    expect(expectedQcAnswer('addInsert', { ...PLAIN, caller: null, agentidForm: { kind: 'mangled', how: 'hex' } }, SETTINGS)).toBe('http-404');
    expect(expectedQcAnswer('cancelInsert', { ...PLAIN, guid: 'missing', workNoForm: { kind: 'below-range', raw: '42' } }, SETTINGS)).toBe('000-002');
    expect(expectedQcAnswer('addInsert', { ...PLAIN, agentidForm: { kind: 'below-range', raw: '7' }, workNoForm: { kind: 'too-large', raw: '60000' } }, SETTINGS)).toBe('http-404');
  });

  it('answers a CTI fault only when every state check passes', () => {
    expect(expectedQcAnswer('addInsert', { ...PLAIN, fault: '900-001' }, SETTINGS)).toBe('900-001');
    expect(expectedQcAnswer('addInsert', { ...PLAIN, caller: { status: 3, alwaysOffHook: false }, fault: '900-001' }, SETTINGS)).toBe(ANSWERS.inspectorNotIdle);
    expect(expectedQcAnswer('cancelInsert', { ...BARGING, fault: '900-003' }, SETTINGS)).toBe('900-003');
    expect(expectedQcAnswer('cancelInsert', { ...PLAIN, fault: '900-003' }, SETTINGS)).toBe(ANSWERS.cancelWithoutBarge);
  });

  it('refuses a barge by an inspector who barges already, and one on an agent another inspector barges', () => {
    expect(expectedQcAnswer('addInsert', { ...PLAIN, callerBarging: 'bystander' }, SETTINGS)).toBe(ANSWERS.inspectorNotIdle);
    expect(expectedQcAnswer('addInsert', { ...PLAIN, targetBargedBy: 'other-inspector' }, SETTINGS)).toBe(ANSWERS.targetAlreadyBarged);
  });
});
