/**
 * The run as JUnit XML, the format CI servers show as test results (GitHub test-reporter actions, GitLab
 * `artifacts:reports:junit`, Jenkins). One `<testsuite>` per phase, one `<testcase>` per case; each load scenario adds a
 * testcase per k6 threshold, one for its invariant, and (open model) one for the share of the asked rate it started.
 * A failure carries its message in the `message` attribute and the request, response and expectation as text; a
 * skipped case carries its reason. A run with a rule coverage matrix adds a suite `rule coverage (<profile>)` with one
 * testcase per rule (classname = the operation): a failed rule carries expected vs observed, a skipped one its
 * reason, so CI pages show the matrix.
 */
import { escapeXml, escapeXmlAttribute } from './escape.ts';
import { failureText } from './failure-text.ts';
import { firstLine, formatMeasured, formatPercent, formatSeconds, profileLabel } from './format.ts';
import { achievedText } from './load-drive.ts';
import { redactSummary, type RedactOptions } from './redact.ts';
import { answerText, countsText, coverageSections, firstCaseOf, rowDetail, totalsText } from './rule-coverage.ts';
import type { Case, LoadResult, Phase, RuleCoverage, RunSummary } from './run-summary.ts';

interface TestCase {
  readonly classname: string;
  readonly name: string;
  readonly timeMs: number;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  /** One line for the `message` attribute. */
  readonly message?: string;
  /** The failure type (the case kind, `threshold` or `invariant`). */
  readonly type?: string;
  /** The long text inside `<failure>` or `<skipped>`. */
  readonly detail?: string;
}

function caseToTest(phase: Phase, c: Case): TestCase {
  const base = { classname: `ccgw.${phase.name}`, name: `${c.title} [${c.id}]`, timeMs: c.durationMs, outcome: c.outcome, type: c.kind };
  if (c.outcome === 'failed') {
    const message = c.failure?.message ?? 'failed without a message';
    return { ...base, message: firstLine(message, 500), detail: c.failure ? failureText(c.failure) : message };
  }
  if (c.outcome === 'skipped') return { ...base, message: c.skipReason ?? 'skipped without a reason' };
  return base;
}

function loadToTests(phase: Phase, load: LoadResult): TestCase[] {
  const classname = `ccgw.${phase.name}.${load.scenario}`;
  const tests: TestCase[] = load.thresholds.map((t) => {
    const measured = t.value === undefined ? '' : ` (measured ${formatMeasured(t.value)})`;
    return {
      classname,
      name: `threshold ${t.metric}: ${t.expression}`,
      timeMs: 0,
      outcome: t.ok ? 'passed' : 'failed',
      type: 'threshold',
      ...(t.ok ? {} : { message: `${t.metric} did not meet ${t.expression}${measured}`, detail: `Scenario ${load.scenario}: ${t.metric} did not meet ${t.expression}${measured}.` }),
    };
  });
  if (load.asked?.model === 'open' && load.achieved) {
    const name = `starts at least ${formatPercent(load.asked.minAchievedRatio ?? 0.9, 1)} % of the asked ${formatMeasured(load.asked.rate ?? 0)} ${load.asked.unit}s/s`;
    const notes = load.achieved.notes ?? [];
    tests.push({ classname, name, timeMs: 0, outcome: load.achieved.ok ? 'passed' : 'failed', type: 'achieved', ...(load.achieved.ok ? {} : { message: notes[0] ?? achievedText(load.asked, load.achieved), detail: notes.join('\n') }) });
  }
  const v = load.invariant.violations;
  tests.push({
    classname,
    name: 'invariant',
    timeMs: load.durationMs,
    outcome: v === 0 ? 'passed' : 'failed',
    type: 'invariant',
    ...(v === 0 ? {} : { message: `${v} invariant violation${v === 1 ? '' : 's'} in scenario ${load.scenario}`, detail: [`${v} invariant violation${v === 1 ? '' : 's'}:`, ...(load.invariant.detail ?? [])].join('\n') }),
  });
  return tests;
}

function phaseTests(phase: Phase): TestCase[] {
  const tests = [...phase.cases.map((c) => caseToTest(phase, c)), ...(phase.load ?? []).flatMap((l) => loadToTests(phase, l))];
  // A phase that failed or was skipped as a whole, with nothing to show for it, still appears as one test:
  // CI servers drop empty suites, and a failed phase must be visible.
  if (phase.outcome === 'failed' && !tests.some((t) => t.outcome === 'failed')) {
    const reason = phase.reason ?? `phase ${phase.name} failed without a failing case`;
    tests.push({ classname: `ccgw.${phase.name}`, name: `phase ${phase.name}`, timeMs: phase.durationMs, outcome: 'failed', type: 'phase', message: firstLine(reason, 500), detail: reason });
  } else if (tests.length === 0) {
    const reason = phase.reason ?? (phase.outcome === 'skipped' ? `phase ${phase.name} was skipped` : `phase ${phase.name} had no cases`);
    tests.push({ classname: `ccgw.${phase.name}`, name: `phase ${phase.name}`, timeMs: phase.durationMs, outcome: phase.outcome === 'passed' ? 'passed' : 'skipped', message: reason });
  }
  return tests;
}

