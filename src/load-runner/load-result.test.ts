import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { percentile, readK6Samples } from './k6-samples.ts';
import { loadResultOf, type K6JsonSummary } from './load-result.ts';

const HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
const row = (metric: string, t: number, value: number, extra: string) => `${metric},${t},${value},,,,,,,,,smoke,,,,,,${extra},`;
/** k6's own duration of a request named `name`. */
const httpRow = (t: number, value: number, name: string) => `http_req_duration,${t},${value},,,,true,,GET,${name},HTTP/1.1,smoke,,200,,,http://127.0.0.1/x,,`;

function csv(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'k6-samples-'));
  const path = join(dir, 'samples.csv.gz');
  writeFileSync(path, gzipSync([HEADER, ...lines].join('\n')));
  return path;
}

const summary: K6JsonSummary = {
  scenario: 'smoke',
  passed: false,
  durationMs: 2000,
  thresholds: [
    { metric: 'ccgw_op_duration{op:addInsert}', expression: 'p(95)<500', ok: true, values: { 'p(95)': 3 } },
    { metric: 'checks', expression: 'rate>=0.99', ok: false, values: { rate: 0.5 } },
  ],
  invariant: { barges: 2, cancels: 1, openAtEnd: 1, violations: 0, auditViolations: 0, holds: true },
  metrics: { iterations: { values: { count: 3 } }, checks: { values: { rate: 0.5 } }, ccgw_unexpected_answer: { values: { rate: 0.25 } } },
};

