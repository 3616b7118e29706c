import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkReportInBrowser, pngSize, reportProblems } from '../../report/browser-check.ts';
import type { RunSummary } from '../../report/run-summary.ts';

const BIN = fileURLToPath(new URL('../../../bin/ccgw.js', import.meta.url));
const run = promisify(execFile);

describe('the main job (npm start = ccgw run) against the embedded mock', () => {
  it('passes the rules, contracts, properties and the load smoke, and writes a report that renders in headless Chromium with the numbers of summary.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-main-job-'));
    const { stdout } = await run(process.execPath, [BIN, 'run', '--out', out, '--quiet'], { timeout: 240_000 });
    expect(stdout).toMatch(/^PASSED: rules passed \((\d+)\/\1\), contracts passed \(16\/16\), properties passed \(4\/4\), load passed \(1\/1\)/m);
    const dir = join(out, readdirSync(out)[0]!);
    for (const f of ['summary.json', 'junit.xml', 'report.html', 'summary.md']) expect(existsSync(join(dir, f)), f).toBe(true);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.outcome).toBe('passed');
    expect(summary.phases.map((p) => p.name)).toEqual(['rules', 'contracts', 'properties', 'load']);

    const screenshot = join(dir, 'report.png');
    const check = await checkReportInBrowser(join(dir, 'report.html'), { screenshot });
    expect(reportProblems(check)).toEqual([]);
    const cases = summary.phases.flatMap((p) => p.cases);
    expect(check.metrics['cases.total']?.text).toBe(String(cases.length));
    expect(check.metrics['cases.passed']?.text).toBe(String(cases.filter((c) => c.outcome === 'passed').length));
    const load = summary.phases.find((p) => p.name === 'load')!.load![0]!;
    expect(Number(check.metrics['load.smoke.latency.addInsert.p95']?.text)).toBeCloseTo(load.latencyMs['addInsert']!.p95, 1);
    expect(check.charts.find((c) => c.chart === 'throughput')?.series[0]?.points).toBe(load.timeline.length);
    expect(pngSize(readFileSync(screenshot))?.width).toBe(1280);
    // The rule coverage matrix: every rule of the run, in order, passed.
    const coverage = summary.phases.find((p) => p.name === 'rules')!.coverage!;
    expect(check.rules.map((r) => r.rule)).toEqual(coverage.map((r) => r.rule));
    expect(check.rules.every((r) => r.outcome === 'passed')).toBe(true);
  }, 300_000);
});