function ruleToTest(phase: Phase, row: RuleCoverage, profile: string): TestCase {
  const cases = row.caseIds.map((id) => phase.cases.find((c) => c.id === id));
  const base = { classname: row.operation, name: `${row.title} [${row.rule}]`, timeMs: cases.reduce((sum, c) => sum + (c?.durationMs ?? 0), 0), outcome: row.outcome, type: 'rule' };
  const detail = rowDetail(row);
  if (row.outcome === 'skipped') return { ...base, message: detail };
  if (row.outcome === 'passed') return base;
  const failed = firstCaseOf(row, phase, 'failed');
  const observed = answerText(failed?.observed);
  const text = [
    detail,
    '',
    `Rule: ${row.rule} (rank ${row.rank} of ${row.operation}): ${row.title}`,
    `Expected: ${row.expected} under ${profile}${row.setting === undefined ? '' : ` (profile setting ${row.setting})`}`,
    ...(failed ? [`Observed: ${observed === '' ? 'no answer recorded' : observed} in case ${failed.id}`] : []),
    `Basis: ${row.provenance}: ${row.source}`,
    `Cases (${countsText(row.counts)}):`,
    ...row.caseIds.map((id, i) => `  ${id}: ${cases[i]?.outcome ?? 'not in this phase'}`),
  ];
  return { ...base, message: firstLine(detail, 500), detail: text.join('\n') };
}

function coverageSuites(summary: RunSummary): { name: string; durationMs: number; tests: TestCase[]; note: string }[] {
  const profile = profileLabel(summary.target);
  const sections = coverageSections(summary);
  return sections.map(({ phase, groups, totals }) => ({
    name: `rule coverage${sections.length > 1 ? ` ${phase.name}` : ''} (${profile})`,
    durationMs: phase.durationMs,
    tests: groups.flatMap((g) => g.rows.map((row) => ruleToTest(phase, row, profile))),
    note: `${totalsText(totals)} (phase ${phase.name})`,
  }));
}

function testcaseXml(t: TestCase): string {
  const open = `    <testcase classname="${escapeXmlAttribute(t.classname)}" name="${escapeXmlAttribute(t.name)}" time="${formatSeconds(t.timeMs)}"`;
  if (t.outcome === 'passed') return `${open}/>`;
  if (t.outcome === 'skipped') return `${open}>\n      <skipped message="${escapeXmlAttribute(t.message ?? '')}"/>\n    </testcase>`;
  return `${open}>\n      <failure message="${escapeXmlAttribute(t.message ?? '')}" type="${escapeXmlAttribute(t.type ?? 'failure')}">${escapeXml(t.detail ?? t.message ?? '')}</failure>\n    </testcase>`;
}

function counts(tests: readonly TestCase[]) {
  return {
    tests: tests.length,
    failures: tests.filter((t) => t.outcome === 'failed').length,
    skipped: tests.filter((t) => t.outcome === 'skipped').length,
  };
}

/** Renders the run as JUnit XML (UTF-8). The summary is redacted first; `options.secrets` adds literal secrets. */
export function renderJunit(input: RunSummary, options: RedactOptions = {}): string {
  const summary = redactSummary(input, options);
  const suites = summary.phases.map((phase) => ({ phase, tests: phaseTests(phase) }));
  const rules = coverageSuites(summary);
  const all = [...suites.flatMap((s) => s.tests), ...rules.flatMap((r) => r.tests)];
  const total = counts(all);
  const properties: [string, string][] = [
    ['runId', summary.runId],
    ['target.kind', summary.target.kind],
    ['target.url', summary.target.url],
    ['target.profile', summary.target.profile],
    ['target.auth', summary.target.auth],
    ...(summary.target.faults === undefined ? [] : [['target.faults', summary.target.faults] as [string, string]]),
    ['tool.version', summary.tool.version],
    ['tool.node', summary.tool.node],
    ...(summary.tool.k6 === undefined ? [] : [['tool.k6', summary.tool.k6] as [string, string]]),
    ...(summary.tool.pact === undefined ? [] : [['tool.pact', summary.tool.pact] as [string, string]]),
    ['tool.platform', summary.tool.platform],
  ];
  const propertiesXml = ['    <properties>', ...properties.map(([n, v]) => `      <property name="${escapeXmlAttribute(n)}" value="${escapeXmlAttribute(v)}"/>`), '    </properties>'].join('\n');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXmlAttribute(`ccgw ${summary.runId}`)}" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}" time="${formatSeconds(summary.durationMs)}" timestamp="${escapeXmlAttribute(summary.startedAt)}">`,
  ];
  for (const { phase, tests } of suites) {
    const c = counts(tests);
    lines.push(
      `  <testsuite name="${escapeXmlAttribute(phase.name)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="${formatSeconds(phase.durationMs)}" timestamp="${escapeXmlAttribute(summary.startedAt)}">`,
      propertiesXml,
      ...tests.map(testcaseXml),
      ...(phase.reason === undefined ? [] : [`    <system-out>${escapeXml(phase.reason)}</system-out>`]),
      '  </testsuite>',
    );
  }
  for (const suite of rules) {
    const c = counts(suite.tests);
    lines.push(
      `  <testsuite name="${escapeXmlAttribute(suite.name)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="${formatSeconds(suite.durationMs)}" timestamp="${escapeXmlAttribute(summary.startedAt)}">`,
      propertiesXml,
      ...suite.tests.map(testcaseXml),
      `    <system-out>${escapeXml(suite.note)}</system-out>`,
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