describe('load results from k6', () => {
  it('aggregates latencies and retcodes per operation and a per-second timeline from the CSV samples', async () => {
    const path = csv([
      row('ccgw_op_duration', 100, 2, 'op=addInsert&retcode=0'),
      row('ccgw_calls', 100, 1, 'ccgw_scenario=smoke&retcode=0&op=addInsert'),
      row('ccgw_op_duration', 100, 4, 'op=addInsert&retcode=900-005'),
      row('ccgw_calls', 100, 1, 'op=addInsert&retcode=900-005'),
      row('http_req_duration', 100, 9, ''),
      row('ccgw_op_duration', 101, 1, 'op=cancelInsert&retcode=0'),
      row('ccgw_calls', 101, 1, 'op=cancelInsert&retcode=0'),
      row('ccgw_unexpected_answer', 101, 1, 'op=cancelInsert'),
      row('ccgw_unexpected_answer', 101, 0, 'op=cancelInsert'),
    ]);
    const result = loadResultOf(summary, await readK6Samples(path));
    expect(result.retcodes).toEqual({ addInsert: { '0': 1, '900-005': 1 }, cancelInsert: { '0': 1 } });
    expect(result.latencyMs['addInsert']).toMatchObject({ p50: 2, p99: 4, max: 4, avg: 3 });
    expect(result.latencyMs['all']).toMatchObject({ max: 4 });
    expect(result.timeline).toEqual([
      { t: 0, rps: 2, p95Ms: 4, errors: 0 },
      { t: 1, rps: 1, p95Ms: 1, errors: 1 },
    ]);
    expect(result.rps).toBe(1.5);
    expect(result.thresholds).toEqual([
      { metric: 'ccgw_op_duration{op:addInsert}', expression: 'p(95)<500', ok: true, value: 3 },
      { metric: 'checks', expression: 'rate>=0.99', ok: false, value: 0.5 },
    ]);
    expect([result.iterations, result.checksRate, result.errorRate]).toEqual([3, 0.5, 0.25]);
  });

  it('copies what the run asked and achieved, and gives each threshold the unit of its metric', async () => {
    const path = csv([row('ccgw_op_duration', 100, 2, 'op=addInsert'), row('ccgw_calls', 100, 1, 'op=addInsert&retcode=0')]);
    const drive = {
      asked: { model: 'open' as const, unit: 'cycle' as const, vus: 4, duration: '2s', rate: 10, minAchievedRatio: 0.9, pollPauseMs: 0, fixtureUnits: 99, loopback: true },
      achieved: { seconds: 2, iterations: 19, perSecond: 9.5, calls: 171, callsPerSecond: 85.5, dropped: 1, vusPeak: 2, vusLimit: 4, ratio: 0.95, iterationMs: 12, gatewayMsPerIteration: 9, ok: true, notes: [] },
    };
    const typed: K6JsonSummary = {
      ...summary,
      drive,
      metrics: { ...summary.metrics, 'ccgw_op_duration{op:addInsert}': { type: 'trend', contains: 'time' }, checks: { type: 'rate', values: { rate: 0.5 } } },
    };
    const result = loadResultOf(typed, await readK6Samples(path));
    expect(result.asked).toEqual({ model: 'open', unit: 'cycle', vus: 4, duration: '2s', rate: 10, minAchievedRatio: 0.9, pollPauseMs: 0 });
    expect(result.achieved).toEqual({ seconds: 2, iterations: 19, perSecond: 9.5, calls: 171, callsPerSecond: 85.5, dropped: 1, vusPeak: 2, vusLimit: 4, ratio: 0.95, ok: true });
    expect(result.thresholds.map((t) => t.unit)).toEqual(['ms', 'fraction']);
    expect(loadResultOf(summary, await readK6Samples(path))).not.toHaveProperty('asked');
  });

  it("takes a call's latency from k6's http_req_duration of the request named after its operation, and only from ccgw_op_duration in older runs", async () => {
    const now = await readK6Samples(csv([httpRow(100, 2, 'addInsert'), httpRow(100, 4, 'addInsert'), httpRow(101, 1, 'cancelInsert'), httpRow(101, 50, 'setup-probe'), httpRow(101, 9, '__admin/reset')]));
    expect(now.latencies).toEqual(new Map([['addInsert', [2, 4]], ['cancelInsert', [1]]]));
    expect([...now.seconds].map(([t, s]) => [t, s.calls])).toEqual([[100, 2], [101, 1]]);
    const before = await readK6Samples(csv([row('ccgw_op_duration', 100, 3, 'op=addInsert'), httpRow(100, 3, 'addInsert')]));
    expect(before.latencies).toEqual(new Map([['addInsert', [3]]]));
  });

  it('counts the retcodes of the calls from their ccgw_contract_ok samples, and from ccgw_calls in runs written before', async () => {
    const now = await readK6Samples(
      csv([
        row('ccgw_contract_ok', 100, 1, 'op=addInsert&retcode=0'),
        row('ccgw_contract_ok', 100, 1, 'op=addInsert&retcode=900-005'),
        row('ccgw_contract_ok', 101, 0, 'op=addInsert&retcode=900-005'),
        row('ccgw_op_duration', 101, 1, 'op=addInsert'),
      ]),
    );
    expect(now.retcodes).toEqual({ addInsert: { '0': 1, '900-005': 2 } });
    const before = await readK6Samples(csv([row('ccgw_calls', 100, 1, 'op=addInsert&retcode=0'), row('ccgw_calls', 100, 1, 'op=addInsert&retcode=0'), row('ccgw_contract_ok', 100, 1, 'op=addInsert')]));
    expect(before.retcodes).toEqual({ addInsert: { '0': 2 } });
  });

  it('names a file that is not k6 CSV output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k6-samples-'));
    writeFileSync(join(dir, 'x.csv'), 'a,b\n1,2\n');
    await expect(readK6Samples(join(dir, 'x.csv'))).rejects.toThrow(/is not a k6 CSV output/);
  });

  it('computes nearest-rank percentiles', () => {
    expect([0.5, 0.9, 0.99, 1].map((q) => percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], q))).toEqual([5, 9, 10, 10]);
    expect(percentile([], 0.5)).toBe(0);
  });
});
