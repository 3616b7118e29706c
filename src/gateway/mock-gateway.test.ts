import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_2024, withOverrides } from '../domain/profiles.ts';
import { startMockGateway, type MockGateway } from './mock-gateway.ts';
import { admin, call, drainEvents, guidOf, signInDemo } from './testing/call.ts';

const INSPECTOR = '30101';
const INSPECTOR_2 = '30102';
const AGENT = '30201';
const AGENT_2 = '30202';
const OTHER_VDN_AGENT = '40201';

let gw: MockGateway;
beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: 150 });
});
afterAll(() => gw.close());
afterEach(async () => {
  await admin(gw.url, 'POST', '/reset');
});

async function bothIdle(): Promise<{ gi: string; ga: string }> {
  const gi = await signInDemo(gw.url, INSPECTOR);
  const ga = await signInDemo(gw.url, AGENT);
  await drainEvents(gw.url, INSPECTOR, gi);
  await drainEvents(gw.url, AGENT, ga);
  return { gi, ga };
}

describe('mock gateway: a barge over real HTTP', () => {
  it('signs in with Set-GUID, sets idle, barges (retcode 0) and delivers the documented events in order by polling', async () => {
    const signIn = await call(gw.url, 'signIn', { agentid: INSPECTOR }, { body: { password: 'demo', phonenum: `888${INSPECTOR}`, status: 3 } });
    expect(signIn.json).toMatchObject({ retcode: '0', result: { vdnid: 1, workno: INSPECTOR, serverName: 'AgentGateway' } });
    const gi = guidOf(signIn);
    expect(gi).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.AgentGateway0$/);
    expect(signIn.headers.get('set-cookie')).toContain('ccgw_node=');
    const ga = await signInDemo(gw.url, AGENT);

    expect((await call(gw.url, 'sayFree', { agentid: INSPECTOR }, { guid: gi })).json.retcode).toBe('0');
    expect(await drainEvents(gw.url, INSPECTOR, gi)).toEqual(['AgentOther_InService', 'AgentState_Ready', 'AgentState_SetNotReady_Success', 'AgentState_Ready']);
    expect(await drainEvents(gw.url, AGENT, ga)).toEqual(['AgentOther_InService', 'AgentState_Ready']);

    const barge = await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: gi });
    expect(barge.json).toEqual({ message: '', retcode: '0', result: {} });
    expect(await drainEvents(gw.url, INSPECTOR, gi)).toEqual(['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook']);
    const beQc = await call(gw.url, 'getAgentEvent', { agentid: AGENT }, { guid: ga });
    expect(beQc.json.event).toEqual({ eventType: 'AgentOther_BeQcStart', workNo: AGENT, content: { qcType: 9, qcAgentId: Number(INSPECTOR) } });

    const status = await call(gw.url, 'agentStatus', { agentid: INSPECTOR }, { guid: gi });
    expect(status.json.result).toEqual({ agentState: 7, isWorking: true });

    expect((await call(gw.url, 'cancelInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: gi })).json.retcode).toBe('0');
    expect(await drainEvents(gw.url, INSPECTOR, gi)).toEqual(['AgentOther_PhoneRelease', 'AgentState_Ready']);
    expect(await drainEvents(gw.url, AGENT, ga)).toEqual(['AgentOther_BeQcStop']);
    expect((await admin(gw.url, 'GET', '/audit')).json.violationCount).toBe(0);
  });

  it('accepts the Guid header in any case (the Java demo sends "guid")', async () => {
    const { gi } = await bothIdle();
    const r = await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { headers: { guid: gi } });
    expect(r.json.retcode).toBe('0');
  });
});

