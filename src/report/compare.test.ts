import { describe, expect, it } from 'vitest';
import { compareRuns, type Finding, type RunLatencies } from './compare.ts';
import type { Case, LoadResult, RuleCoverage, RunSummary } from './run-summary.ts';
import { latenciesOf, sampleLatencies } from './testing/sample-latencies.ts';
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

/** The sample runs' barge-storm calls: addInsert around 9 ms, cancelInsert around 4 ms. */
function storms(seed: number, addInsertShiftMs = 0): RunLatencies {
  return latenciesOf('barge-storm', {
    addInsert: sampleLatencies(60, 9, seed).map((v) => v + addInsertShiftMs),
    cancelInsert: sampleLatencies(60, 4, seed + 100),
  });
}

const SAME = { a: storms(1), b: storms(2) };

function rule(id: string, outcome: RuleCoverage['outcome'], detail?: string): RuleCoverage {
  return {
    rule: id,
    operation: 'addInsert',
    rank: 1,
    title: `the situation of ${id}`,
    provenance: 'documented',
    source: 'addinsert-interface.txt',
    expected: '900-005',
    outcome,
    caseIds: [`rules.${id}`],
    counts: { passed: outcome === 'passed' ? 1 : 0, failed: outcome === 'failed' ? 1 : 0, skipped: outcome === 'skipped' ? 1 : 0 },
    ...(detail ? { detail } : {}),
  };
}

function withRules(rows: RuleCoverage[]): RunSummary {
  return variant((r) => {
    r.phases.push({ name: 'rules', outcome: rows.some((x) => x.outcome === 'failed') ? 'failed' : 'passed', durationMs: 1, cases: [], coverage: rows as Mutable<RuleCoverage>[] });
  });
}

