/**
 * Hand-built run summaries for the report tests: a failed mock run with a failed interaction (request, response,
 * expectation), a failed property (counterexample, seed, path), skipped cases, and a load phase with two
 * scenarios, percentiles per operation, retcode counts, a crossed threshold, invariant violations and a timeline.
 * The texts are hostile on purpose: markup, quotes, control characters, a password in a body, a Guid header.
 * `sampleRulesRun` adds a run whose `rules` phase carries the rule coverage matrix of every operation.
 */
import { OPERATION_IDS, OPERATION_RULES, PROFILE_2024, precedenceTable, type Provenance, type Rule } from '../../domain/index.ts';
import { operations } from '../../generated/contract.ts';
import type { Case, LoadResult, Phase, RuleCoverage, RunSummary, TimelinePoint } from '../run-summary.ts';

/** The password inside the sample's recorded sign-in body; it must appear in no report. */
export const SAMPLE_PASSWORD = 'Huawei@12345';

/** The Guid inside the sample's recorded request headers; its UUID part must appear in no report. */
export const SAMPLE_GUID_UUID = '6f1c1a52-4b8e-4a57-9b0e-1d8c2a4e7f10';

/** The markup inside the sample's gateway message; it must never become an element. */
export const SAMPLE_HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & ]]> \'quoted\' |pipe| *bold* bell\u0007';

function timeline(seconds: number, rps: number, p95: number, errorsAt: readonly number[] = []): TimelinePoint[] {
  return Array.from({ length: seconds }, (_, i) => ({
    t: i + 1,
    rps: Math.round((rps + 6 * Math.sin(i / 3)) * 100) / 100,
    p95Ms: Math.round((p95 + 4 * Math.cos(i / 4) + (i > seconds / 2 ? 3 : 0)) * 100) / 100,
    errors: errorsAt.includes(i + 1) ? 2 : 0,
  }));
}

const contractCases: Case[] = [
  { id: 'addinsert.ok', title: 'addinsert by an idle inspector on a signed-in agent answers 0', kind: 'interaction', outcome: 'passed', durationMs: 41.2, observed: { retcode: '0', httpStatus: 200 } },
  {
    id: 'addinsert.target-not-signed-in',
    title: 'addinsert on an agent that is not signed in answers 900-005',
    kind: 'interaction',
    outcome: 'failed',
    durationMs: 38.7,
    observed: { retcode: '900-003', httpStatus: 200 },
    failure: {
      message: `expected retcode 900-005, got 900-003 (message: ${SAMPLE_HOSTILE})\nsecond line of detail`,
      request: {
        method: 'PUT',
        url: 'https://10.0.0.5:8043/agentgateway/resource/qualitycontrol/30169/addinsert/30170',
        headers: { 'Content-Type': 'application/json; charset=UTF-8', Guid: `${SAMPLE_GUID_UUID}.AgentGateway1` },
      },
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: { message: SAMPLE_HOSTILE, retcode: '900-003', result: {} } },
      expected: { retcode: '900-005' },
      actual: { retcode: '900-003' },
    },
  },
  {
    id: 'signin.ok',
    title: 'sign-in with a valid password answers 0',
    kind: 'interaction',
    outcome: 'passed',
    durationMs: 12,
    observed: { retcode: '0', httpStatus: 200 },
  },
  {
    id: 'signin.echo',
    title: 'sign-in failure does not echo the password',
    kind: 'interaction',
    outcome: 'failed',
    durationMs: 15.5,
    observed: { retcode: '100-004', httpStatus: 200 },
    failure: {
      message: `the gateway echoed the sign-in body: {"password":"${SAMPLE_PASSWORD}","phonenum":"88830169"}`,
      request: { method: 'PUT', url: 'https://10.0.0.5:8043/agentgateway/resource/onlineagent/30169', body: { password: SAMPLE_PASSWORD, phonenum: '88830169' } },
      response: { status: 200, body: `{"retcode":"100-004","message":"bad password=${SAMPLE_PASSWORD}"}` },
      expected: 'no echo of the password',
    },
  },
  { id: 'addinsert.other-vdn', title: 'addinsert across VDNs answers 900-002', kind: 'interaction', outcome: 'skipped', durationMs: 0, skipReason: 'the fixtures have no second VDN <vdn 2>' },
];

