import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_2024, PROFILE_2025, withOverrides, type Profile } from '../../src/domain/profiles.ts';
import { demoFixtures } from '../../src/fixtures/index.ts';
import { startMockGateway, type MockGateway } from '../../src/gateway/index.ts';
import type { Case } from '../../src/report/run-summary.ts';
import { startForwardingProxy, type ForwardingProxy, type ProxyAnswer } from '../provider/forwarding-proxy.ts';
import { calibrate } from './calibration.ts';
import { runRuleSuite, type RuleSuiteOptions, type RuleSuiteResult } from './run-suite.ts';
import { allSuiteRows, suitePlan } from './suite-plan.ts';
import { losingEvents } from '../../test/losing-events.ts';

/** A mock as `ccgw run` embeds it: seeded from the demo fixtures, its clock movable. */
async function embeddedMock(profile: Profile = PROFILE_2024, auth: 'static' | 'dynamic' = 'dynamic', signOutAfterMs?: number) {
  let ahead = 0;
  const gw = await startMockGateway({ port: 0, profile, auth, fixtures: demoFixtures(profile), clock: () => Date.now() + ahead, ...(signOutAfterMs ? { signOutAfterMs } : {}) });
  const options = (): RuleSuiteOptions => ({
    gatewayUrl: gw.url,
    fixtures: demoFixtures(profile),
    profile,
    auth,
    knowsEveryAccount: true,
    mock: {
      adminUrl: gw.url,
      advanceClock: (ms) => {
        ahead += ms;
        gw.sweep();
      },
    },
  });
  return { gw, options };
}

/** The same gateway reached only through its public calls, as a live gateway is (its admin API needs a token). */
function publicOptions(url: string, profile: Profile = PROFILE_2024): RuleSuiteOptions {
  return { gatewayUrl: url, fixtures: demoFixtures(profile), profile, auth: 'dynamic', knowsEveryAccount: false };
}

const failedRules = (r: RuleSuiteResult) => r.coverage.filter((c) => c.outcome === 'failed').map((c) => c.rule);
const verdict = (cases: readonly Case[]) => cases.map((c) => `${c.id} ${c.outcome} ${c.observed?.retcode ?? ''}${c.observed?.httpStatus ?? ''}`);

describe('the rule suite plan', () => {
  it('has a case for every row of every operation, and unique case ids', () => {
    const plan = suitePlan();
    for (const row of allSuiteRows()) expect(plan.some((c) => c.row.rule === row.rule), `${row.rule} has no case`).toBe(true);
    expect(new Set(plan.map((c) => c.id)).size).toBe(plan.length);
  });
});

describe.each([
  ['ccgw-2024', PROFILE_2024],
  ['ccgw-2025', PROFILE_2025],
] as const)('the rule suite against the embedded mock (%s)', (_name, profile) => {
  let mock: Awaited<ReturnType<typeof embeddedMock>>;
  beforeAll(async () => {
    mock = await embeddedMock(profile);
  });
  afterAll(() => mock.gw.close());

  it('passes every case of every rule, CTI faults and the Guid expiry included, and covers every rule', async () => {
    const result = await runRuleSuite(mock.options());
    const failures = result.cases.filter((c) => c.outcome !== 'passed').map((c) => `${c.id}: ${c.failure?.message ?? c.skipReason}`);
    expect(failures).toEqual([]);
    expect(result.coverage.map((r) => r.rule)).toEqual(allSuiteRows().map((r) => r.rule));
    expect(result.coverage.every((r) => r.outcome === 'passed')).toBe(true);
    expect(mock.gw.state.world.signedInCount).toBe(0);
  });
});

