import { describe, expect, it } from 'vitest';
import { compareRuns, type Finding } from './compare.ts';
import type { Case, LoadResult, RunSummary } from './run-summary.ts';
import { SAMPLE_PASSWORD, samplePassingRun } from './testing/sample-runs.ts';

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

/** The baseline with edits applied to a mutable copy. */
function variant(edit: (run: Mutable<RunSummary>) => void): RunSummary {
  const run = structuredClone(samplePassingRun()) as Mutable<RunSummary>;
  edit(run);
  return run as RunSummary;
}

function caseOf(run: Mutable<RunSummary>, id: string): Mutable<Case> {
  const c = run.phases.flatMap((p) => p.cases).find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c;
}

function storm(run: Mutable<RunSummary>): Mutable<LoadResult> {
  const l = run.phases[1]?.load?.[0];
  if (!l) throw new Error('no load');
  return l;
}

function kinds(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.severity}:${f.kind}`);
}

describe('compareRuns', () => {
  it('finds nothing between identical runs', () => {
    const result = compareRuns(samplePassingRun(), samplePassingRun());
    expect(result.findings).toEqual([]);
    expect(result.regressed).toBe(false);
    expect(result.counts).toEqual({ regression: 0, improvement: 0, change: 0 });
    expect(result.notes).toEqual([]);
  });

  it('names a case that now fails as a regression, with its failure message', () => {
    const b = variant((r) => {
      r.phases[0]!.outcome = 'failed';
      r.outcome = 'failed';
      Object.assign(caseOf(r, 'addinsert.ok'), { outcome: 'failed', failure: { message: 'expected retcode 0, got 900-002\nmore' } });
    });
    const { findings, regressed } = compareRuns(samplePassingRun(), b);
    expect(regressed).toBe(true);
    expect(findings).toEqual([
      { kind: 'outcome', severity: 'regression', caseId: 'addinsert.ok', title: 'addinsert by an idle inspector on a signed-in agent answers 0', phase: 'contracts', from: 'passed', to: 'failed', message: 'expected retcode 0, got 900-002' },
    ]);
  });

  it('names a case that passes again as an improvement, not a regression', () => {
    const failing = variant((r) => {
      r.phases[0]!.outcome = 'failed';
      r.outcome = 'failed';
      Object.assign(caseOf(r, 'addinsert.self'), { outcome: 'failed', failure: { message: 'boom' } });
    });
    const result = compareRuns(failing, samplePassingRun());
    expect(kinds(result.findings)).toEqual(['improvement:outcome']);
    expect(result.regressed).toBe(false);
  });

  it('reports the retcode the gateway now answers for the same situation', () => {
    const b = variant((r) => {
      caseOf(r, 'addinsert.target-not-signed-in').observed = { retcode: '900-003', httpStatus: 200 };
    });
    expect(compareRuns(samplePassingRun(), b).findings).toEqual([
      { kind: 'observed', severity: 'regression', caseId: 'addinsert.target-not-signed-in', title: 'addinsert on an agent that is not signed in answers 900-005', phase: 'contracts', field: 'retcode', from: '900-005', to: '900-003' },
    ]);
  });

  it('reports an HTTP status change, and ignores cases where one side observed nothing', () => {
    const b = variant((r) => {
      caseOf(r, 'addinsert.ok').observed = { retcode: '0', httpStatus: 401 };
      delete caseOf(r, 'addinsert.self').observed;
    });
    expect(compareRuns(samplePassingRun(), b).findings).toMatchObject([{ kind: 'observed', field: 'httpStatus', from: 200, to: 401 }]);
  });

  it('flags a p95 50% slower, and not a percentile that moved less than the threshold or less than minAbsoluteMs', () => {
    const b = variant((r) => {
      const ms = storm(r).latencyMs;
      ms['addInsert']!.p95 = 24; // 16 → 24: +50 %, +8 ms
      ms['addInsert']!.p90 = 16; // 14 → 16: +14 %: within 20 %
      ms['all']!.p50 = 9.5; // 8 → 9.5: +19 %
      ms['addInsert']!.p50 = 10.5; // 9 → 10.5: +17 %
      ms['all']!.p90 = 12; // unchanged
      ms['all']!.p95 = 15.9; // 14 → 15.9: +14 %
    });
    const { findings } = compareRuns(samplePassingRun(), b);
    expect(findings).toEqual([{ kind: 'latency', severity: 'regression', scenario: 'barge-storm', operation: 'addInsert', stat: 'p95', fromMs: 16, toMs: 24, deltaMs: 8, deltaPct: 50 }]);
  });

  it('does not call 1 ms → 2 ms a regression (+100 % but within minAbsoluteMs)', () => {
    const a = variant((r) => (storm(r).latencyMs['addInsert']!.p50 = 1));
    const b = variant((r) => (storm(r).latencyMs['addInsert']!.p50 = 2));
    expect(compareRuns(a, b).findings).toEqual([]);
    expect(compareRuns(a, b, { minAbsoluteMs: 0.5 }).findings).toMatchObject([{ kind: 'latency', stat: 'p50', deltaPct: 100 }]);
  });

  it('counts faster latency as an improvement', () => {
    const b = variant((r) => (storm(r).latencyMs['addInsert']!.p99 = 12));
    expect(compareRuns(samplePassingRun(), b).findings).toMatchObject([{ kind: 'latency', severity: 'improvement', stat: 'p99', deltaMs: -12, deltaPct: -50 }]);
  });

  it('follows the latency threshold it is given', () => {
    const b = variant((r) => (storm(r).latencyMs['addInsert']!.p95 = 19)); // 16 → 19: +18.75 %, +3 ms
    expect(compareRuns(samplePassingRun(), b).findings).toEqual([]);
    expect(kinds(compareRuns(samplePassingRun(), b, { latencyThresholdPct: 10 }).findings)).toEqual(['regression:latency']);
  });

  it('flags a throughput drop beyond the threshold and not a small one', () => {
    const drop = variant((r) => (storm(r).rps = 35)); // -30 %
    const wobble = variant((r) => (storm(r).rps = 45)); // -10 %
    expect(compareRuns(samplePassingRun(), drop).findings).toEqual([{ kind: 'throughput', severity: 'regression', scenario: 'barge-storm', fromRps: 50, toRps: 35, deltaPct: -30 }]);
    expect(compareRuns(samplePassingRun(), wobble).findings).toEqual([]);
  });

  it('flags invariant violations that appear, with their detail', () => {
    const b = variant((r) => {
      storm(r).invariant = { violations: 3, detail: ['agent 30170 barged twice'] };
      r.phases[1]!.outcome = 'failed';
      r.outcome = 'failed';
    });
    expect(compareRuns(samplePassingRun(), b).findings).toEqual([{ kind: 'invariant', severity: 'regression', scenario: 'barge-storm', from: 0, to: 3, detail: ['agent 30170 barged twice'] }]);
  });

  it('flags a k6 threshold that was met and is now crossed', () => {
    const b = variant((r) => {
      storm(r).thresholds = [{ metric: 'http_req_duration{operation:addInsert}', expression: 'p(95)<200', ok: false, value: 230 }];
    });
    expect(compareRuns(samplePassingRun(), b).findings).toContainEqual({ kind: 'threshold', severity: 'regression', scenario: 'barge-storm', metric: 'http_req_duration{operation:addInsert}', expression: 'p(95)<200', fromOk: true, toOk: false, toValue: 230 });
  });

  it('lists appeared, disappeared and newly skipped cases as changes, and a new failing case as a regression', () => {
    const b = variant((r) => {
      const cases = r.phases[0]!.cases;
      cases.splice(cases.findIndex((c) => c.id === 'addinsert.self'), 1);
      caseOf(r, 'addinsert.ok').outcome = 'skipped';
      caseOf(r, 'addinsert.ok').skipReason = 'the inspector account is locked';
      cases.push({ id: 'addinsert.new-pass', title: 'new passing', kind: 'check', outcome: 'passed', durationMs: 1 });
      cases.push({ id: 'addinsert.new-fail', title: 'new failing', kind: 'check', outcome: 'failed', durationMs: 1, failure: { message: 'nope' } });
      r.phases[0]!.outcome = 'failed';
      r.outcome = 'failed';
    });
    const { findings } = compareRuns(samplePassingRun(), b);
    expect(findings.map((f) => (f.kind === 'outcome' ? `${f.severity} ${f.caseId} ${f.from}→${f.to}${f.message ? ` (${f.message})` : ''}` : f.kind))).toEqual([
      'regression addinsert.new-fail absent→failed (nope)',
      'change addinsert.ok passed→skipped (the inspector account is locked)',
      'change addinsert.new-pass absent→passed',
      'change addinsert.self passed→absent',
    ]);
  });

  it('lists scenarios and load retcodes seen on one side only as changes', () => {
    const b = variant((r) => {
      storm(r).retcodes['addInsert'] = { '0': 2390, '000-007': 10 };
      const l = storm(r);
      r.phases[1]!.load = [l, { ...structuredClone(l), scenario: 'soak' }];
    });
    const { findings, regressed } = compareRuns(samplePassingRun(), b);
    expect(regressed).toBe(false);
    expect(findings).toEqual([
      { kind: 'load-retcode', severity: 'change', scenario: 'barge-storm', operation: 'addInsert', retcode: '000-007', fromCount: 0, toCount: 10 },
      { kind: 'scenario', severity: 'change', scenario: 'soak', presentIn: 'b' },
    ]);
  });

  it('finds all three differences of an upgrade at once, regressions first', () => {
    const b = variant((r) => {
      r.phases[0]!.outcome = 'failed';
      r.outcome = 'failed';
      Object.assign(caseOf(r, 'addinsert.self'), { outcome: 'failed', failure: { message: 'expected 000-005, got 0' } });
      caseOf(r, 'addinsert.target-not-signed-in').observed = { retcode: '900-003', httpStatus: 200 };
      storm(r).latencyMs['addInsert']!.p95 = 24;
    });
    const result = compareRuns(samplePassingRun(), b);
    expect(kinds(result.findings)).toEqual(['regression:observed', 'regression:outcome', 'regression:latency']);
    expect(result.counts).toEqual({ regression: 3, improvement: 0, change: 0 });
  });

  it('notes how the runs were made differently', () => {
    const b = variant((r) => {
      r.target.profile = 'ccgw-2025';
      r.tool.version = '0.2.0';
    });
    expect(compareRuns(samplePassingRun(), b).notes).toEqual([
      'The runs expected different profiles (ccgw-2024 vs ccgw-2025): retcode differences may come from the profiles, not the gateways.',
      'The runs were made by different ccgw versions (0.1.0 vs 0.2.0).',
    ]);
  });

  it('carries no secret from the runs into the comparison', () => {
    const b = variant((r) => {
      r.phases[0]!.outcome = 'failed';
      r.outcome = 'failed';
      Object.assign(caseOf(r, 'addinsert.ok'), { outcome: 'failed', failure: { message: `echoed {"password":"${SAMPLE_PASSWORD}"}` } });
    });
    expect(JSON.stringify(compareRuns(samplePassingRun(), b))).not.toContain(SAMPLE_PASSWORD);
  });

  it('rejects a negative threshold, naming it', () => {
    expect(() => compareRuns(samplePassingRun(), samplePassingRun(), { latencyThresholdPct: -1 })).toThrow('compareRuns: latencyThresholdPct -1 is not valid; use a number ≥ 0');
  });
});
