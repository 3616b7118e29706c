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
    'ccgw_op_duration{op:addInsert}': { type: 'trend', values: { 'p(95)': 3.2, 'p(99)': 4.1, max: 5 }, thresholds: { 'p(95)<500': { ok: true } } },
    ccgw_barge_ok: { type: 'counter', values: { count: 5 } },
    ccgw_cancel_ok: { type: 'counter', values: { count: 5 } },
  },
};

describe('the end-of-test reports', () => {
  it('writes JUnit with one case per threshold, check and invariant, failures marked', () => {
    const xml = renderJUnit(data, 'smoke');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ccgw-load" tests="5" failures="2"/);
    expect(xml).toContain('<testsuite name="ccgw-load.smoke" tests="5" failures="2" errors="0" skipped="0" time="4.200">');
    expect(xml).toContain('name="ccgw_op_duration{op:addInsert}: p(95)&lt;500" time="0"/>');
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
    expect(text).toContain('addInsert: p95 3.2ms, p99 4.1ms, max 5.0ms');
    expect(text).toContain('barge invariant: holds');
  });

  it('names the files after the run under the report directory', () => {
    expect(Object.keys(summaryOutputs(data, { name: 'smoke', dir: 'reports/load/' })).sort()).toEqual(['reports/load/smoke.json', 'reports/load/smoke.junit.xml', 'stdout']);
  });
});
