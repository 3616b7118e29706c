import { describe, expect, it } from 'vitest';
import { renderJunit } from './junit.ts';
import type { RunSummary } from './run-summary.ts';
import { OPERATION_IDS } from '../domain/index.ts';
import { SAMPLE_CTI_SKIP, SAMPLE_GUID_UUID, SAMPLE_PASSWORD, SAMPLE_RULES_PASSWORD, samplePassingRun, sampleRulesRun, sampleRun, sampleShortThroughputRun } from './testing/sample-runs.ts';

function attr(xml: string, element: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
}

function suite(xml: string, name: string): string {
  const m = new RegExp(`<testsuite name="${name.replace(/[()]/g, '\\$&')}"[\\s\\S]*?</testsuite>`).exec(xml);
  if (!m) throw new Error(`no testsuite ${name}`);
  return m[0];
}

describe('renderJunit', () => {
  const xml = renderJunit(sampleRun());

  it('has one testsuite per phase with counts that add up', () => {
    expect(attr(xml, 'testsuite', 'name')).toEqual(['contracts', 'properties', 'load']);
    // contracts: 5 cases; properties: 3; load: barge-storm (2 thresholds + invariant) + smoke (1 threshold + invariant)
    expect(attr(xml, 'testsuite', 'tests')).toEqual(['5', '3', '5']);
    expect(attr(xml, 'testsuite', 'failures')).toEqual(['2', '1', '2']);
    expect(attr(xml, 'testsuite', 'skipped')).toEqual(['1', '1', '0']);
    expect(xml).toMatch(/<testsuites name="ccgw 20261125T100000Z-mock" tests="13" failures="5" errors="0" skipped="2" time="75.220"/);
    expect(xml.match(/<testcase /g)).toHaveLength(13);
  });

  it('names each testcase by title and stable id, with seconds as time', () => {
    expect(xml).toContain('<testcase classname="ccgw.contracts" name="addinsert by an idle inspector on a signed-in agent answers 0 [addinsert.ok]" time="0.041"/>');
  });

  it('puts the failure message in the attribute and request, response and expectation in the text', () => {
    const contracts = suite(xml, 'contracts');
    const failure = /<failure message="expected retcode 900-005, got 900-003[^"]*" type="interaction">([\s\S]*?)<\/failure>/.exec(contracts)?.[1] ?? '';
    expect(failure).toContain('Request:\nPUT https://10.0.0.5:8043/agentgateway/resource/qualitycontrol/30169/addinsert/30170');
    expect(failure).toContain('Response:\nHTTP 200');
    expect(failure).toContain('Expected:\n{\n  &quot;retcode&quot;: &quot;900-005&quot;\n}');
    expect(failure).toContain('Actual:\n{\n  &quot;retcode&quot;: &quot;900-003&quot;\n}');
  });

  it('gives a property failure its counterexample and replay seed', () => {
    const properties = suite(xml, 'properties');
    expect(properties).toContain('Counterexample:\nSignIn(30169) → AddInsert(30169, 30170) → AddInsert(30171, 30170)');
    expect(properties).toContain('Replay: { seed: -1187235, path: &quot;36:2:1&quot; }');
  });

  it('marks skipped cases with their reason, never as passed', () => {
    expect(xml).toContain('<skipped message="the fixtures have no second VDN &lt;vdn 2&gt;"/>');
    expect(xml).toContain('<skipped message="needs --concurrency ≥ 2"/>');
  });

  it('reports load thresholds and invariants as testcases', () => {
    const load = suite(xml, 'load');
    expect(load).toContain('<testcase classname="ccgw.load.barge-storm" name="threshold http_req_duration{operation:addInsert}: p(95)&lt;200" time="0.000"/>');
    expect(load).toMatch(/name="threshold checks: rate&gt;0.999" time="0.000">\s*<failure message="checks did not meet rate&gt;0.999 \(measured 0.9975\)" type="threshold">/);
    expect(load).toMatch(/name="invariant" time="60.000">\s*<failure message="2 invariant violations in scenario barge-storm" type="invariant">2 invariant violations:\nt=31.2s agent 30170 barged by 30169 and 30171 &lt;at once&gt;/);
    expect(load).toContain('<testcase classname="ccgw.load.smoke" name="invariant" time="10.000"/>');
  });

  it('adds a testcase for the share of the asked rate an open scenario started, failed with why and what to do', () => {
    const out = renderJunit(sampleShortThroughputRun());
    expect(out).toMatch(/<testcase classname="ccgw\.load\.throughput" name="starts at least 90 % of the asked 3000 cycles\/s" time="0.000">\s*<failure message="reached 144\.6 cycles\/s of the 3000 asked[^"]*" type="achieved">[^<]*why: all 64 VUs were busy\nwhat to do: give it more VUs<\/failure>/);
    expect(renderJunit(samplePassingRun())).not.toContain('of the asked');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // Only the elements the renderer writes remain.
    const names = new Set([...xml.matchAll(/<\/?([A-Za-z][\w-]*)/g)].map((m) => m[1]));
    expect([...names].sort()).toEqual(['failure', 'properties', 'property', 'skipped', 'system-out', 'testcase', 'testsuite', 'testsuites'].filter((n) => n !== 'system-out'));
  });

  it('never writes the password or the Guid', () => {
    expect(xml).not.toContain(SAMPLE_PASSWORD);
    expect(xml).not.toContain(SAMPLE_GUID_UUID);
    expect(xml).toContain('Guid: ***.AgentGateway1');
  });

  it('records the target and versions as suite properties', () => {
    expect(xml).toContain('<property name="target.profile" value="ccgw-2024"/>');
    expect(xml).toContain('<property name="tool.k6" value="v1.3.0"/>');
  });

  it('shows a phase that failed or was skipped as a whole as one testcase, so CI does not drop it', () => {
    const run: RunSummary = {
      ...samplePassingRun(),
      outcome: 'failed',
      phases: [
        { name: 'contracts', outcome: 'failed', durationMs: 10, reason: 'the gateway at https://10.0.0.4:8043 did not answer (ECONNREFUSED)', cases: [] },
        { name: 'load', outcome: 'skipped', durationMs: 0, reason: 'k6 is not installed', cases: [] },
      ],
    };
    const out = renderJunit(run);
    expect(out).toMatch(/<testcase classname="ccgw.contracts" name="phase contracts" time="0.010">\s*<failure message="the gateway at https:\/\/10.0.0.4:8043 did not answer \(ECONNREFUSED\)" type="phase">/);
    expect(out).toMatch(/<testcase classname="ccgw.load" name="phase load" time="0.000">\s*<skipped message="k6 is not installed"\/>/);
    expect(out).toContain('<system-out>k6 is not installed</system-out>');
  });

  it('scrubs extra secrets the caller names', () => {
    const run = samplePassingRun();
    const withSecret: RunSummary = { ...run, target: { ...run.target, faults: 'drop-after:s3cr3t-value' } };
    expect(renderJunit(withSecret, { secrets: ['s3cr3t-value'] })).not.toContain('s3cr3t-value');
  });
});

