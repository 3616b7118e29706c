/**
 * Hand-built run summaries for the report tests: a failed mock run with a failed interaction (request, response,
 * expectation), a failed property (counterexample, seed, path), skipped cases, and a load phase with two
 * scenarios, percentiles per operation, retcode counts, a crossed threshold, invariant violations and a timeline.
 * The texts are hostile on purpose: markup, quotes, control characters, a password in a body, a Guid header.
 *
 * @example
 * ```ts
 * const run = sampleRun();
 * const passing = samplePassingRun();
 * ```
 */
import type { Case, LoadResult, Phase, RunSummary, TimelinePoint } from '../run-summary.ts';

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

/**
 * A failed mock run: contracts (2 failed, 1 skipped), properties (1 failed, 1 skipped), load (2 scenarios).
 *
 * @example
 * ```ts
 * const xml = renderJunit(sampleRun());
 * ```
 */
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

/**
 * A clean run: every case passed, one load scenario within its thresholds.
 *
 * @example
 * ```ts
 * expect(compareRuns(samplePassingRun(), samplePassingRun()).regressed).toBe(false);
 * ```
 */
export function samplePassingRun(): RunSummary {
  const cases: Case[] = [
    { id: 'addinsert.ok', title: 'addinsert by an idle inspector on a signed-in agent answers 0', kind: 'interaction', outcome: 'passed', durationMs: 40, observed: { retcode: '0', httpStatus: 200 } },
    { id: 'addinsert.target-not-signed-in', title: 'addinsert on an agent that is not signed in answers 900-005', kind: 'interaction', outcome: 'passed', durationMs: 35, observed: { retcode: '900-005', httpStatus: 200 } },
    { id: 'addinsert.self', title: 'addinsert on oneself answers 000-005', kind: 'check', outcome: 'passed', durationMs: 20, observed: { retcode: '000-005', httpStatus: 200 } },
  ];
  const load: LoadResult = {
    scenario: 'barge-storm',
    iterations: 2400,
    durationMs: 60_000,
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
