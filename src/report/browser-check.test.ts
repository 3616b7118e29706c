/**
 * The HTML reports in a real headless Chromium: they render without errors, load nothing, draw their charts, and
 * show the numbers of summary.json. Needs Chromium at /usr/bin/chromium (`apt-get install -y chromium`) or
 * CCGW_CHROMIUM; without it every test here fails with that instruction.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserMissingError, checkReportInBrowser, checkXmlInBrowser, chromiumExecutable, pngSize, reportProblems, type ReportCheck } from './browser-check.ts';
import { compareRuns } from './compare.ts';
import { xmlSafe } from './escape.ts';
import { htmlPage } from './html-page.ts';
import { renderComparisonHtml } from './compare-html.ts';
import { OPERATION_IDS } from '../domain/index.ts';
import { LATENCY_STATS, type RunSummary } from './run-summary.ts';
import { latenciesOf, sampleLatencies } from './testing/sample-latencies.ts';
import { samplePassingRun, sampleRulesRun, sampleRun } from './testing/sample-runs.ts';
import { writeRun, type RunFiles } from './write-run.ts';

let root: string;
let files: RunFiles;
let json: RunSummary;
let check: ReportCheck;
let rulesFiles: RunFiles;
let rulesJson: RunSummary;
let rulesCheck: ReportCheck;

beforeAll(async () => {
  chromiumExecutable(); // fails here, naming the fix, when Chromium is missing
  root = await mkdtemp(join(tmpdir(), 'ccgw-browser-'));
  files = await writeRun(join(root, '20261125T100000Z-mock'), sampleRun());
  json = JSON.parse(await readFile(files.summary, 'utf8')) as RunSummary;
  check = await checkReportInBrowser(files.html, { screenshot: join(files.dir, 'report.png') });
  rulesFiles = await writeRun(join(root, '20261126T080000Z-live'), sampleRulesRun());
  rulesJson = JSON.parse(await readFile(rulesFiles.summary, 'utf8')) as RunSummary;
  rulesCheck = await checkReportInBrowser(rulesFiles.html);
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** What summary.json says a data-metric should show, resolved from its name independently of the renderer. */
function fromJson(s: RunSummary, name: string): number | string {
  const [area, key, ...rest] = name.split('.');
  const cases = s.phases.flatMap((p) => p.cases);
  if (area === 'run' && key === 'outcome') return s.outcome;
  if (area === 'run' && key === 'durationMs') return s.durationMs;
  if (area === 'cases') return key === 'total' ? cases.length : cases.filter((c) => c.outcome === key).length;
  if (area === 'phase') {
    const phase = s.phases.find((p) => p.name === key);
    const field = rest[0];
    if (!phase || !field) throw new Error(`no phase for ${name}`);
    if (field === 'outcome') return phase.outcome;
    if (field === 'durationMs') return phase.durationMs;
    return field === 'total' ? phase.cases.length : phase.cases.filter((c) => c.outcome === field).length;
  }
  if (area === 'coverage') {
    const rows = s.phases.find((p) => p.name === key)?.coverage;
    if (!rows) throw new Error(`no coverage for ${name}`);
    const [a, b] = rest;
    const counted = b === undefined ? rows : rows.filter((r) => r.operation === a);
    const field = b ?? a;
    if (field === 'total') return counted.length;
    if (field === 'documented' || field === 'inferred') return counted.filter((r) => r.provenance === field).length;
    return counted.filter((r) => r.outcome === field).length;
  }
  if (area === 'load') {
    const load = s.phases.flatMap((p) => p.load ?? []).find((l) => l.scenario === key);
    if (!load) throw new Error(`no scenario for ${name}`);
    const [what, op, ...more] = rest;
    if (what === 'latency') return (load.latencyMs[op ?? ''] as Record<string, number> | undefined)?.[more[0] ?? ''] ?? NaN;
    if (what === 'retcodes') return load.retcodes[op ?? '']?.[more.join('.')] ?? NaN;
    if (what === 'invariant' && op === 'violations') return load.invariant.violations;
    const value = (load as unknown as Record<string, unknown>)[what ?? ''];
    if (typeof value === 'number') return value;
  }
  throw new Error(`the test does not know data-metric ${name}`);
}