const propertyCases: Case[] = [
  { id: 'prop.id-range', title: 'agent IDs outside 101–59999 answer 000-002', kind: 'property', outcome: 'passed', durationMs: 812 },
  {
    id: 'prop.barge-model',
    title: 'command sequences agree with the model',
    kind: 'scenario',
    outcome: 'failed',
    durationMs: 2310,
    failure: {
      message: 'Property failed after 37 tests\nShrunk 5 time(s)',
      counterexample: 'SignIn(30169) → AddInsert(30169, 30170) → AddInsert(30171, 30170)',
      seed: -1187235,
      path: '36:2:1',
      expected: '900-005 for the second barge',
      actual: '0',
    },
  },
  { id: 'prop.concurrent', title: 'concurrent barges: at most one wins', kind: 'property', outcome: 'skipped', durationMs: 0, skipReason: 'needs --concurrency ≥ 2' },
];

const storm: LoadResult = {
  scenario: 'barge-storm',
  iterations: 2400,
  durationMs: 60_000,
  rps: 48.25,
  latencyMs: {
    addInsert: { avg: 11.52, p50: 9.8, p90: 16.4, p95: 18.75, p99: 31.2, max: 88.9 },
    cancelInsert: { avg: 7.1, p50: 6.2, p90: 9.9, p95: 11.05, p99: 19.6, max: 40.3 },
    all: { avg: 9.3, p50: 8, p90: 13.7, p95: 15.95, p99: 27.45, max: 88.9 },
  },
  retcodes: { addInsert: { '0': 2310, '900-005': 88, '000-007': 2 }, cancelInsert: { '0': 2398, '900-004': 2 } },
  checksRate: 0.9975,
  errorRate: 0.0008,
  thresholds: [
    { metric: 'http_req_duration{operation:addInsert}', expression: 'p(95)<200', ok: true, value: 18.75 },
    { metric: 'checks', expression: 'rate>0.999', ok: false, value: 0.9975 },
  ],
  invariant: { violations: 2, detail: ['t=31.2s agent 30170 barged by 30169 and 30171 <at once>', 't=44.0s agent 30172 barged by 30169 and 30173'] },
  timeline: timeline(60, 48, 17, [31, 44]),
};

const smoke: LoadResult = {
  scenario: 'smoke',
  iterations: 30,
  durationMs: 10_000,
  rps: 6,
  latencyMs: { addInsert: { avg: 4.1, p50: 3.9, p90: 5.2, p95: 5.8, p99: 7.7, max: 8.1 } },
  retcodes: { addInsert: { '0': 30 } },
  checksRate: 1,
  errorRate: 0,
  thresholds: [{ metric: 'http_req_failed', expression: 'rate<0.01', ok: true, value: 0 }],
  invariant: { violations: 0 },
  timeline: timeline(10, 6, 5),
};

/** A failed mock run: contracts (2 failed, 1 skipped), properties (1 failed, 1 skipped), load (2 scenarios). */
export function sampleRun(): RunSummary {
  const phases: Phase[] = [
    { name: 'contracts', outcome: 'failed', durationMs: 1520, cases: structuredClone(contractCases) },
    { name: 'properties', outcome: 'failed', durationMs: 3200, cases: structuredClone(propertyCases) },
    { name: 'load', outcome: 'failed', durationMs: 70_500, cases: [], load: [structuredClone(storm), structuredClone(smoke)] },
  ];
  return {
    schemaVersion: 1,
    runId: '20261125T100000Z-mock',
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:01:15.220Z',
    durationMs: 75_220,
    target: { kind: 'live', url: 'https://10.0.0.5:8043', profile: 'ccgw-2024', auth: 'static' },
    tool: { version: '0.1.0', node: 'v20.19.0', k6: 'v1.3.0', pact: '16.5.0', platform: 'linux-x64' },
    outcome: 'failed',
    phases,
  };
}

