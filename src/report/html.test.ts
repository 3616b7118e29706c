import { describe, expect, it } from 'vitest';
import { OPERATION_IDS, OPERATION_RULES, PROFILE_2024, precedenceTable } from '../domain/index.ts';
import { renderHtml } from './html.ts';
import type { RunSummary } from './run-summary.ts';
import { SAMPLE_CTI_SKIP, SAMPLE_GUID_UUID, SAMPLE_PASSWORD, SAMPLE_RULES_PASSWORD, samplePassingRun, sampleRulesRun, sampleRun, sampleShortThroughputRun } from './testing/sample-runs.ts';

function metricText(html: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`data-metric="${escaped}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

describe('renderHtml', () => {
  const html = renderHtml(sampleRun());

  it('is one self-contained page: no script, no external resource, a policy that forbids both', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\(/i);
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
  });

  it('shows the target, profile, versions and outcome in the header', () => {
    expect(html).toContain('live gateway · <code>https://10.0.0.5:8043</code>');
    expect(html).toContain('<dt>Profile</dt><dd>ccgw-2024</dd>');
    expect(html).toContain('ccgw 0.1.0 · Node v20.19.0 · k6 v1.3.0 · Pact 16.5.0 · linux-x64');
    expect(metricText(html, 'run.outcome')).toBe('failed');
  });

  it('counts cases per run and per phase, skipped apart from passed', () => {
    expect(['total', 'passed', 'failed', 'skipped'].map((k) => metricText(html, `cases.${k}`))).toEqual(['8', '3', '3', '2']);
    expect(['total', 'passed', 'failed', 'skipped'].map((k) => metricText(html, `phase.contracts.${k}`))).toEqual(['5', '2', '2', '1']);
    expect(metricText(html, 'phase.load.outcome')).toBe('failed');
  });

  it('lays out request, response, expected and actual of a failed case side by side', () => {
    const detail = /<tr class="detail" id="case-addinsert\.target-not-signed-in-detail">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(detail).toMatch(/<div class="side-by-side"><div><h4>Request<\/h4><pre>PUT https:\/\/10\.0\.0\.5:8043[\s\S]*?<\/pre><\/div><div><h4>Response<\/h4><pre>HTTP 200[\s\S]*?<div><h4>Expected<\/h4>[\s\S]*?<div><h4>Actual<\/h4>/);
  });

  it('shows a skipped case with its reason', () => {
    expect(html).toMatch(/<tr class="skipped" id="case-addinsert\.other-vdn"><td><span class="badge skipped">skipped<\/span><\/td><td>[^]*?<div class="reason">Skipped: the fixtures have no second VDN &lt;vdn 2&gt;<\/div>/);
  });

  it('shows the replay seed and counterexample of a failed property', () => {
    expect(html).toContain('<h4>Counterexample</h4><pre>SignIn(30169) → AddInsert(30169, 30170) → AddInsert(30171, 30170)</pre>');
    expect(html).toContain('Replay: { seed: -1187235, path: &quot;36:2:1&quot; }');
  });

  it('escapes untrusted gateway text everywhere', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('never shows the password or the session part of the Guid', () => {
    expect(html).not.toContain(SAMPLE_PASSWORD);
    expect(html).not.toContain(SAMPLE_GUID_UUID);
    expect(html).toContain('Guid: ***.AgentGateway1');
  });

  it('puts the load figures in data-metric elements', () => {
    expect(metricText(html, 'load.barge-storm.latency.addInsert.p95')).toBe('18.75');
    expect(metricText(html, 'load.barge-storm.latency.all.p99')).toBe('27.45');
    expect(metricText(html, 'load.barge-storm.retcodes.addInsert.900-005')).toBe('88');
    expect(metricText(html, 'load.barge-storm.rps')).toBe('48.25');
    expect(metricText(html, 'load.barge-storm.checksRate')).toBe('99.75');
    expect(metricText(html, 'load.barge-storm.errorRate')).toBe('0.08');
    expect(metricText(html, 'load.barge-storm.invariant.violations')).toBe('2');
    expect(metricText(html, 'load.smoke.iterations')).toBe('30');
  });

  it('explains retcodes with the catalogue and shows thresholds with measured values', () => {
    expect(html).toMatch(/<td class="mono">900-005<\/td><td class="num">.*?<\/td><td>[^<]*exception[^<]*<\/td>/);
    expect(html).toMatch(/<span class="badge failed">crossed<\/span><\/td><td class="mono">checks<\/td><td class="mono">rate&gt;0.999<\/td><td class="num">0.9975<\/td>/);
    expect(html).toContain('<span class="badge failed">violated</span>');
    expect(html).toContain('<li>t=31.2s agent 30170 barged by 30169 and 30171 &lt;at once&gt;</li>');
  });

  it('draws latency and throughput over time as SVG polylines with a point per timeline entry', () => {
    const charts = [...html.matchAll(/<svg [^>]*data-chart="(\w+)" data-scenario="([\w-]+)"[\s\S]*?<\/svg>/g)];
    expect(charts.map((c) => `${c[1]}:${c[2]}`)).toEqual(['latency:barge-storm', 'throughput:barge-storm', 'latency:smoke', 'throughput:smoke']);
    const points = (svg: string) => (/<polyline[^>]*points="([^"]*)"/.exec(svg)?.[1] ?? '').split(' ').length;
    expect(charts.map((c) => points(c[0]))).toEqual([60, 60, 10, 10]);
    // Intervals with errors (t=31 and t=44 in the sample) are marked on the throughput chart.
    expect(charts[1]?.[0].match(/class="marker"/g)).toHaveLength(2);
  });

  it('says so instead of drawing when a scenario has no timeline', () => {
    const run = samplePassingRun();
    const load = run.phases[1]?.load?.[0];
    if (!load) throw new Error('sample changed');
    const noTimeline: RunSummary = { ...run, phases: [run.phases[0]!, { ...run.phases[1]!, load: [{ ...load, timeline: [] }] }] };
    const out = renderHtml(noTimeline);
    expect(out).toContain('No timeline recorded.');
    expect(out).not.toContain('<svg');
  });

  it('describes a phase of load scenarios by its thresholds, not by empty case counts', () => {
    expect(html).toContain('<p class="muted">2 load scenarios · 1 of 3 thresholds crossed · invariant violated in 1 · 1m 10.5s</p>');
  });
});

describe('renderHtml: the rule coverage matrix', () => {
  const run = sampleRulesRun();
  const rows = run.phases[1]!.coverage!;
  const html = renderHtml(run);
  const ruleRow = (rule: string) => new RegExp(`<tr [^>]*data-rule="${rule.replace(/\./g, '\\.')}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[0] ?? '';
  const cell = (row: string, attr: string) => new RegExp(`<td [^>]*${attr}>([^<]*)</td>`).exec(row)?.[1];

  it('comes near the top, before the phases, under the profile the run used', () => {
    const at = html.indexOf('<section class="coverage" id="coverage-rules">');
    expect(at).toBeGreaterThan(html.indexOf('<table class="phases">'));
    expect(at).toBeLessThan(html.indexOf('<section class="phase"'));
    expect(html).toContain('<h2>Rule coverage under <code>ccgw-2024</code></h2>');
    const overridden: RunSummary = { ...run, target: { ...run.target, profileOverrides: { answers: { targetAlreadyBarged: '900-003' } } } };
    expect(renderHtml(overridden)).toContain('<h2>Rule coverage under <code>ccgw-2024 (targetAlreadyBarged → 900-003)</code></h2>');
  });

  it('counts rules by outcome and by provenance', () => {
    const count = (f: (r: (typeof rows)[number]) => boolean) => String(rows.filter(f).length);
    expect(['total', 'passed', 'failed', 'skipped', 'documented', 'inferred'].map((k) => metricText(html, `coverage.rules.${k}`))).toEqual([
      String(rows.length),
      count((r) => r.outcome === 'passed'),
      count((r) => r.outcome === 'failed'),
      count((r) => r.outcome === 'skipped'),
      count((r) => r.provenance === 'documented'),
      count((r) => r.provenance === 'inferred'),
    ]);
    expect(metricText(html, 'coverage.rules.total')).toBe('135');
    expect(metricText(html, 'coverage.rules.addInsert.failed')).toBe('2');
  });

  it('lists the operations in the fixed order and each operation\'s rules in precedence order', () => {
    expect([...html.matchAll(/<details class="coverage-op" [^>]*data-operation="(\w+)"/g)].map((m) => m[1])).toEqual([...OPERATION_IDS]);
    const addInsert = /<details [^>]*data-operation="addInsert"[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
    expect([...addInsert.matchAll(/data-rule="([^"]+)"/g)].map((m) => m[1])).toEqual([...precedenceTable('addInsert', OPERATION_RULES.addInsert, PROFILE_2024).map((r) => r.rule), 'addInsert.ok']);
    expect(html.match(/<tr [^>]*data-rule=/g)).toHaveLength(rows.length);
  });

  it('opens the operations with a failed rule and collapses the others', () => {
    const open = [...html.matchAll(/<details class="coverage-op" [^>]*data-operation="(\w+)"( open)?>/g)].filter((m) => m[2]).map((m) => m[1]);
    expect(open).toEqual([...new Set(rows.filter((r) => r.outcome === 'failed').map((r) => r.operation))].sort((a, b) => OPERATION_IDS.indexOf(a as never) - OPERATION_IDS.indexOf(b as never)));
  });

  it('shows a failed rule with expected against observed and the detail line', () => {
    const row = ruleRow('addInsert.targetNotSignedIn');
    expect(row).toMatch(/^<tr class="failed" id="rule-rules-addInsert\.targetNotSignedIn" data-rule="addInsert\.targetNotSignedIn" data-outcome="failed">/);
    expect(cell(row, 'data-expected')).toBe('900-005');
    expect(cell(row, 'data-observed')).toBe('900-003');
    expect(row).toContain('<div class="message" data-detail>expected retcode 900-005, got 900-003</div>');
    expect(row).toContain('<span class="badge failed">failed</span>');
  });

  it('shows a skipped rule with its reason and no observed answer', () => {
    const row = ruleRow('addInsert.ctiFault');
    expect(row).toContain(`<div class="reason" data-detail>Skipped: ${SAMPLE_CTI_SKIP}</div>`);
    expect(cell(row, 'data-expected')).toBe('injected fault');
    expect(cell(row, 'data-observed')).toBe('');
  });

  it('marks documented and inferred rules, with the source as tooltip and small text and the setting', () => {
    const row = ruleRow('addInsert.targetAlreadyBarged');
    const source = rows.find((r) => r.rule === 'addInsert.targetAlreadyBarged')!.source;
    expect(row).toContain(`<span class="prov inferred" title="${source}">inferred</span><div class="small muted">setting <code>targetAlreadyBarged</code></div>`);
    expect(ruleRow('addInsert.inspectorNotIdle')).toContain('<span class="prov documented" title="EN/cec_07_2401: &quot;The inspector is in idle state.&quot;">documented</span>');
  });

  it('links each rule to its cases further down, and each case back to its rule; every link has a target', () => {
    expect(ruleRow('addInsert.idOutOfRange.workNo')).toContain('<a class="case-link mono" href="#case-rules.addInsert.idOutOfRange.workNo.highest-plus-1" title="rules.addInsert.idOutOfRange.workNo.highest-plus-1">highest-plus-1</a>');
    expect(html).toMatch(/<tr class="failed" id="case-rules\.addInsert\.targetNotSignedIn\.signed-out-target">.*checks rule <a class="mono" href="#rule-rules-addInsert\.targetNotSignedIn">/);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(rows.length * 2);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });

  it('escapes markup, pipes and line breaks in a detail, and redacts a password in it', () => {
    const hostile = structuredClone(run) as any;
    const row = hostile.phases[1].coverage.find((r: any) => r.rule === 'addInsert.targetNotSignedIn');
    Object.assign(row, { detail: 'expected retcode 900-005, got <script>alert(1)</script> | a|b\nsecond "line"' });
    const out = renderHtml(hostile);
    expect(out).not.toContain('<script>alert(1)');
    expect(out).toContain('<div class="message" data-detail>expected retcode 900-005, got &lt;script&gt;alert(1)&lt;/script&gt; | a|b\nsecond &quot;line&quot;</div>');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain(SAMPLE_RULES_PASSWORD);
    expect(ruleRow('signIn.wrongPassword')).toContain('the gateway signed in with password=***');
  });

  it('has no coverage section for a run without a matrix', () => {
    expect(renderHtml(sampleRun())).not.toContain('Rule coverage');
  });
});


describe('renderHtml: asked against achieved', () => {
  const html = renderHtml(sampleShortThroughputRun());

  it('says what the scenario was asked and achieved, and why it fell short', () => {
    expect(html).toContain('<span class="badge failed">fell short</span> asked 3000 cycles/s for 15s on at most 64 VUs (open model); achieved 144.6 cycles/s (4.8 % of asked, 90 % required), 1300 calls/s, 42831 dropped, 64 of 64 VUs busy</p>');
    expect(html).toContain('<li>why: all 64 VUs were busy</li>');
  });

  it("links the run's k6 web dashboard beside the page, and nothing outside the run", () => {
    expect(html).toContain('<a href="load/dashboard.html">k6 web dashboard of this run</a>');
    expect([...html.matchAll(/\bhref="(?!#)([^"]*)"/g)].map((m) => m[1])).toEqual(['load/dashboard.html']);
    expect(renderHtml(samplePassingRun())).not.toContain('dashboard');
  });

  it('shows thresholds with their units', () => {
    expect(html).toContain('<td class="mono">p(95)&lt;500 ms</td><td class="num">12.1 ms</td>');
    expect(html).toContain('<td class="mono">rate&gt;=0.99 (99 %)</td><td class="num">99.75 %</td>');
    expect(html).toContain('<td class="mono">count&lt;=4500</td><td class="num">42831</td>');
  });
});