function expectMetricsMatch(c: ReportCheck, summary: RunSummary): void {
  for (const name of Object.keys(c.metrics)) {
    const shown = c.metrics[name];
    const expected = fromJson(summary, name);
    if (shown?.unit === 'text') {
      expect(shown.text, name).toBe(expected);
      continue;
    }
    const value = Number(shown?.text);
    expect(Number.isFinite(value), `${name} shows ${JSON.stringify(shown?.text)}`).toBe(true);
    const actual = shown?.unit === '%' ? value / 100 : value;
    // Figures are shown with at most two decimals (percentages: of the percentage).
    const tolerance = shown?.unit === '%' ? 0.00005 : 0.005;
    expect(Math.abs(actual - (expected as number)), `${name}: shown ${shown?.text}, summary.json ${String(expected)}`).toBeLessThanOrEqual(tolerance + 1e-9);
  }
}

describe('the HTML run report in headless Chromium', () => {
  it('renders without console errors and loads nothing', () => {
    expect(check.consoleErrors).toEqual([]);
    expect(check.externalRequests).toEqual([]);
    expect(reportProblems(check)).toEqual([]);
    expect(check.title).toBe('ccgw run 20261125T100000Z-mock: failed');
  });

  it('draws the latency and throughput charts with a point per timeline entry', () => {
    const timelines = json.phases.flatMap((p) => p.load ?? []).map((l) => [l.scenario, l.timeline.length] as const);
    expect(check.charts.map((c) => [c.chart, c.scenario])).toEqual(timelines.flatMap(([s]) => [['latency', s], ['throughput', s]]));
    for (const c of check.charts) {
      expect(c.width).toBeGreaterThan(100);
      expect(c.height).toBeGreaterThan(50);
      expect(c.series).toEqual([{ name: c.chart === 'latency' ? 'p95 (ms)' : 'req/s', points: timelines.find(([s]) => s === c.scenario)?.[1] }]);
    }
  });

  it('shows the same numbers as summary.json in every data-metric', () => {
    const names = Object.keys(check.metrics);
    expect(names.length).toBeGreaterThan(40);
    expectMetricsMatch(check, json);
  });

  it('shows every latency percentile and every retcode count of every scenario', () => {
    for (const load of json.phases.flatMap((p) => p.load ?? [])) {
      for (const [op, stats] of Object.entries(load.latencyMs)) {
        for (const stat of LATENCY_STATS) expect(check.metrics[`load.${load.scenario}.latency.${op}.${stat}`]?.text, `${load.scenario} ${op} ${stat}`).toBe(String(stats[stat]));
      }
      for (const [op, codes] of Object.entries(load.retcodes)) {
        for (const [code, count] of Object.entries(codes)) expect(check.metrics[`load.${load.scenario}.retcodes.${op}.${code}`]?.text).toBe(String(count));
      }
      for (const key of ['iterations', 'rps', 'durationMs', 'checksRate', 'errorRate', 'invariant.violations']) expect(check.metrics[`load.${load.scenario}.${key}`], key).toBeDefined();
    }
    for (const phase of json.phases) expect(check.metrics[`phase.${phase.name}.outcome`]?.text).toBe(phase.outcome);
  });

  it('saves a full-page PNG screenshot into the run directory', async () => {
    const path = join(files.dir, 'report.png');
    expect(check.screenshot?.path).toBe(path);
    const bytes = await readFile(path);
    expect(pngSize(bytes)).toEqual({ width: 1280, height: check.screenshot?.height });
    expect(check.screenshot?.height).toBeGreaterThan(1500);
    expect(bytes.length).toBeGreaterThan(50_000);
  });
});

