import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureK6 } from '../src/tools/ensure-k6.ts';
import { startMockGateway, type MockGateway } from '../src/gateway/index.ts';
import { startForwardingProxy } from '../contracts/provider/forwarding-proxy.ts';
import { k6Run as runK6, type K6Run } from '../test/k6-run.ts';
import { losingEvents } from '../test/losing-events.ts';

const BUILD_TIMEOUT = 20 * 60_000;

function k6Run(k6: string, args: readonly string[], env: Record<string, string>): Promise<K6Run> {
  return runK6(k6, ['--quiet', ...args], { env, timeoutMs: 180_000 });
}

interface AdminJson {
  readonly signedIn?: number;
  readonly violations?: readonly unknown[];
  readonly operations?: Record<string, { retcodes: Record<string, number> }>;
}

async function admin(gw: MockGateway, path: string): Promise<AdminJson> {
  return (await (await fetch(`${gw.url}/__admin${path}`)).json()) as AdminJson;
}

describe('load scenarios against the in-process mock gateway', () => {
  let gw: MockGateway;
  let k6: string;
  let reports: string;

  beforeAll(async () => {
    k6 = await ensureK6();
    gw = await startMockGateway({ port: 0, pollWaitMs: 1000 });
    reports = mkdtempSync(join(tmpdir(), 'load-reports-'));
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await gw?.close();
    if (reports) rmSync(reports, { recursive: true, force: true });
  });

  it('smoke passes every threshold, writes JSON and JUnit, and leaves nobody signed in', async () => {
    const run = await k6Run(k6, ['load/scenarios/smoke.ts'], { BASE_URL: gw.url, CCGW_REPORT_DIR: reports });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('ccgw load smoke: PASSED');
    const junit = readFileSync(join(reports, 'smoke.junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites name="ccgw-load" tests="\d+" failures="0"/);
    const json = JSON.parse(readFileSync(join(reports, 'smoke.json'), 'utf8')) as { passed: boolean; invariant: { holds: boolean; barges: number } };
    expect(json.passed).toBe(true);
    expect(json.invariant.holds).toBe(true);
    expect(json.invariant.barges).toBeGreaterThan(0);
    expect((await admin(gw, '/health')).signedIn).toBe(0);
    expect((await admin(gw, '/audit')).violations).toEqual([]);
    const counters = (await admin(gw, '/counters')).operations!;
    expect(counters['addInsert']!.retcodes['900-005']).toBeGreaterThan(0); // storm losers
  });

  it.each([
    // [script, knobs, barges]: the closed models barge exactly once per storm round or cycle; throughput at least once
    ['barge-storm', { CCGW_LOAD_VUS: '2', CCGW_LOAD_ITERATIONS: '3' }, 6],
    ['soak', { CCGW_LOAD_VUS: '2', CCGW_LOAD_ITERATIONS: '2', CCGW_LOAD_THINK_MS: '200' }, 4],
    ['throughput', { CCGW_LOAD_VUS: '4', CCGW_LOAD_RATE: '5', CCGW_LOAD_DURATION: '2s' }, undefined],
  ] as const)('%s passes every threshold with its journey complete and leaves nobody signed in', async (script, knobs, barges) => {
    const run = await k6Run(k6, [`load/scenarios/${script}.ts`], { BASE_URL: gw.url, CCGW_REPORT_DIR: reports, CCGW_RUN_NAME: `${script}-small`, ...knobs });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(reports, `${script}-small.json`), 'utf8')) as { passed: boolean; invariant: { holds: boolean; barges: number; cancels: number } };
    expect(json.passed).toBe(true);
    expect(json.invariant.holds).toBe(true);
    if (barges === undefined) expect(json.invariant.barges).toBeGreaterThan(0);
    else expect(json.invariant.barges).toBe(barges);
    expect(json.invariant.cancels).toBe(json.invariant.barges);
    expect((await admin(gw, '/health')).signedIn).toBe(0);
  });

  it("smoke runs on the README's smallest QA fixtures (two inspectors and two agents of one VDN), its default sizes giving way and saying so", async () => {
    const fixtures = join(reports, 'qa-fixtures.json');
    const account = (id: string, vdn: number, inspector: boolean) => ({ id, vdn, inspector, phone: `888${id}`, password: 'demo' });
    writeFileSync(fixtures, JSON.stringify({ name: 'qa', agents: [account('30101', 1, true), account('30102', 1, true), account('30201', 1, false), account('30202', 1, false), account('40201', 2, false)], unconfiguredIds: ['101', '59999'] }));
    const run = await k6Run(k6, ['load/scenarios/smoke.ts'], { BASE_URL: gw.url, CCGW_REPORT_DIR: reports, CCGW_RUN_NAME: 'smoke-qa', CCGW_FIXTURES: fixtures });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr + run.stdout).toContain(`smoke: 1 storm group of 2 inspectors (1 VU), as the fixtures ${fixtures} hold no more; the scenario's default is 2 storm groups of 3 inspectors (to require a size: CCGW_LOAD_VUS and CCGW_LOAD_INSPECTORS, or ccgw's --vus and --inspectors)`);
    const json = JSON.parse(readFileSync(join(reports, 'smoke-qa.json'), 'utf8')) as { passed: boolean; invariant: { barges: number } };
    expect(json.passed).toBe(true);
    expect(json.invariant.barges).toBeGreaterThan(0);
    // A size the environment sets is held to: the same fixtures cannot give two groups.
    const held = await k6Run(k6, ['load/scenarios/smoke.ts'], { BASE_URL: gw.url, CCGW_REPORT_DIR: reports, CCGW_RUN_NAME: 'smoke-qa-2', CCGW_FIXTURES: fixtures, CCGW_LOAD_VUS: '2' });
    expect(held.code).toBe(107);
    expect(held.stderr + held.stdout).toContain('2 VUs need 2 storm groups of 2 inspectors and 1 agent of one VDN each, but the fixtures give only 1');
    expect(held.stderr + held.stdout).toContain('asked for by CCGW_LOAD_VUS=2');
  });

  it('two processes with complementary execution segments never sign the same account in', async () => {
    await fetch(`${gw.url}/__admin/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const runs = await Promise.all(
      ['0:1/2', '1/2:1'].map((segment, i) =>
        k6Run(k6, ['--execution-segment', segment, '--execution-segment-sequence', '0,1/2,1', 'load/scenarios/smoke.ts'], {
          BASE_URL: gw.url,
          CCGW_LOAD_VUS: '5',
          CCGW_REPORT_DIR: reports,
          CCGW_RUN_NAME: `smoke-segment-${i}`,
        }),
      ),
    );
    for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
    const counters = (await admin(gw, '/counters')).operations!;
    expect(counters['signIn']!.retcodes).toEqual({ '0': 5 * 4 }); // 5 groups of 3 inspectors and 1 agent, each signed in once
    expect((await admin(gw, '/audit')).violations).toEqual([]);
    expect((await admin(gw, '/health')).signedIn).toBe(0);
  });

  it('fails with crossed thresholds (exit 99) and a JUnit failure when the mock injects CTI faults', async () => {
    const run = await k6Run(k6, ['load/scenarios/smoke.ts'], {
      BASE_URL: gw.url,
      CCGW_REPORT_DIR: reports,
      CCGW_RUN_NAME: 'smoke-faults',
      CCGW_FAULTS: JSON.stringify([{ operation: 'addInsert', rate: 0.5, retcode: '900-001' }]),
    });
    expect(run.code).toBe(99);
    expect(readFileSync(join(reports, 'smoke-faults.junit.xml'), 'utf8')).toMatch(/<failure message="threshold crossed: ccgw_unexpected_answer/);
    expect((await admin(gw, '/health')).signedIn).toBe(0);
  });

  it.each([
    ['the target never hears of the barge', 'AgentOther_BeQcStart', 'addInsert'],
    ['the inspector is not told it is idle again after the cancel', 'AgentState_Ready', 'cancelInsert'],
  ])('fails (exit 99) naming the event when the gateway loses events under load: %s', async (_, lost, after) => {
    // Arrange: a short long-poll wait, so the waits for the lost events end soon.
    const quick = await startMockGateway({ port: 0, pollWaitMs: 100 });
    const proxy = await startForwardingProxy({ upstream: quick.url, transform: losingEvents([lost]) });
    const name = `smoke-lost-${lost}`;

    // Act
    const run = await k6Run(k6, ['load/scenarios/smoke.ts'], { BASE_URL: proxy.url, CCGW_REPORT_DIR: reports, CCGW_RUN_NAME: name }).finally(async () => {
      await proxy.close();
      await quick.close();
    });

    // Assert
    expect(run.code).toBe(99);
    expect(run.stderr).toMatch(new RegExp(`agent [0-9]+: ${lost} did not arrive \\([0-9]+ polls\\) after the ${after} answer; the deadline is 2000 ms`));
    expect(readFileSync(join(reports, `${name}.junit.xml`), 'utf8')).toMatch(/<failure message="threshold crossed: ccgw_events_on_time/);
  });

  it('refuses a non-loopback target without the live opt-in, before any traffic', async () => {
    const run = await k6Run(k6, ['load/scenarios/smoke.ts'], { BASE_URL: 'http://192.0.2.10:8000', CCGW_REPORT_DIR: reports });
    expect(run.code).toBe(107);
    expect(run.stderr).toMatch(/BASE_URL=http:\/\/192\.0\.2\.10:8000 is not on this machine.*CCGW_LIVE=1.*CCGW_MAX_RPS/);
  });

  it('fails fast in setup when no gateway answers', async () => {
    const closed = await startMockGateway({ port: 0 });
    const url = closed.url;
    await closed.close();
    const run = await k6Run(k6, ['load/scenarios/smoke.ts'], { BASE_URL: url, CCGW_REPORT_DIR: reports, CCGW_RUN_NAME: 'smoke-down' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/no gateway answers at BASE_URL=.*start the mock/);
  });
});