/** A clean run: every case passed, one load scenario within its thresholds. */
export function samplePassingRun(): RunSummary {
  const cases: Case[] = [
    { id: 'addinsert.ok', title: 'addinsert by an idle inspector on a signed-in agent answers 0', kind: 'interaction', outcome: 'passed', durationMs: 40, observed: { retcode: '0', httpStatus: 200 } },
    { id: 'addinsert.target-not-signed-in', title: 'addinsert on an agent that is not signed in answers 900-005', kind: 'interaction', outcome: 'passed', durationMs: 35, observed: { retcode: '900-005', httpStatus: 200 } },
    { id: 'addinsert.self', title: 'addinsert on oneself answers 000-005', kind: 'check', outcome: 'passed', durationMs: 20, observed: { retcode: '000-005', httpStatus: 200 } },
  ];
  // The failed run's storm, as a storm that went well.
  const load: LoadResult = {
    ...structuredClone(storm),
    rps: 50,
    latencyMs: {
      addInsert: { avg: 10, p50: 9, p90: 14, p95: 16, p99: 24, max: 60 },
      all: { avg: 9, p50: 8, p90: 12, p95: 14, p99: 22, max: 60 },
    },
    retcodes: { addInsert: { '0': 2400 } },
    checksRate: 1,
    errorRate: 0,
    thresholds: [{ metric: 'http_req_duration{operation:addInsert}', expression: 'p(95)<200', ok: true, value: 16 }],
    invariant: { violations: 0 },
    timeline: timeline(20, 50, 15),
  };
  return {
    schemaVersion: 1,
    runId: '20261125T090000Z-old',
    startedAt: '2026-11-25T09:00:00Z',
    finishedAt: '2026-11-25T09:01:05Z',
    durationMs: 65_000,
    target: { kind: 'live', url: 'https://10.0.0.4:8043', profile: 'ccgw-2024', auth: 'static' },
    tool: { version: '0.1.0', node: 'v20.19.0', k6: 'v1.3.0', platform: 'linux-x64' },
    outcome: 'passed',
    phases: [
      { name: 'contracts', outcome: 'passed', durationMs: 900, cases },
      { name: 'load', outcome: 'passed', durationMs: 61_000, cases: [], load: [load] },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// A run with a `rules` phase: the rule suite's cases and the coverage matrix built from the real rows of src/domain.

/** The password a failed rule case's detail carries in the rules sample; it must appear in no report. */
export const SAMPLE_RULES_PASSWORD = 'Qc#Pass2026';

/** Why every CTI-fault row of the rules sample is skipped. */
export const SAMPLE_CTI_SKIP = 'no public call makes the CTI fail; checked on the embedded mock only';

/** Why the other-VDN rows of the rules sample are skipped. */
export const SAMPLE_VDN_SKIP = 'the fixtures name no agent of another VDN (add one with role "otherVdn")';

/** How a rules-sample case ends: the default is passed with the expected answer. */
interface CasePlan {
  readonly variant: string;
  readonly outcome?: 'failed' | 'skipped';
  /** Failed: what the gateway answered instead. Skipped: unused. */
  readonly got?: string;
  /** Failed: the failure message (default `expected retcode X, got Y`). Skipped: the reason. */
  readonly text?: string;
}

/** The cases of each rule the sample deviates on; every other rule gets one passing case (`default`). */
const RULE_PLANS: Readonly<Record<string, readonly CasePlan[]>> = {
  'addInsert.idOutOfRange.workNo': [{ variant: 'lowest-minus-1' }, { variant: 'lowest' }, { variant: 'highest-plus-1', outcome: 'failed', got: '0', text: 'expected retcode 000-002, got 0 (workNo 60000 was accepted)' }],
  'addInsert.idOutOfRange.agentid': [{ variant: 'lowest-minus-1' }, { variant: 'highest-plus-1' }, { variant: 'leading-zero' }],
  'addInsert.pathMismatch.workNo': [{ variant: 'sign' }, { variant: 'non-digits' }, { variant: 'very-long' }],
  'addInsert.targetNotSignedIn': [{ variant: 'signed-out-target', outcome: 'failed', got: '900-003' }],
  'addInsert.otherVdn': [{ variant: 'other-vdn-target', outcome: 'skipped', text: SAMPLE_VDN_SKIP }],
  'cancelInsert.otherVdn': [{ variant: 'other-vdn-target', outcome: 'skipped', text: SAMPLE_VDN_SKIP }],
  'addInsert.guidMismatch': [{ variant: 'missing' }, { variant: 'malformed' }, { variant: 'another-agents', outcome: 'skipped', text: 'the fixtures have one signed-in inspector only; another agent\'s Guid needs a second' }, { variant: 'stale-after-rotation' }],
  'signIn.wrongPassword': [{ variant: 'wrong-password', outcome: 'failed', got: '0', text: `expected retcode 100-004, got 0: the gateway signed in with password=${SAMPLE_RULES_PASSWORD}` }],
  'sayBusy.badReason': [
    { variant: 'reason-199' },
    { variant: 'reason-251', outcome: 'failed', got: '0', text: `expected retcode 000-002, got 0 | message ${SAMPLE_HOSTILE}\nsecond line` },
  ],
  'getAgentEvent.ok': [{ variant: 'events-of-a-barge', outcome: 'failed', got: '0', text: 'expected AgentOther_BeQcStart to the target after AgentState_Busy to the inspector, got no event within 10 s' }],
};

function expectedOf(rule: Rule<never>, answer: string): string {
  return 'injectedFault' in rule.answer ? 'injected fault' : answer;
}

function sourceOf(p: Provenance): string {
  return p.kind === 'documented' ? `${p.source}: "${p.says}"` : `${p.reason}${p.basis ? ` (see ${p.basis})` : ''}`;
}

function ruleCase(rule: string, title: string, expected: string, plan: CasePlan, n: number): Case {
  const id = `rules.${rule}.${plan.variant}`;
  const durationMs = Math.round((8 + ((n * 37) % 23) + (n % 3) / 4) * 100) / 100;
  const expectedAnswer = expected === 'http-404' ? { httpStatus: 404 } : { retcode: expected, httpStatus: 200 };
  const base = { id, title: `${title} (${plan.variant})`, kind: 'check' as const, durationMs, rule };
  if (plan.outcome === 'skipped') return { ...base, outcome: 'skipped', durationMs: 0, skipReason: plan.text ?? 'no reason' };
  if (plan.outcome === 'failed') {
    const got = plan.got ?? '0';
    return {
      ...base,
      outcome: 'failed',
      observed: { retcode: got, httpStatus: 200 },
      failure: {
        message: plan.text ?? `expected retcode ${expected}, got ${got}`,
        request: { method: 'PUT', url: `https://10.0.0.5:8043/agentgateway/resource/${rule.split('.')[0]}/30169`, headers: { Guid: `${SAMPLE_GUID_UUID}.AgentGateway1` } },
        response: { status: 200, body: { retcode: got, message: 'success', result: {} } },
        expected: expectedAnswer,
        actual: { retcode: got, httpStatus: 200 },
      },
    };
  }
  return { ...base, outcome: 'passed', observed: expectedAnswer };
}

function coverageRow(base: Omit<RuleCoverage, 'outcome' | 'caseIds' | 'counts' | 'detail'>, cases: readonly Case[]): RuleCoverage {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const c of cases) counts[c.outcome]++;
  const outcome = counts.failed > 0 ? 'failed' : counts.passed > 0 ? 'passed' : 'skipped';
  const failed = cases.find((c) => c.outcome === 'failed');
  const detail = outcome === 'failed' ? failed?.failure?.message.split('\n')[0] : outcome === 'skipped' ? cases[0]?.skipReason : undefined;
  return { ...base, outcome, caseIds: cases.map((c) => c.id), counts, ...(detail === undefined ? {} : { detail }) };
}

/**
 * The rule suite's phase against a live ccgw-2024 gateway: one coverage row per rule of every operation (its rank,
 * title, provenance, source, setting and expected answer from `OPERATION_RULES` and `precedenceTable`), plus one
 * `<op>.ok` success row per operation, with 1–4 cases each. It mixes passed rows, failed rows (expected vs observed;
 * one with hostile markup and a newline, one with a password) and skipped rows (CTI faults, another VDN).
 */
export function sampleRulesPhase(): Phase & { readonly coverage: readonly RuleCoverage[] } {
  const cases: Case[] = [];
  const coverage: RuleCoverage[] = [];
  for (const op of OPERATION_IDS) {
    const rules = OPERATION_RULES[op];
    const table = precedenceTable(op, rules, PROFILE_2024);
    const rows = table.map((row, i) => ({ row, rule: rules[i]! }));
    for (const { row, rule } of rows) {
      const expected = expectedOf(rule, row.answer);
      const plans = RULE_PLANS[row.rule] ?? ['injectedFault' in rule.answer ? { variant: 'cti-failure', outcome: 'skipped', text: SAMPLE_CTI_SKIP } : { variant: 'default' }];
      const own = plans.map((plan) => ruleCase(row.rule, row.title, expected, plan, cases.length + 1));
      cases.push(...own);
      coverage.push(
        coverageRow(
          {
            rule: row.rule,
            operation: op,
            rank: row.rank,
            title: row.title,
            provenance: row.provenance.kind,
            source: sourceOf(row.provenance),
            ...('setting' in rule.answer ? { setting: rule.answer.setting } : {}),
            expected,
          },
          own,
        ),
      );
    }
    const ok = `${op}.ok`;
    const plans = RULE_PLANS[ok] ?? [{ variant: 'default' }];
    const own = plans.map((plan) => ruleCase(ok, 'the call is valid and every precondition holds', '0', plan, cases.length + 1));
    cases.push(...own);
    coverage.push(
      coverageRow(
        {
          rule: ok,
          operation: op,
          rank: table.length + 1,
          title: 'the call is valid and every precondition holds',
          provenance: 'documented',
          source: `${operations[op].source}: the success answer and the events it triggers`,
          expected: '0',
        },
        own,
      ),
    );
  }
  return { name: 'rules', outcome: 'failed', durationMs: 14_250, cases, coverage };
}

/** A failed live run with a `contracts` phase and the `rules` phase of `sampleRulesPhase`. */
export function sampleRulesRun(): RunSummary {
  const passing = samplePassingRun();
  return {
    ...passing,
    runId: '20261126T080000Z-live',
    startedAt: '2026-11-26T08:00:00.000Z',
    finishedAt: '2026-11-26T08:00:16.100Z',
    durationMs: 16_100,
    target: { kind: 'live', url: 'https://10.0.0.5:8043', profile: 'ccgw-2024', auth: 'static' },
    outcome: 'failed',
    phases: [{ ...passing.phases[0]!, durationMs: 1850 }, sampleRulesPhase()],
  };
}

/**
 * The clean run with its load scenario replaced by a throughput scenario that fell short of its asked rate, with its
 * k6 dashboard and units on its thresholds.
 */
export function sampleShortThroughputRun(): RunSummary {
  const run = samplePassingRun();
  const load = run.phases[1]!.load![0]!;
  const short = {
    ...load,
    scenario: 'throughput',
    dashboard: 'load/dashboard.html',
    thresholds: [
      { metric: 'http_req_duration{name:addInsert}', expression: 'p(95)<500', ok: true, value: 12.1, unit: 'ms' as const },
      { metric: 'checks', expression: 'rate>=0.99', ok: true, value: 0.9975, unit: 'fraction' as const },
      { metric: 'dropped_iterations', expression: 'count<=4500', ok: false, value: 42_831, unit: 'count' as const },
    ],
    asked: { model: 'open' as const, unit: 'cycle' as const, rate: 3000, vus: 64, duration: '15s', minAchievedRatio: 0.9, pollPauseMs: 0 },
    achieved: {
      seconds: 15, iterations: 2169, perSecond: 144.6, calls: 19_500, callsPerSecond: 1300, dropped: 42_831, vusPeak: 64, vusLimit: 64, ratio: 0.0482, ok: false,
      notes: ['reached 144.6 cycles/s of the 3000 asked (4.8 %; at least 90 % required): k6 dropped 42831 of 45000 iterations for want of a free VU', 'why: all 64 VUs were busy', 'what to do: give it more VUs'],
    },
  };
  return { ...run, outcome: 'failed', phases: [run.phases[0]!, { ...run.phases[1]!, outcome: 'failed', load: [short] }] };
}