describe('mock gateway: every documented addinsert error from a real state', () => {
  it('100-006: the inspector is not signed in', async () => {
    await signInDemo(gw.url, AGENT);
    expect((await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: 'x' })).json.retcode).toBe('100-006');
  });

  it.each([
    ['missing', undefined],
    ['another agent’s', 'target'],
    ['made-up', '00000000-0000-0000-0000-000000000000.AgentGateway0'],
  ])('100-006: the Guid is %s', async (_, which) => {
    const { ga } = await bothIdle();
    const guid = which === 'target' ? ga : which;
    expect((await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, guid === undefined ? {} : { guid })).json.retcode).toBe('100-006');
  });

  it('900-002: the caller has no inspection right', async () => {
    const g = await signInDemo(gw.url, AGENT_2);
    await signInDemo(gw.url, AGENT);
    expect((await call(gw.url, 'addInsert', { agentid: AGENT_2, workNo: AGENT }, { guid: g })).json.retcode).toBe('900-002');
  });

  it('900-002: the target is in another VDN', async () => {
    const { gi } = await bothIdle();
    await signInDemo(gw.url, OTHER_VDN_AGENT);
    expect((await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: OTHER_VDN_AGENT }, { guid: gi })).json.retcode).toBe('900-002');
  });

  it('900-005: the inspector is not idle (busy)', async () => {
    const { gi } = await bothIdle();
    expect((await call(gw.url, 'sayBusy', { agentid: INSPECTOR }, { guid: gi })).json.retcode).toBe('0');
    expect((await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: gi })).json.retcode).toBe('900-005');
  });

  it('900-005: the target is already barged by another inspector', async () => {
    const { gi } = await bothIdle();
    const g2 = await signInDemo(gw.url, INSPECTOR_2);
    expect((await call(gw.url, 'addInsert', { agentid: INSPECTOR_2, workNo: AGENT }, { guid: g2 })).json.retcode).toBe('0');
    const r = await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: gi });
    expect(r.json.retcode).toBe('900-005');
    expect(r.json.message).toContain(`inspector ${INSPECTOR_2} is already barged into agent ${AGENT}`);
  });

  it.each(['900-001', '900-003'])('%s: injected CTI fault, after the state checks, changing nothing', async (retcode) => {
    const { gi } = await bothIdle();
    expect((await admin(gw.url, 'PUT', '/faults', { faults: [{ operation: 'addInsert', retcode }] })).status).toBe(200);
    expect((await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: gi })).json.retcode).toBe(retcode);
    const snapshot = (await admin(gw.url, 'GET', '/snapshot')).json.agents;
    expect(snapshot.find((a: { id: string }) => a.id === AGENT)).toMatchObject({ bargedBy: null });
  });
});

describe('mock gateway: concurrency', () => {
  it('lets exactly one of 50 concurrent barges on one agent win; the others get the profile retcode', async () => {
    const inspectors = Array.from({ length: 50 }, (_, i) => String(30101 + i));
    const { guids } = (await admin(gw.url, 'POST', '/agents/sign-in', { ids: [...inspectors, AGENT] })).json;
    const answers = await Promise.all(inspectors.map((id) => call(gw.url, 'addInsert', { agentid: id, workNo: AGENT }, { guid: guids[id] })));
    const codes = answers.map((a) => a.json.retcode);
    expect(codes.filter((c) => c === '0')).toHaveLength(1);
    expect(codes.filter((c) => c !== '0')).toEqual(Array(49).fill(PROFILE_2024.answers.targetAlreadyBarged.value));
    const audit = (await admin(gw.url, 'GET', '/audit')).json;
    expect(audit.violationCount).toBe(0);
    expect(audit.checks).toBeGreaterThan(0);
  });
});

/** Writes `requests` in one packet on one connection and reads `requests.length` answers (status and JSON body). */
function pipelined(port: number, requests: string[]): Promise<Array<{ status: number; json: any }>> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffered = Buffer.alloc(0);
    const answers: Array<{ status: number; json: any }> = [];
    socket.setTimeout(5000, () => socket.destroy(new Error(`only ${answers.length} of ${requests.length} answers arrived`)));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) break;
        const head = buffered.subarray(0, end).toString('latin1');
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) break;
        answers.push({ status: Number(head.slice(9, 12)), json: JSON.parse(buffered.subarray(end + 4, end + 4 + length).toString('utf8')) });
        buffered = buffered.subarray(end + 4 + length);
      }
      if (answers.length === requests.length) {
        socket.end();
        resolve(answers);
      }
    });
    socket.write(requests.join(''));
  });
}