describe('a gateway whose timeouts changed', () => {
  it('is caught keeping an agent signed in after two minutes without an event poll', async () => {
    const mock = await embeddedMock(PROFILE_2024, 'dynamic', 10 * 60_000);
    try {
      const result = await runRuleSuite({ ...mock.options(), select: (c) => c.row.operation === 'signIn' });
      const c = result.cases.find((x) => x.id === 'rules.signIn.ok.after-silence')!;
      expect(c.outcome).toBe('failed');
      expect(c.failure?.message).toContain('expected retcode 0 (signIn.ok); got retcode 100-002');
    } finally {
      await mock.gw.close();
    }
  });

  it('skips the Guid expiry under static authentication, saying why, and still checks the no-poll sign-out', async () => {
    const mock = await embeddedMock(PROFILE_2024, 'static');
    try {
      const result = await runRuleSuite({ ...mock.options(), select: (c) => c.row.operation === 'addInsert' || c.row.operation === 'signIn' });
      expect(result.cases.find((x) => x.id === 'rules.addInsert.guidMismatch.stale-after-rotation')?.skipReason).toMatch(/static authentication/);
      expect(result.cases.find((x) => x.id === 'rules.signIn.ok.after-silence')?.outcome).toBe('passed');
      expect(result.outcome).toBe('passed');
    } finally {
      await mock.gw.close();
    }
  });
});

describe('the rule suite through public calls only', () => {
  let gw: MockGateway;
  beforeAll(async () => {
    gw = await startMockGateway({ port: 0, adminToken: 'nobody-has-it' });
  });
  afterAll(() => gw.close());

  it('exercises every rule or skips it with the reason: CTI faults and a Guid expiry cannot be produced', async () => {
    const polls: string[] = [];
    const proxy = await startForwardingProxy({ upstream: gw.url, onExchange: (e) => e.path.includes('/agentevent/') && polls.push(e.body) });
    const result = await runRuleSuite(publicOptions(proxy.url)).finally(() => proxy.close());
    expect(result.outcome).toBe('passed');
    const skipped = result.cases.filter((c) => c.outcome === 'skipped');
    expect(skipped.map((c) => c.id).sort()).toEqual(result.cases.filter((c) => /ctiFault|stale-after-rotation|after-silence/.test(c.id)).map((c) => c.id).sort());
    for (const c of skipped) expect(c.skipReason).toMatch(/no public call of the gateway makes the CTI fail|--wait-timeouts/);
    for (const row of result.coverage) {
      if (row.outcome === 'skipped') expect(row.rule, `${row.rule}: ${row.detail}`).toMatch(/\.ctiFault$/);
      else expect(row.outcome).toBe('passed');
    }
    expect(gw.state.world.signedInCount).toBe(0);
    // No poll waited for nothing: each found the event it was made for.
    expect(polls.length).toBeGreaterThan(100);
    expect(polls.filter((body) => /"retcode":"0"/.test(body) && !/"eventType"/.test(body))).toEqual([]);
  });

  it('gives the same verdict in every run', async () => {
    const first = await runRuleSuite(publicOptions(gw.url));
    const second = await runRuleSuite(publicOptions(gw.url));
    expect(verdict(second.cases)).toEqual(verdict(first.cases));
  });

  it('skips what the fixtures cannot play, naming what they lack, instead of guessing', async () => {
    const demo = demoFixtures();
    const vdn1 = { ...demo, accounts: demo.accounts.filter((a) => a.vdn === 1), unconfiguredIds: [] as string[] };
    const result = await runRuleSuite({ ...publicOptions(gw.url), fixtures: vdn1 });
    const otherVdn = result.cases.filter((c) => c.rule === 'addInsert.otherVdn');
    expect(otherVdn.every((c) => c.outcome === 'skipped' && /another VDN/.test(c.skipReason!))).toBe(true);
    const unconfigured = result.cases.find((c) => c.id === 'rules.addInsert.targetNotSignedIn.unconfigured-target')!;
    expect(unconfigured.skipReason).toMatch(/unconfiguredIds/);
    expect(result.cases.find((c) => c.id === 'rules.addInsert.idOutOfRange.workNo.at-max')!.skipReason).toMatch(/59999/);
    expect(result.outcome).toBe('passed');
  });
});