describe('renderJunit: the rule coverage suite', () => {
  const run = sampleRulesRun();
  const rows = run.phases[1]!.coverage!;
  const xml = renderJunit(run);
  const rules = suite(xml, 'rule coverage (ccgw-2024)');
  const testcase = (rule: string) => new RegExp(`<testcase classname="\\w+" name="[^"]*\\[${rule.replace(/\./g, '\\.')}\\]"[^>]*?(?:/>|>[\\s\\S]*?</testcase>)`).exec(rules)?.[0] ?? '';

  it('keeps the phase suites and adds one suite of the rules under the profile, after them', () => {
    expect(attr(xml, 'testsuite', 'name')).toEqual(['contracts', 'rules', 'rule coverage (ccgw-2024)']);
    expect(rules).toMatch(new RegExp(`^<testsuite name="rule coverage \\(ccgw-2024\\)" tests="${rows.length}" failures="${rows.filter((r) => r.outcome === 'failed').length}" errors="0" skipped="${rows.filter((r) => r.outcome === 'skipped').length}"`));
    expect(rules).toContain('<system-out>135 rules: 117 passed, 5 failed, 13 skipped; 96 documented, 39 inferred (phase rules)</system-out>');
    const cases = run.phases.flatMap((p) => p.cases).length;
    expect(xml).toMatch(new RegExp(`<testsuites name="ccgw 20261126T080000Z-live" tests="${cases + rows.length}" `));
    const overridden: RunSummary = { ...run, target: { ...run.target, profileOverrides: { answers: { targetAlreadyBarged: '900-003' } } } };
    expect(attr(renderJunit(overridden), 'testsuite', 'name')[2]).toBe('rule coverage (ccgw-2024 (targetAlreadyBarged → 900-003))');
  });

  it('has one testcase per rule, classname the operation, operations in the fixed order', () => {
    const classnames = attr(rules, 'testcase', 'classname');
    expect(classnames).toHaveLength(rows.length);
    expect([...new Set(classnames)]).toEqual([...OPERATION_IDS]);
    expect(testcase('addInsert.inspectorNotIdle')).toBe('<testcase classname="addInsert" name="the inspector is not idle [addInsert.inspectorNotIdle]" time="0.013"/>');
  });

  it('fails a failed rule with expected vs observed in the message and the rule, its basis and cases in the text', () => {
    const failed = testcase('addInsert.targetNotSignedIn');
    expect(failed).toContain('<failure message="expected retcode 900-005, got 900-003" type="rule">expected retcode 900-005, got 900-003\n\nRule: addInsert.targetNotSignedIn (rank 12 of addInsert)');
    expect(failed).toContain('Expected: 900-005 under ccgw-2024 (profile setting targetNotSignedIn)\nObserved: 900-003 in case rules.addInsert.targetNotSignedIn.signed-out-target');
    expect(testcase('addInsert.idOutOfRange.workNo')).toContain('Cases (2 passed, 1 failed):\n  rules.addInsert.idOutOfRange.workNo.lowest-minus-1: passed\n');
  });

  it('skips a skipped rule with its reason, never passes it', () => {
    expect(testcase('addInsert.ctiFault')).toMatch(new RegExp(`>\\s*<skipped message="${SAMPLE_CTI_SKIP}"/>\\s*</testcase>$`));
    expect(rules.match(/<skipped /g)).toHaveLength(rows.filter((r) => r.outcome === 'skipped').length);
  });

  it('escapes markup and keeps line breaks of a detail, and redacts a password in it', () => {
    const hostile = structuredClone(run) as any;
    hostile.phases[1].coverage.find((r: any) => r.rule === 'addInsert.targetNotSignedIn').detail = 'got <script>alert(1)</script> | "a"\nsecond line\u0007';
    const out = renderJunit(hostile);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('<failure message="got &lt;script&gt;alert(1)&lt;/script&gt; | &quot;a&quot;" type="rule">got &lt;script&gt;alert(1)&lt;/script&gt; | &quot;a&quot;\nsecond line\uFFFD\n');
    expect(xml).not.toContain(SAMPLE_RULES_PASSWORD);
    expect(testcase('signIn.wrongPassword')).toContain('password=***');
  });
});