describe('the rule coverage matrix of the HTML report in headless Chromium', () => {
  const coverage = () => rulesJson.phases.find((p) => p.name === 'rules')?.coverage ?? [];

  it('renders cleanly: no console error, nothing loaded, every in-page link leads somewhere', () => {
    expect(reportProblems(rulesCheck)).toEqual([]);
    expect(rulesCheck.brokenLinks).toEqual([]);
    expect(rulesCheck.title).toBe('ccgw run 20261126T080000Z-live: failed');
  });

  it('shows one row per rule of summary.json, operations in the fixed order, rules by rank, with the same outcome and expected answer', () => {
    const expected = OPERATION_IDS.flatMap((op) => coverage().filter((r) => r.operation === op).sort((a, b) => a.rank - b.rank));
    expect(rulesCheck.rules).toHaveLength(135);
    expect(rulesCheck.rules.map((r) => [r.operation, r.rule, r.outcome, r.expected])).toEqual(expected.map((r) => [r.operation, r.rule, r.outcome, r.expected]));
    expect(rulesCheck.rules.map((r) => r.caseLinks)).toEqual(expected.map((r) => r.caseIds.length));
  });

  it('shows each failed rule, open, with expected vs observed and its detail', () => {
    const failed = rulesCheck.rules.filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => r.rule)).toEqual(coverage().filter((r) => r.outcome === 'failed').map((r) => r.rule).sort((a, b) => rulesCheck.rules.findIndex((x) => x.rule === a) - rulesCheck.rules.findIndex((x) => x.rule === b)));
    for (const r of failed) {
      expect(r.visible, r.rule).toBe(true);
      expect(r.detail, r.rule).toBe(xmlSafe(coverage().find((c) => c.rule === r.rule)?.detail ?? ''));
    }
    const notSignedIn = failed.find((r) => r.rule === 'addInsert.targetNotSignedIn');
    expect([notSignedIn?.expected, notSignedIn?.observed, notSignedIn?.detail]).toEqual(['900-005', '900-003', 'expected retcode 900-005, got 900-003']);
  });

  it('shows each skipped rule with its reason, and collapses operations without a failed rule', () => {
    for (const r of rulesCheck.rules.filter((x) => x.outcome === 'skipped')) expect(r.detail, r.rule).toBe(`Skipped: ${coverage().find((c) => c.rule === r.rule)?.detail}`);
    const openOps = new Set(coverage().filter((r) => r.outcome === 'failed').map((r) => r.operation));
    for (const r of rulesCheck.rules) expect(r.visible, r.rule).toBe(openOps.has(r.operation));
  });

  it('shows the rule counts of summary.json in its data-metrics, all visible', () => {
    expect(rulesCheck.metrics['coverage.rules.total']?.text).toBe('135');
    expect(Object.keys(rulesCheck.metrics).filter((n) => n.startsWith('coverage.'))).toHaveLength(6 + 3 * OPERATION_IDS.length);
    expectMetricsMatch(rulesCheck, rulesJson);
  });

  it('tells a failed rule hidden in a collapsed operation, a failed rule without detail and a dead link apart as problems', async () => {
    const first = rulesCheck.rules[0]!;
    const hidden: ReportCheck = { ...rulesCheck, brokenLinks: ['case-gone'], rules: [{ ...first, outcome: 'failed', visible: false, detail: '' }] };
    expect(reportProblems(hidden)).toEqual([
      'the link to #case-gone leads nowhere: no element has that id',
      `the failed rule ${first.rule} is hidden; its operation ${first.operation} must be open`,
      `the failed rule ${first.rule} shows no expected vs observed`,
    ]);
  });

  it('writes a junit.xml with the rule coverage suite that a strict XML parser accepts', async () => {
    const xml = await checkXmlInBrowser(await readFile(rulesFiles.junit, 'utf8'));
    expect(xml.wellFormed).toBe(true);
    expect(xml.elements['testsuite']).toBe(rulesJson.phases.length + 1);
    expect(xml.elements['testcase']).toBe(rulesJson.phases.flatMap((p) => p.cases).length + coverage().length);
    expect(xml.elements['skipped']).toBe(rulesJson.phases.flatMap((p) => p.cases).filter((c) => c.outcome === 'skipped').length + coverage().filter((r) => r.outcome === 'skipped').length);
  });
});

