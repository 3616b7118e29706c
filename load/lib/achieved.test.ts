import { describe, expect, it } from 'vitest';
import { driveLines, driveOf, droppedBudget, type AskedLoad } from './achieved.ts';
import type { SummaryData } from './summary.ts';

const OPEN: AskedLoad = { model: 'open', unit: 'cycle', rate: 3000, vus: 64, duration: '15s', minAchievedRatio: 0.9, fixtureUnits: 100, pollPauseMs: 0, loopback: true };

function run(metrics: Record<string, Record<string, number>>): SummaryData {
  return { state: { testRunDurationMs: 17_000 }, metrics: Object.fromEntries(Object.entries(metrics).map(([k, values]) => [k, { values }])) };
}

const shortOfVus = run({
  iterations: { count: 2169 },
  dropped_iterations: { count: 42_831 },
  ccgw_contract_ok: { passes: 19_790, fails: 10 },
  ccgw_cleanup_calls: { count: 300 },
  vus: { max: 64 },
  vus_max: { max: 64 },
  iteration_duration: { avg: 441 },
  http_req_duration: { avg: 22 },
});

describe('asked against achieved', () => {
  it('fails an open run that starts less than the asked share, saying what it reached, why and what to do', () => {
    const { achieved } = driveOf(shortOfVus, OPEN);
    expect(achieved).toMatchObject({ ok: false, perSecond: 144.6, ratio: 0.0482, dropped: 42_831, calls: 19_500, callsPerSecond: 1300, vusPeak: 64, vusLimit: 64 });
    const [reached, why, todo] = achieved.notes;
    expect(reached).toBe('reached 144.6 cycles/s of the 3000 asked (4.8 %; at least 90 % required): k6 dropped 42831 of 45000 iterations for want of a free VU');
    expect(why).toMatch(/^why: all 64 VUs were busy: an iteration took 441 ms, about 197.8 ms of it in 9 gateway calls .*so 64 VUs start at most 145.1 cycles\/s: mostly the load generator's own time/);
    expect(why).toContain('the gateway runs on this machine');
    expect(todo).toMatch(/^what to do: spread the rate over more k6 processes.*execution segments \(load\/README.md\).*load\/k8s\/testrun.yaml; give it about 1470 VUs \(--vus or CCGW_LOAD_VUS; the fixtures hold 100 units, so add accounts\) if this machine has CPU to spare; or ask for a rate this run reaches \(about 144 cycles\/s\)$/);
  });

  it('blames the gateway when its answers take most of an iteration', () => {
    const slow = run({ iterations: { count: 500 }, dropped_iterations: { count: 1000 }, ccgw_contract_ok: { passes: 4500, fails: 0 }, vus: { max: 20 }, vus_max: { max: 20 }, iteration_duration: { avg: 400 }, http_req_duration: { avg: 40 } });
    const { achieved } = driveOf(slow, { ...OPEN, rate: 100, vus: 20, loopback: false });
    expect(achieved.ok).toBe(false);
    expect(achieved.notes[1]).toMatch(/mostly waiting for the gateway's answers$/);
    expect(achieved.notes[2]).toMatch(/^what to do: give it about 45 VUs \(--vus or CCGW_LOAD_VUS\); spread the rate/);
  });

  it('passes a reachable rate with asked ≈ achieved, and holds the bound where the k6 threshold does', () => {
    const near = run({ iterations: { count: 2995 }, dropped_iterations: { count: 5 }, ccgw_contract_ok: { passes: 26_955, fails: 0 }, vus: { max: 12 }, vus_max: { max: 40 } });
    const asked = { ...OPEN, rate: 200, vus: 40 };
    expect(driveOf(near, asked).achieved).toMatchObject({ ok: true, perSecond: 199.7, ratio: 0.9983, notes: [] });
    const budget = droppedBudget(200, '15s', 0.9);
    expect(budget).toBe(300);
    const at = (dropped: number) => driveOf(run({ iterations: { count: 3000 - dropped }, dropped_iterations: { count: dropped } }), asked).achieved.ok;
    expect([at(budget), at(budget + 1)]).toEqual([true, false]);
  });

  it("judges a segmented process by its share of the asked rate", () => {
    const half = run({ iterations: { count: 1480 }, dropped_iterations: { count: 20 } });
    expect(driveOf(half, { ...OPEN, rate: 200 }, 0.5).achieved).toMatchObject({ ok: true, perSecond: 98.7 });
  });

  it('reports a closed run’s rate over the time its iterations ran, without judging it', () => {
    const closed = run({ iterations: { count: 200 }, ccgw_contract_ok: { passes: 2600, fails: 0 }, ccgw_cleanup_calls: { count: 100 }, ccgw_scenario_time: { value: 12_500 } });
    const drive = driveOf(closed, { model: 'closed', unit: 'round', vus: 4, iterationsPerVu: 50, duration: '5m', fixtureUnits: 16, pollPauseMs: 200, loopback: true });
    expect(drive.achieved).toMatchObject({ ok: true, seconds: 12.5, perSecond: 16, callsPerSecond: 200, notes: [] });
    expect(driveLines(drive)).toEqual([
      'asked: 4 VUs × 50 rounds within 5m (closed model: each VU loops; the rate follows latency and pauses, not judged)',
      'achieved: 200 rounds in 12.5 s = 16 rounds/s, 200 calls/s',
    ]);
  });
});