describe('a gateway that answers an undocumented case another way', () => {
  let gw: MockGateway;
  beforeAll(async () => {
    gw = await startMockGateway({ port: 0, profile: withOverrides(PROFILE_2024, { answers: { targetNotSignedIn: '900-003' } }) });
  });
  afterAll(() => gw.close());

  it('fails the rule, naming the setting, the candidate it gave and how to accept it', async () => {
    const result = await runRuleSuite(publicOptions(gw.url));
    expect(failedRules(result)).toContain('addInsert.targetNotSignedIn');
    const c = result.cases.find((x) => x.id === 'rules.addInsert.targetNotSignedIn.signed-out-target')!;
    expect(c.failure?.message).toContain('expected retcode 900-005 (addInsert.targetNotSignedIn); got retcode 900-003');
    expect(c.failure?.message).toContain('"profileOverrides": { "answers": { "targetNotSignedIn": "900-003" } }');
    expect(c.failure?.message).toContain('sent: PUT /agentgateway/resource/qualitycontrol/30101/addinsert/30201');
  });

  it('is learned by calibration, which then holds the gateway to it', async () => {
    const learned = await runRuleSuite({ ...publicOptions(gw.url), learn: true });
    expect(learned.outcome).toBe('passed');
    const found = calibrate(learned.observations, PROFILE_2024);
    expect(found.overrides).toEqual({ targetNotSignedIn: '900-003' });
    expect(found.conflicts).toEqual([]);
    expect(found.evidence.targetNotSignedIn?.[0]).toMatchObject({ answer: '900-003', request: expect.stringContaining('/addinsert/') });
    const held = await runRuleSuite(publicOptions(gw.url, withOverrides(PROFILE_2024, { answers: found.overrides })));
    expect(held.outcome).toBe('passed');
  });
});

function rewrite(answer: ProxyAnswer, edit: (body: Record<string, unknown>) => unknown): ProxyAnswer {
  return { ...answer, status: 200, headers: { ...answer.headers, 'content-type': 'application/json;charset=UTF-8' }, body: Buffer.from(JSON.stringify(edit(answer.status === 200 ? (JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>) : {}))) };
}