describe('mock gateway: answers written at the end of the turn', () => {
  it('answers pipelined calls on one connection in order, each decided on the state the previous one left', async () => {
    const { gi } = await bothIdle();
    const line = (method: string, path: string) => `${method} /agentgateway/resource/${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nGuid: ${gi}\r\nContent-Type: application/json\r\n\r\n`;
    const answers = await pipelined(gw.port, [
      line('PUT', `qualitycontrol/${INSPECTOR}/addinsert/${AGENT}`),
      line('GET', `onlineagent/${INSPECTOR}/agentstatus`),
      line('PUT', `qualitycontrol/${INSPECTOR}/addinsert/${AGENT}`),
      line('DELETE', `qualitycontrol/${INSPECTOR}/${AGENT}`),
      line('GET', `onlineagent/${INSPECTOR}/agentstatus`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.json.retcode)).toEqual(['0', '0', PROFILE_2024.answers.inspectorNotIdle.value, '0', '0']);
    expect(answers[1]!.json.result).toEqual({ agentState: 7, isWorking: true });
    expect(answers[4]!.json.result).toEqual({ agentState: 4, isWorking: false });
  });

  it('survives clients that leave before their answers are written, and keeps every decision', async () => {
    const { gi } = await bothIdle();
    const request = `PUT /agentgateway/resource/qualitycontrol/${INSPECTOR}/addinsert/${AGENT} HTTP/1.1\r\nHost: 127.0.0.1\r\nGuid: ${gi}\r\n\r\n`;
    await new Promise<void>((resolve) => {
      const socket = connect(gw.port, '127.0.0.1', () => {
        socket.write(request);
        socket.destroy();
        resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const snapshot = (await admin(gw.url, 'GET', '/snapshot')).json.agents;
    expect(snapshot.find((a: { id: string }) => a.id === AGENT)).toMatchObject({ bargedBy: INSPECTOR });
    expect((await call(gw.url, 'cancelInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: gi })).json.retcode).toBe('0');
  });
});

describe('mock gateway: sessions', () => {
  it('answers 100-002 to a second sign-in and lets forcelogin take over, invalidating the old Guid', async () => {
    const old = await signInDemo(gw.url, INSPECTOR);
    const again = await call(gw.url, 'signIn', { agentid: INSPECTOR }, { body: { password: 'demo', phonenum: `888${INSPECTOR}` } });
    expect(again.json.retcode).toBe('100-002');
    expect(again.headers.get('set-guid')).toBeNull();
    const forced = await call(gw.url, 'forceLogin', { agentid: INSPECTOR }, { body: { password: 'demo', phonenum: `888${INSPECTOR}` } });
    expect(forced.json.retcode).toBe('0');
    const fresh = guidOf(forced);
    expect(fresh).not.toBe(old);
    expect((await call(gw.url, 'agentStatus', { agentid: INSPECTOR }, { guid: old })).json.retcode).toBe('100-006');
    expect((await call(gw.url, 'agentStatus', { agentid: INSPECTOR }, { guid: fresh })).json.retcode).toBe('0');
  });

  it('answers a waiting poll with 100-006 when the agent is forced out meanwhile', async () => {
    const slow = await startMockGateway({ port: 0, pollWaitMs: 5000 });
    try {
      const g = await signInDemo(slow.url, AGENT);
      await takeEvents(slow.url, AGENT, g, 2);
      const waiting = call(slow.url, 'getAgentEvent', { agentid: AGENT }, { guid: g });
      await waitUntil(() => slow.state.queues.queued(AGENT) === 0 && slow.state.lastSeen.has(AGENT));
      await call(slow.url, 'forceLogin', { agentid: AGENT }, { body: { password: 'demo', phonenum: `888${AGENT}` } });
      expect((await waiting).json.retcode).toBe('100-006');
    } finally {
      await slow.close();
    }
  });

  it('returns a waiting poll at once when an event arrives, and with event null after the wait', async () => {
    const { ga } = await bothIdle();
    const empty = await call(gw.url, 'getAgentEvent', { agentid: AGENT }, { guid: ga });
    expect(empty.json).toEqual({ message: '', retcode: '0', event: null });
    const slow = await startMockGateway({ port: 0, pollWaitMs: 30_000 });
    try {
      const g1 = await signInDemo(slow.url, INSPECTOR);
      const g2 = await signInDemo(slow.url, AGENT);
      await takeEvents(slow.url, AGENT, g2, 2);
      const waiting = call(slow.url, 'getAgentEvent', { agentid: AGENT }, { guid: g2 });
      await new Promise((r) => setTimeout(r, 50));
      await call(slow.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: g1 });
      expect((await waiting).json.event.eventType).toBe('AgentOther_BeQcStart');
    } finally {
      await slow.close();
    }
  });

  it('signs out an agent that stops polling, ending its barge (no-poll limit)', async () => {
    const quick = await startMockGateway({ port: 0, pollWaitMs: 100, signOutAfterMs: 300 });
    try {
      const gi = await signInDemo(quick.url, INSPECTOR);
      await signInDemo(quick.url, AGENT);
      expect((await call(quick.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: gi })).json.retcode).toBe('0');
      await waitUntil(() => !quick.state.world.agent(INSPECTOR)?.session && !quick.state.world.agent(AGENT)?.session, 10_000);
      expect((await call(quick.url, 'getAgentEvent', { agentid: INSPECTOR }, { guid: gi })).json.retcode).toBe('100-006');
      expect(quick.state.audit.report().violationCount).toBe(0);
    } finally {
      await quick.close();
    }
  });
});

describe('mock gateway: Guid authentication', () => {
  it('dynamic: rotates the Guid on a poll after the interval, sends it in Set-GUID, and keeps the old one valid until its timeout', async () => {
    let now = 1_000_000;
    const dyn = await startMockGateway({ port: 0, pollWaitMs: 50, auth: 'dynamic', guidIntervalMs: 60_000, guidTimeoutMs: 120_000, signOutAfterMs: 10_000_000, clock: () => now });
    try {
      const g0 = await signInDemo(dyn.url, AGENT);
      const early = await call(dyn.url, 'getAgentEvent', { agentid: AGENT }, { guid: g0 });
      expect(early.headers.get('set-guid')).toBeNull();
      now += 60_000;
      const rotated = await call(dyn.url, 'getAgentEvent', { agentid: AGENT }, { guid: g0 });
      const g1 = guidOf(rotated);
      expect(g1).not.toBe(g0);
      now += 30_000;
      expect((await call(dyn.url, 'agentStatus', { agentid: AGENT }, { guid: g0 })).json.retcode).toBe('0');
      const resent = await call(dyn.url, 'getAgentEvent', { agentid: AGENT }, { guid: g0 });
      expect(guidOf(resent)).toBe(g1);
      now += 30_001;
      expect((await call(dyn.url, 'agentStatus', { agentid: AGENT }, { guid: g0 })).json.retcode).toBe('100-006');
      expect((await call(dyn.url, 'agentStatus', { agentid: AGENT }, { guid: g1 })).json.retcode).toBe('0');
    } finally {
      await dyn.close();
    }
  });

  it('static: never rotates the Guid', async () => {
    let now = 1_000_000;
    const st = await startMockGateway({ port: 0, pollWaitMs: 50, auth: 'static', signOutAfterMs: 10_000_000, clock: () => now });
    try {
      const g = await signInDemo(st.url, AGENT);
      now += 600_000;
      const r = await call(st.url, 'getAgentEvent', { agentid: AGENT }, { guid: g });
      expect(r.json.retcode).toBe('0');
      expect(r.headers.get('set-guid')).toBeNull();
    } finally {
      await st.close();
    }
  });

  it('answers a Guid mismatch with 000-003 under a profile that says so', async () => {
    const p = await startMockGateway({ port: 0, pollWaitMs: 50, profile: withOverrides(PROFILE_2024, { answers: { guidMismatch: '000-003' } }) });
    try {
      await signInDemo(p.url, INSPECTOR);
      await signInDemo(p.url, AGENT);
      expect((await call(p.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: 'wrong' })).json.retcode).toBe('000-003');
    } finally {
      await p.close();
    }
  });
});

describe('mock gateway: faults', () => {
  it('delays one call without blocking others', async () => {
    const { gi, ga } = await bothIdle();
    await admin(gw.url, 'PUT', '/faults', { faults: [{ operation: 'agentStatus', agent: INSPECTOR, latencyMs: 1500 }] });
    const order: string[] = [];
    const slow = call(gw.url, 'agentStatus', { agentid: INSPECTOR }, { guid: gi }).then(() => order.push('slow'));
    const fast = call(gw.url, 'agentStatus', { agentid: AGENT }, { guid: ga }).then(() => order.push('fast'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('answers an injected HTTP status and resets connections when told', async () => {
    const { gi } = await bothIdle();
    await admin(gw.url, 'PUT', '/faults', { faults: [{ operation: 'agentStatus', http: 503 }] });
    expect((await call(gw.url, 'agentStatus', { agentid: INSPECTOR }, { guid: gi })).status).toBe(503);
    await admin(gw.url, 'PUT', '/faults', { faults: [{ operation: 'agentStatus', reset: true }] });
    await expect(call(gw.url, 'agentStatus', { agentid: INSPECTOR }, { guid: gi })).rejects.toThrow();
    await admin(gw.url, 'DELETE', '/faults');
    expect((await call(gw.url, 'agentStatus', { agentid: INSPECTOR }, { guid: gi })).status).toBe(200);
  });

  it('refuses a fault retcode the operation does not list, naming it', async () => {
    const r = await admin(gw.url, 'PUT', '/faults', { faults: [{ operation: 'addInsert', retcode: '100-004' }] });
    expect(r.status).toBe(400);
    expect(r.json.detail).toBe('faults[0].retcode 100-004 is not listed for addInsert in the contract; pick a retcode the operation may answer');
  });
});

describe('mock gateway: admin API', () => {
  it('puts an agent into a barged state with a chosen Guid (for Pact provider states)', async () => {
    await admin(gw.url, 'PUT', `/agents/${INSPECTOR_2}/state`, { signedIn: true });
    const r = await admin(gw.url, 'PUT', `/agents/${AGENT}/state`, { signedIn: true, status: 3, bargedBy: INSPECTOR_2 });
    expect(r.status).toBe(200);
    const gi = (await admin(gw.url, 'PUT', `/agents/${INSPECTOR}/state`, { signedIn: true, guid: 'fixed-guid-for-pact.AgentGateway0' })).json.guid;
    expect(gi).toBe('fixed-guid-for-pact.AgentGateway0');
    expect((await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: gi })).json.retcode).toBe('900-005');
    const agent = (await admin(gw.url, 'GET', `/agents/${AGENT}`)).json;
    expect(agent.account).not.toHaveProperty('password');
    expect(agent.session).toMatchObject({ status: 3, bargedBy: INSPECTOR_2 });
  });

  it('counts calls per operation and retcode', async () => {
    await call(gw.url, 'addInsert', { agentid: INSPECTOR, workNo: AGENT }, { guid: 'nope' });
    await call(gw.url, 'addInsert', { agentid: '0', workNo: AGENT });
    const c = (await admin(gw.url, 'GET', '/counters')).json.operations.addInsert;
    expect(c).toEqual({ total: 2, retcodes: { '100-006': 1 }, http: { '404': 1 } });
  });

  it('names unknown agents and bad bodies', async () => {
    expect((await admin(gw.url, 'PUT', '/agents/99999/state', { signedIn: true })).json.detail).toContain('agent "99999" is not in the fixtures');
    expect((await admin(gw.url, 'PUT', `/agents/${AGENT}/state`, { signedIn: true, status: 6 })).json.detail).toContain('"status" 6 must be one of 3, 4, 5, 7, 8');
    expect((await admin(gw.url, 'GET', '/nope')).status).toBe(404);
  });

  it('requires the admin token when one is set', async () => {
    const guarded = await startMockGateway({ port: 0, adminToken: 's3cret' });
    try {
      expect((await admin(guarded.url, 'GET', '/health')).status).toBe(401);
      expect((await admin(guarded.url, 'GET', '/health', undefined, { 'X-Admin-Token': 's3cret' })).json).toMatchObject({ ok: true, profile: 'ccgw-2024', auth: 'dynamic' });
    } finally {
      await guarded.close();
    }
  });

  it('replaces the fixtures and validates them, naming the bad field', async () => {
    const bad = await admin(gw.url, 'PUT', '/fixtures', { agents: [{ id: '30101', vdn: 0, inspector: true, phone: '1', password: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.detail).toContain('agents[0].vdn must be >= 1');
    const good = await admin(gw.url, 'PUT', '/fixtures', { agents: [{ id: '30101', vdn: 1, inspector: true, phone: '1', password: 'x' }] });
    expect(good.json.agents).toBe(1);
    await admin(gw.url, 'POST', '/reset', { fixtures: JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../fixtures/demo.json', import.meta.url), 'utf8'))) });
  });
});

async function waitUntil(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Takes exactly `n` queued events (e.g. the two a sign-in queues), failing if one is missing. */
async function takeEvents(url: string, id: string, guid: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await call(url, 'getAgentEvent', { agentid: id }, { guid });
    if (r.json.event === null) throw new Error(`expected ${n} queued events for ${id}, got ${i}`);
  }
}