describe('the other outputs in headless Chromium', () => {
  it('writes junit.xml that a strict XML parser accepts, with a testcase per case, threshold and invariant', async () => {
    const xml = await checkXmlInBrowser(await readFile(files.junit, 'utf8'));
    expect(xml.error).toBeUndefined();
    expect(xml.wellFormed).toBe(true);
    expect(xml.root).toBe('testsuites');
    const loads = json.phases.flatMap((p) => p.load ?? []);
    expect(xml.elements['testsuite']).toBe(json.phases.length);
    expect(xml.elements['testcase']).toBe(json.phases.flatMap((p) => p.cases).length + loads.reduce((n, l) => n + l.thresholds.length + 1, 0));
    expect(xml.elements['failure']).toBe(json.phases.flatMap((p) => p.cases).filter((c) => c.outcome === 'failed').length + loads.reduce((n, l) => n + l.thresholds.filter((t) => !t.ok).length + (l.invariant.violations > 0 ? 1 : 0), 0));
    expect(xml.elements['skipped']).toBe(json.phases.flatMap((p) => p.cases).filter((c) => c.outcome === 'skipped').length);
  });

  it('reports a page that tries to load something or runs script as broken', async () => {
    const file = join(root, 'hostile.html');
    await writeFile(file, htmlPage({ title: 'hostile', body: '<img src="http://127.0.0.1:9/x.png" alt=""><script>document.title = "ran"</script><span data-metric="x" data-unit="count">1</span>' }), 'utf8');
    const hostile = await checkReportInBrowser(file);
    expect(hostile.title).toBe('hostile');
    expect(reportProblems(hostile).join('\n')).toMatch(/Content Security Policy|http:\/\/127\.0\.0\.1:9\/x\.png/);
  });

  it('tells broken XML apart', async () => {
    const xml = await checkXmlInBrowser('<testsuites><testcase name="a & b"/></testsuites>');
    expect(xml.wellFormed).toBe(false);
  });

  it('renders the comparison page cleanly with its counts', async () => {
    const latencies = {
      a: latenciesOf('barge-storm', { addInsert: sampleLatencies(40, 9, 1) }),
      b: latenciesOf('barge-storm', { addInsert: sampleLatencies(40, 9, 2).map((v) => v + 300) }),
    };
    const file = join(root, 'compare.html');
    await writeFile(file, renderComparisonHtml(compareRuns(samplePassingRun(), samplePassingRun(), {}, latencies)), 'utf8');
    const compared = await checkReportInBrowser(file);
    expect(reportProblems(compared)).toEqual([]);
    expect(compared.metrics['compare.verdict']?.text).toBe('regressed');
    expect(compared.metrics['compare.regressions']?.text).toBe('1');
  });
});

describe('chromiumExecutable', () => {
  it('fails naming the path and the install command when Chromium is missing', () => {
    expect(() => chromiumExecutable('/nonexistent/chromium')).toThrow(BrowserMissingError);
    expect(() => chromiumExecutable('/nonexistent/chromium')).toThrow(/^Chromium not found at \/nonexistent\/chromium: .*`apt-get install -y chromium`.*CCGW_CHROMIUM/);
  });

  it('takes CCGW_CHROMIUM from the environment', () => {
    expect(() => chromiumExecutable(undefined, { CCGW_CHROMIUM: '/nonexistent/chrome' })).toThrow('Chromium not found at /nonexistent/chrome');
  });
});