describe('gateways changed one behaviour at a time, as an upgrade might', () => {
  let gw: MockGateway;
  let proxy: ForwardingProxy | undefined;
  beforeAll(async () => {
    gw = await startMockGateway({ port: 0 });
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(() => gw.close());

  const changes: readonly [string, string, Parameters<typeof startForwardingProxy>[0]['transform']][] = [
    ['lets an inspector barge into himself', 'addInsert.selfTarget', (req, a) => (/\/qualitycontrol\/(\d+)\/addinsert\/\1$/.test(req.path) ? rewrite(a, (b) => ({ ...b, retcode: '0' })) : undefined)],
    ['answers an ID above the range with 000-002 instead of no resource', 'addInsert.pathMismatch.workNo', (req, a) => (req.path.endsWith('/addinsert/60000') ? rewrite(a, () => ({ message: '', retcode: '000-002', result: {} })) : undefined)],
    ['lets an inspector barge into a target without an account', 'addInsert.targetNotSignedIn', (req, a) => (req.path.endsWith('/addinsert/50000') ? rewrite(a, (b) => ({ ...b, retcode: '0' })) : undefined)],
    ['answers a barge into a signed-out target with 900-003', 'addInsert.targetNotSignedIn', (req, a) => (a.body.includes('"900-005"') && req.path.includes('/addinsert/') ? rewrite(a, (b) => ({ ...b, retcode: '900-003' })) : undefined)],
    ['tells the barged agent it is listened to (qcType 8) instead of inserted into (9)', 'addInsert.ok', (_req, a) => (a.body.includes('"qcType":9') ? { ...a, body: Buffer.from(a.body.toString().replace('"qcType":9', '"qcType":8')) } : undefined)],
    ['no longer rings the inspector\'s phone on a barge', 'addInsert.ok', (_req, a) => (a.body.includes('AgentOther_PhoneAlerting') ? { ...a, body: Buffer.from(a.body.toString().replace('AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook')) } : undefined)],
    ['shows a barging inspector as idle', 'addInsert.ok', (req, a) => (req.path.endsWith('/agentstatus') && a.body.includes('"agentState":7') ? { ...a, body: Buffer.from(a.body.toString().replace('"agentState":7', '"agentState":4')) } : undefined)],
    ['answers another agent\'s Guid with 000-003', 'addInsert.guidMismatch', (req, a) => (req.path.includes('/addinsert/') && a.body.includes('"100-006"') ? rewrite(a, (b) => ({ ...b, retcode: '000-003' })) : undefined)],
    ['lets a busy inspector barge', 'addInsert.inspectorNotIdle', (req, a) => (req.path.includes('/addinsert/') && a.body.includes('"900-005"') ? rewrite(a, (b) => ({ ...b, retcode: '0' })) : undefined)],
  ];

  it.each(changes)('catches a gateway that %s (%s)', async (_what, rule, transform) => {
    proxy = await startForwardingProxy({ upstream: gw.url, transform });
    const result = await runRuleSuite(publicOptions(proxy.url));
    expect(result.outcome).toBe('failed');
    expect(failedRules(result)).toContain(rule);
    const failure = result.cases.find((c) => c.rule === rule && c.outcome === 'failed')!.failure!;
    expect(failure.message.split('\n')[0]).toContain(rule);
    expect(failure.message).toMatch(/sent: (PUT|GET|DELETE|POST) \//);
  });

  it('stays quiet on a gateway behind a proxy that changes nothing', async () => {
    proxy = await startForwardingProxy({ upstream: gw.url });
    expect((await runRuleSuite(publicOptions(proxy.url))).outcome).toBe('passed');
  });
});

describe('a gateway that loses events', () => {
  let gw: MockGateway;
  let proxy: ForwardingProxy | undefined;
  beforeAll(async () => {
    gw = await startMockGateway({ port: 0, pollWaitMs: 200 });
  });
  afterAll(async () => {
    await proxy?.close();
    await gw.close();
  });

  it("names each agent's missing event, and waits for the inspector's and the target's at once", async () => {
    const polls: string[] = [];
    let recording = false;
    proxy = await startForwardingProxy({
      upstream: gw.url,
      transform: losingEvents(['AgentOther_PhoneOffhook', 'AgentOther_BeQcStart']),
      // The polls between the addinsert and the next other call (the caller's status, read once the events are).
      onExchange: (x) => {
        const agent = /\/agentevent\/(\d+)$/.exec(x.path)?.[1];
        if (x.path.includes('/addinsert/')) recording = true;
        else if (!agent) recording = false;
        else if (recording) polls.push(agent);
      },
    });
    const result = await runRuleSuite({ ...publicOptions(proxy.url), select: (c) => c.id === 'rules.addInsert.ok.idle-target', eventWaitMs: 1_500 });
    const message = result.cases.find((c) => c.id === 'rules.addInsert.ok.idle-target')!.failure!.message;
    expect(message).toMatch(/agent 30101 should receive [\w, ]*AgentOther_PhoneOffhook; within 1500 ms it received [\w, ]*AgentOther_PhoneAlerting\n/);
    expect(message).toMatch(/agent 30201 should receive [\w, ]*AgentOther_BeQcStart; within 1500 ms it received /);
    expect(message.indexOf('agent 30101 should')).toBeLessThan(message.indexOf('agent 30201 should'));
    // Both agents' empty long polls answered in turn (one after the other, the inspector's poll cut off at its
    // deadline would be the only one after the target's first).
    const inspectorPollsAfterTargetsFirst = polls.slice(polls.indexOf('30201')).filter((id) => id === '30101').length;
    expect(inspectorPollsAfterTargetsFirst, polls.join(' ')).toBeGreaterThanOrEqual(3);
  });
});
