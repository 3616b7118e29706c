import { describe, expect, it } from 'vitest';
import { renderJUnit, renderJson, renderText, summaryOutputs, xmlEscape, type SummaryData } from './summary.ts';

const data: SummaryData = {
  state: { testRunDurationMs: 4200 },
  setup_data: { secret: 'never-in-a-report' },
  root_group: {
    name: '',
    path: '',
    checks: [
      { name: 'addInsert answers per the contract', path: '::addInsert answers per the contract', passes: 10, fails: 0 },
      { name: 'a storm round has exactly one winner', path: '::a storm round has exactly one winner', passes: 4, fails: 1 },
    ],
    groups: [],
  },
  metrics: {
    checks: { type: 'rate', values: { rate: 14 / 15, passes: 14, fails: 1 }, thresholds: { 'rate>=0.99': { ok: false } } },
    'http_req_duration{name:addInsert}': { type: 'trend', contains: 'time', values: { 'p(95)': 3.2, 'p(99)': 4.1, max: 5 }, thresholds: { 'p(95)<500': { ok: true } } },
    ccgw_barge_ok: { type: 'counter', values: { count: 5 } },
    ccgw_cancel_ok: { type: 'counter', values: { count: 5 } },
  },
};

describe('the end-of-test reports', () => {
  it('writes JUnit with one case per threshold, check and invariant, failures marked', () => {
    const xml = renderJUnit(data, 'smoke');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ccgw-load" tests="5" failures="2"/);
    expect(xml).toContain('<testsuite name="ccgw-load.smoke" tests="5" failures="2" errors="0" skipped="0" time="4.200">');
    expect(xml).toContain('name="http_req_duration{name:addInsert}: p(95)&lt;500" time="0"/>');
    expect(xml).toContain('<failure message="1 of 5 failed" type="failure">1 of 5 failed</failure>');
    expect(xml).toContain('name="per target agent, successful barges minus successful cancels stays 0 or 1" time="0"/>');
    expect(xml.match(/<testcase /g)).toHaveLength(5);
  });

  it('escapes XML special characters', () => {
    expect(xmlEscape(`a<b & "c" 'd'>\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });

  it('writes JSON without setup data, with the outcome', () => {
    const json = JSON.parse(renderJson(data, { name: 'smoke', dir: 'reports/load', config: { baseUrl: 'http://127.0.0.1:8000' } }));
    expect(json).toMatchObject({ scenario: 'smoke', passed: false, config: { baseUrl: 'http://127.0.0.1:8000' }, invariant: { holds: true, barges: 5 } });
    expect(JSON.stringify(json)).not.toContain('never-in-a-report');
  });

  it('prints a text summary with crossed thresholds and the invariant', () => {
    const text = renderText(data, 'smoke');
    expect(text).toContain('ccgw load smoke: FAILED in 4.2s');
    expect(text).toContain('✗ checks: rate>=0.99');
    expect(text).toContain('✓ http_req_duration{name:addInsert}: p(95)<500 ms');
    expect(text).toContain('addInsert: p95 3.2ms, p99 4.1ms, max 5.0ms');
    expect(text).toContain('barge invariant: holds');
  });

  it('names asked and achieved in the first lines, and fails an open run that fell short in every report', () => {
    const asked = { model: 'open', unit: 'cycle', rate: 100, vus: 10, duration: '10s', minAchievedRatio: 0.9, fixtureUnits: 99, pollPauseMs: 0, loopback: true } as const;
    const short: SummaryData = {
      state: { testRunDurationMs: 11_000 },
      setup_data: { share: 1 },
      metrics: { iterations: { values: { count: 500 } }, dropped_iterations: { values: { count: 500 }, thresholds: { 'count<=100': { ok: false } } }, vus: { values: { max: 10 } }, vus_max: { values: { max: 10 } } },
    };
    const out = summaryOutputs(short, { name: 'throughput', dir: 'r', asked });
    expect(out['stdout']!.split('\n').slice(1, 5)).toEqual([
      'ccgw load throughput: FAILED in 11.0s',
      'asked: 100 cycles/s for 10s on at most 10 VUs (open model: a constant arrival rate)',
      'achieved: 50 cycles/s (50 % of asked; 90 % required), 0 calls/s, 500 iterations dropped, 10 of 10 VUs busy at the peak',
      expect.stringMatching(/^why: all 10 VUs were busy/),
    ]);
    expect(JSON.parse(out['r/throughput.json']!)).toMatchObject({ passed: false, drive: { asked, achieved: { ok: false, perSecond: 50, ratio: 0.5 } } });
    expect(out['r/throughput.junit.xml']).toMatch(/name="starts at least 90 % of the asked 100 cycles\/s" time="0">\n\s+<failure message="reached 50 cycles\/s of the 100 asked/);
    const enough: SummaryData = { ...short, metrics: { ...short.metrics, iterations: { values: { count: 995 } }, dropped_iterations: { values: { count: 5 } } } };
    expect(JSON.parse(renderJson(enough, { name: 'throughput', dir: 'r', asked }))).toMatchObject({ passed: true, drive: { achieved: { ok: true, perSecond: 99.5 } } });
  });

  it('names the files after the run under the report directory', () => {
    expect(Object.keys(summaryOutputs(data, { name: 'smoke', dir: 'reports/load/' })).sort()).toEqual(['reports/load/smoke.json', 'reports/load/smoke.junit.xml', 'stdout']);
  });
});