describe('compareRuns', () => {
  it('finds nothing between identical runs whose calls come from one distribution', () => {
    const result = compareRuns(samplePassingRun(), samplePassingRun(), {}, SAME);
    expect(result.findings).toEqual([]);
    expect(result.latency.map((r) => `${r.scenario} ${r.operation} ${r.verdict}`)).toEqual(['barge-storm addInsert not-significant', 'barge-storm cancelInsert not-significant']);
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
    const { findings, regressed } = compareRuns(samplePassingRun(), b, {}, SAME);
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
    const result = compareRuns(failing, samplePassingRun(), {}, SAME);
    expect(kinds(result.findings)).toEqual(['improvement:outcome']);
    expect(result.regressed).toBe(false);
  });

  it('reports the retcode the gateway now answers for the same situation', () => {
    const b = variant((r) => {
      caseOf(r, 'addinsert.target-not-signed-in').observed = { retcode: '900-003', httpStatus: 200 };
    });
    expect(compareRuns(samplePassingRun(), b, {}, SAME).findings).toEqual([
      { kind: 'observed', severity: 'regression', caseId: 'addinsert.target-not-signed-in', title: 'addinsert on an agent that is not signed in answers 900-005', phase: 'contracts', field: 'retcode', from: '900-005', to: '900-003' },
    ]);
  });

  it('reports an HTTP status change, and ignores cases where one side observed nothing', () => {
    const b = variant((r) => {
      caseOf(r, 'addinsert.ok').observed = { retcode: '0', httpStatus: 401 };
      delete caseOf(r, 'addinsert.self').observed;
    });
    expect(compareRuns(samplePassingRun(), b, {}, SAME).findings).toMatchObject([{ kind: 'observed', field: 'httpStatus', from: 200, to: 401 }]);
  });

  it('names an operation 300 ms slower on the raw samples as a regression, with its size and confidence', () => {
    const result = compareRuns(samplePassingRun(), samplePassingRun(), {}, { a: storms(1), b: storms(2, 300) });
    expect(result.regressed).toBe(true);
    expect(result.findings).toHaveLength(1);
    const f = result.findings[0]!;
    if (f.kind !== 'latency') throw new Error(`expected a latency finding, got ${f.kind}`);
    expect([f.severity, f.scenario, f.operation, f.a.n, f.b.n]).toEqual(['regression', 'barge-storm', 'addInsert', 60, 60]);
    expect(f.b.medianMs! - f.a.medianMs!).toBeCloseTo(300, -1);
    expect(f.test.shiftMs).toBeCloseTo(300, -1);
    expect(f.test.shiftPct).toBeGreaterThan(3000);
    expect(f.test.interval).toMatchObject({ confidence: 0.98 });
    expect(f.test.interval.lowMs).toBeGreaterThan(290);
    expect(f.test.pSlower).toBeLessThan(1e-15);
  });

  it('never judges percentiles: a p95 50 % slower in the summary alone is no regression', () => {
    const b = variant((r) => (storm(r).latencyMs['addInsert']!.p95 = 24));
    expect(compareRuns(samplePassingRun(), b, {}, SAME).regressed).toBe(false);
  });

  it('reports latency as not judged, a change, when a run has no raw samples, with the percentiles for information', () => {
    const b = variant((r) => (storm(r).latencyMs['addInsert']!.p95 = 240));
    const result = compareRuns(samplePassingRun(), b, {}, { b: storms(2, 300) });
    expect(result.regressed).toBe(false);
    expect(result.findings).toEqual([{ kind: 'latency-not-judged', severity: 'change', scenario: 'barge-storm', reason: 'no-raw-samples', detail: 'run A: no raw samples were loaded for this run' }]);
    expect(result.latency).toEqual([{ scenario: 'barge-storm', operation: 'addInsert', verdict: 'no-raw-samples', percentilesMs: { p50: [9, 9], p95: [16, 240] } }]);
    const missing: RunLatencies = new Map([['barge-storm', { missing: 'runs/b/load/samples.csv.gz cannot be read (ENOENT)' }]]);
    expect(compareRuns(samplePassingRun(), b, {}, { a: storms(1), b: missing }).findings).toMatchObject([{ kind: 'latency-not-judged', detail: 'run B: runs/b/load/samples.csv.gz cannot be read (ENOENT)' }]);
  });

  it('reports an operation with fewer than 20 calls as too few samples to judge, a change', () => {
    const few = latenciesOf('barge-storm', { addInsert: sampleLatencies(12, 9, 3).map((v) => v + 300), cancelInsert: sampleLatencies(60, 4, 103) });
    const result = compareRuns(samplePassingRun(), samplePassingRun(), {}, { a: storms(1), b: few });
    expect(result.regressed).toBe(false);
    expect(result.findings).toEqual([{ kind: 'latency-not-judged', severity: 'change', scenario: 'barge-storm', operation: 'addInsert', reason: 'too-few-samples', nA: 60, nB: 12 }]);
  });

  it('counts significantly faster latency as an improvement', () => {
    const result = compareRuns(samplePassingRun(), samplePassingRun(), {}, { a: storms(1, 40), b: storms(2) });
    expect(kinds(result.findings)).toEqual(['improvement:latency']);
  });

  it('follows the floors and the level it is given', () => {
    const latencies = { a: storms(1), b: storms(2, 4) }; // +4 ms: +44 % of 9 ms, under 5 ms
    expect(compareRuns(samplePassingRun(), samplePassingRun(), {}, latencies).regressed).toBe(false);
    expect(kinds(compareRuns(samplePassingRun(), samplePassingRun(), { minAbsoluteMs: 3 }, latencies).findings)).toEqual(['regression:latency']);
    expect(compareRuns(samplePassingRun(), samplePassingRun(), { minAbsoluteMs: 3, latencyThresholdPct: 50 }, latencies).regressed).toBe(false);
    // 30 widely spread calls, B 6 ms slower: p ≈ 1e-5, a regression at α = 0.01, not at α = 1e-6.
    const spread = { a: latenciesOf('barge-storm', { addInsert: sampleLatencies(30, 9, 1, 1) }), b: latenciesOf('barge-storm', { addInsert: sampleLatencies(30, 9, 2, 1).map((v) => v + 6) }) };
    expect(compareRuns(samplePassingRun(), samplePassingRun(), {}, spread).regressed).toBe(true);
    expect(compareRuns(samplePassingRun(), samplePassingRun(), { alpha: 1e-6 }, spread).regressed).toBe(false);
  });

  it('gives the same comparison for the same runs every time', () => {
    const latencies = { a: storms(1), b: storms(2, 300) };
    expect(JSON.stringify(compareRuns(samplePassingRun(), samplePassingRun(), {}, latencies))).toBe(JSON.stringify(compareRuns(samplePassingRun(), samplePassingRun(), {}, latencies)));
  });

  it('lists a throughput change beyond the threshold as a change, never a regression', () => {
    const drop = variant((r) => (storm(r).rps = 35)); // -30 %
    const wobble = variant((r) => (storm(r).rps = 45)); // -10 %
    expect(compareRuns(samplePassingRun(), drop, {}, SAME).findings).toEqual([{ kind: 'throughput', severity: 'change', scenario: 'barge-storm', fromRps: 50, toRps: 35, deltaPct: -30 }]);
    expect(compareRuns(samplePassingRun(), wobble, {}, SAME).findings).toEqual([]);
  });

  it('lists asked and achieved figures that differ as a change: another asked load, a rate reached in one run only', () => {
    const asked = { model: 'open' as const, unit: 'cycle' as const, rate: 200, vus: 40, duration: '1m', minAchievedRatio: 0.9 };
    const achieved = { seconds: 60, iterations: 11_990, perSecond: 199.8, calls: 107_910, callsPerSecond: 1798.5, dropped: 10, vusPeak: 14, vusLimit: 40, ratio: 0.9992, ok: true };
    const a = variant((r) => Object.assign(storm(r), { asked, achieved }));
    const same = variant((r) => Object.assign(storm(r), { asked, achieved: { ...achieved, perSecond: 199.5 } }));
    const short = variant((r) => Object.assign(storm(r), { asked, achieved: { ...achieved, perSecond: 150, ratio: 0.75, dropped: 3000, ok: false, notes: ['reached 150 cycles/s'] } }));
    const more = variant((r) => Object.assign(storm(r), { asked: { ...asked, rate: 400 }, achieved: { ...achieved, perSecond: 399 } }));
    expect(compareRuns(a, same, {}, SAME).findings).toEqual([]);
    expect(compareRuns(a, short, {}, SAME).findings).toEqual([{ kind: 'achieved', severity: 'change', scenario: 'barge-storm', from: { asked, achieved }, to: { asked, achieved: storm(short as Mutable<RunSummary>).achieved } }]);
    expect(kinds(compareRuns(a, more, {}, SAME).findings)).toEqual(['change:achieved']);
    expect(compareRuns(samplePassingRun(), short, {}, SAME).findings).toEqual([]); // a run written before the figures were kept
  });

  it('flags invariant violations that appear, with their detail', () => {
    const b = variant((r) => {
      storm(r).invariant = { violations: 3, detail: ['agent 30170 barged twice'] };
      r.phases[1]!.outcome = 'failed';
      r.outcome = 'failed';
    });
    expect(compareRuns(samplePassingRun(), b, {}, SAME).findings).toEqual([{ kind: 'invariant', severity: 'regression', scenario: 'barge-storm', from: 0, to: 3, detail: ['agent 30170 barged twice'] }]);
  });

  it('flags a k6 threshold that was met and is now crossed', () => {
    const b = variant((r) => {
      storm(r).thresholds = [{ metric: 'http_req_duration{operation:addInsert}', expression: 'p(95)<200', ok: false, value: 230 }];
    });
    expect(compareRuns(samplePassingRun(), b, {}, SAME).findings).toContainEqual({ kind: 'threshold', severity: 'regression', scenario: 'barge-storm', metric: 'http_req_duration{operation:addInsert}', expression: 'p(95)<200', fromOk: true, toOk: false, toValue: 230 });
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
    const { findings } = compareRuns(samplePassingRun(), b, {}, SAME);
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
    const { findings, regressed } = compareRuns(samplePassingRun(), b, {}, SAME);
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
    });
    const result = compareRuns(samplePassingRun(), b, {}, { a: storms(1), b: storms(2, 300) });
    expect(kinds(result.findings)).toEqual(['regression:observed', 'regression:outcome', 'regression:latency']);
    expect(result.counts).toEqual({ regression: 3, improvement: 0, change: 0 });
  });

  it('notes how the runs were made differently', () => {
    const b = variant((r) => {
      r.target.profile = 'ccgw-2025';
      r.tool.version = '0.2.0';
    });
    expect(compareRuns(samplePassingRun(), b, {}, SAME).notes).toEqual([
      'The runs expected different profiles (ccgw-2024 vs ccgw-2025): retcode differences may come from the profiles, not the gateways.',
      'The runs were made by different ccgw versions (0.1.0 vs 0.2.0).',
    ]);
  });

  it('names the kinds of gateway, and takes a loopback run written before the "gateway" kind for one', () => {
    const onLoopback = (kind: 'live' | 'gateway') =>
      variant((r) => {
        r.target.kind = kind;
        r.target.url = 'http://127.0.0.1:8000';
      });
    const remote = variant((r) => {
      r.target.kind = 'live';
      r.target.url = 'https://10.0.0.5:8043';
    });
    expect(compareRuns(onLoopback('live'), onLoopback('gateway'), {}, SAME).notes).toEqual([]);
    expect(compareRuns(remote, onLoopback('gateway'), {}, SAME).notes).toEqual(['Run A is against the live gateway and run B against the gateway on this machine.']);
  });

  it('carries no secret from the runs into the comparison', () => {
    const b = variant((r) => {
      r.phases[0]!.outcome = 'failed';
      r.outcome = 'failed';
      Object.assign(caseOf(r, 'addinsert.ok'), { outcome: 'failed', failure: { message: `echoed {"password":"${SAMPLE_PASSWORD}"}` } });
    });
    expect(JSON.stringify(compareRuns(samplePassingRun(), b, {}, SAME))).not.toContain(SAMPLE_PASSWORD);
  });

  it('rejects a negative threshold, naming it', () => {
    expect(() => compareRuns(samplePassingRun(), samplePassingRun(), { latencyThresholdPct: -1 })).toThrow('compareRuns: latencyThresholdPct -1 is not valid; use a number ≥ 0');
    expect(() => compareRuns(samplePassingRun(), samplePassingRun(), { alpha: 0.5 })).toThrow('compareRuns: alpha 0.5 is not valid; use a number from 1e-9 to below 0.5, e.g. 0.01');
  });

  it('names a rule that now fails as a regression, with B\'s detail, and one that passes again as an improvement', () => {
    const a = withRules([rule('addInsert.targetNotSignedIn', 'passed'), rule('addInsert.self', 'failed', 'expected 000-005, got 0'), rule('addInsert.vdn', 'skipped', 'no agent of another VDN')]);
    const b = withRules([rule('addInsert.targetNotSignedIn', 'failed', 'expected retcode 900-005, got 900-003\nmore'), rule('addInsert.self', 'passed'), rule('addInsert.vdn', 'failed', 'expected 000-003, got 0')]);
    const result = compareRuns(a, b, {}, SAME);
    expect(result.findings).toEqual([
      { kind: 'rule', severity: 'regression', rule: 'addInsert.targetNotSignedIn', title: 'the situation of addInsert.targetNotSignedIn', from: 'passed', to: 'failed', detail: 'expected retcode 900-005, got 900-003' },
      { kind: 'rule', severity: 'regression', rule: 'addInsert.vdn', title: 'the situation of addInsert.vdn', from: 'skipped', to: 'failed', detail: 'expected 000-003, got 0' },
      { kind: 'rule', severity: 'improvement', rule: 'addInsert.self', title: 'the situation of addInsert.self', from: 'failed', to: 'passed', detail: 'expected 000-005, got 0' },
    ]);
  });

  it('calls a new failing rule a regression and rules that are skipped, gone or new and passing changes', () => {
    const a = withRules([rule('signIn.ok', 'passed'), rule('addInsert.gone', 'passed')]);
    const b = withRules([rule('signIn.ok', 'skipped', 'the account is locked'), rule('addInsert.new', 'failed', 'expected 0, got 900-001'), rule('addInsert.newPass', 'passed')]);
    expect(compareRuns(a, b, {}, SAME).findings.map((f) => (f.kind === 'rule' ? `${f.severity} ${f.rule} ${f.from}→${f.to}` : f.kind))).toEqual([
      'regression addInsert.new absent→failed',
      'change signIn.ok passed→skipped',
      'change addInsert.newPass absent→passed',
      'change addInsert.gone passed→absent',
    ]);
    expect(compareRuns(a, a, {}, SAME).findings).toEqual([]);
  });
});
