import { describe, expect, it } from 'vitest';
import { BargeLedger, invariantReport } from './invariant.ts';

describe('the barge ledger', () => {
  it('accepts alternating barges and cancels on a target', () => {
    const ledger = new BargeLedger();
    for (let i = 0; i < 3; i++) {
      expect(ledger.barge('30201', '30101')).toBeUndefined();
      expect(ledger.balance('30201')).toBe(1);
      expect(ledger.cancel('30201', '30101')).toBeUndefined();
    }
    expect(ledger.totals()).toEqual({ barges: 3, cancels: 3, violations: 0 });
    expect(ledger.open()).toEqual([]);
  });

  it('reports a second barge on a barged target, naming who barged', () => {
    const ledger = new BargeLedger();
    ledger.barge('30201', '30101');
    expect(ledger.barge('30201', '30102')).toEqual({ target: '30201', balance: 2, event: 'barge by 30102' });
    expect(ledger.open()).toEqual(['30201']);
  });

  it('reports a cancel without a barge', () => {
    const ledger = new BargeLedger();
    expect(ledger.cancel('30202', '30101')).toEqual({ target: '30202', balance: -1, event: 'cancel by 30101' });
    expect(ledger.totals().violations).toBe(1);
  });

  it('keeps targets apart', () => {
    const ledger = new BargeLedger();
    ledger.barge('30201', '30101');
    expect(ledger.barge('30202', '30102')).toBeUndefined();
    expect(ledger.open().sort()).toEqual(['30201', '30202']);
  });
});

describe('the invariant report from summary metrics', () => {
  it('holds with no violations and at most as many cancels as barges', () => {
    const r = invariantReport({ ccgw_barge_ok: { values: { count: 10 } }, ccgw_cancel_ok: { values: { count: 9 } } });
    expect(r).toEqual({ barges: 10, cancels: 9, openAtEnd: 1, violations: 0, auditViolations: 0, holds: true });
  });

  it('fails on a violation counted by a VU or by the mock', () => {
    expect(invariantReport({ ccgw_invariant_violations: { values: { count: 1 } } }).holds).toBe(false);
    expect(invariantReport({ ccgw_audit_violations: { values: { count: 2 } } }).holds).toBe(false);
    expect(invariantReport({ ccgw_barge_ok: { values: { count: 1 } }, ccgw_cancel_ok: { values: { count: 2 } } }).holds).toBe(false);
  });

  it('reads missing metrics as zero', () => {
    expect(invariantReport({})).toMatchObject({ barges: 0, holds: true });
  });
});
