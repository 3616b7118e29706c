/**
 * The run as JUnit XML, the format CI servers show as test results (GitHub test-reporter actions, GitLab
 * `artifacts:reports:junit`, Jenkins). One `<testsuite>` per phase, one `<testcase>` per case; each load scenario adds a
 * testcase per k6 threshold and one for its invariant. A failure carries its message in the `message` attribute and
 * the request, response and expectation as text; a skipped case carries its reason.
 *
 * @example
 * ```ts
 * writeFileSync(join(dir, 'junit.xml'), renderJunit(summary));
 * ```
 */
import { escapeXml, escapeXmlAttribute } from './escape.ts';
import { failureText } from './failure-text.ts';
import { firstLine, formatMeasured, formatSeconds } from './format.ts';
import { redactSummary, type RedactOptions } from './redact.ts';
import type { Case, LoadResult, Phase, RunSummary } from './run-summary.ts';

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

/**
 * Renders the run as JUnit XML (UTF-8). The summary is redacted first; `options.secrets` adds literal secrets.
 *
 * @example
 * ```ts
 * const xml = renderJunit(summary, { secrets: [process.env.CCGW_PASSWORD ?? ''] });
 * ```
 */
export function renderJunit(input: RunSummary, options: RedactOptions = {}): string {
  const summary = redactSummary(input, options);
  const suites = summary.phases.map((phase) => ({ phase, tests: phaseTests(phase) }));
  const all = suites.flatMap((s) => s.tests);
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
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
