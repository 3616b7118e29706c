/**
 * Requests as public CC-Gateway clients written by others send them, replayed byte for byte against the mock over
 * real HTTP: header names in their case, Content-Type or none, the Guid as they cut it from Set-GUID, cookies as they
 * echo them (with the attributes of Set-Cookie), bodies with strings for numbers, nulls and unknown fields, and the
 * calls they make around a barge. Each journey names the client and the file it comes from
 * (docs/sources/ccgw-facts.md §5 and §8).
 */
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_2024, withOverrides } from '../domain/profiles.ts';
import { startMockGateway, type MockGateway } from './mock-gateway.ts';
import { admin } from './testing/call.ts';

const PREFIX = '/agentgateway/resource';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

/** One request exactly as given: header names in their case, the body as text, nothing added but Host and Content-Length. */
function send(gw: MockGateway, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: gw.port, method, path: `${PREFIX}${path}`, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: res.headers['content-type']?.startsWith('application/json') ? JSON.parse(text) : text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const setGuidOf = (a: Answer) => String(a.headers['set-guid']);
const setCookiesOf = (a: Answer) => (a.headers['set-cookie'] as string[] | undefined) ?? [];

let gw: MockGateway;
beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: 50 });
});
afterAll(() => gw.close());
afterEach(async () => {
  await admin(gw.url, 'POST', '/reset');
});

describe("Huawei's Java demo (Huawei/CloudIPCC_AgentServerDemo_Java)", () => {
  // src/com/huawei/demo/request/Request.java: every request carries Content-Type application/json;charset=UTF-8 (GET
  // too); the Guid is Set-GUID with "JSESSIONID=" replaced by nothing, sent as `guid`; the cookie is every Set-Cookie
  // followed by ";", with ":" and "=" removed by checkHeader.
  const json = { 'Content-Type': 'application/json;charset=UTF-8' };
  const session = (signIn: Answer) => ({
    guid: setGuidOf(signIn).replace('JSESSIONID=', ''),
    Cookie: setCookiesOf(signIn).map((c) => `${c};`).join('').replace(/[:=]/g, ''),
  });

  it('signs in, resets skills, keeps alive with PUT heartbeat, barges, and its inspector list shows the barge', async () => {
    // OnlineAgentService.forceLogin: agenttype is a servlet parameter (a string), autoenteridle false.
    const inspector = await send(gw, 'PUT', '/onlineagent/30101/forcelogin', json, '{"password":"demo","phonenum":"88830101","autoanswer":true,"autoenteridle":false,"agenttype":"4","status":4,"releasephone":true}');
    expect(inspector.json.retcode).toBe('0');
    const hi = { ...json, ...session(inspector) };
    // OnlineAgentService.login: the full body, with the unknown field listenStatus.
    const agent = await send(gw, 'PUT', '/onlineagent/30201', json, '{"password":"demo","phonenum":"88830201","autoanswer":true,"autoenteridle":true,"releasephone":true,"agenttype":"4","status":4,"phonelinkage":false,"checkInWebm":true,"checkInMailm":false,"listenStatus":false}');
    expect(agent.json.retcode).toBe('0');

    // OnlineAgentService.resetSkills: POST resetskill/true with no body.
    expect((await send(gw, 'POST', '/onlineagent/30101/resetskill/true', hi)).json).toEqual({ message: '', retcode: '0', result: {} });
    // HeartBeatThread.java: PUT heartbeat with no body; on retcode 0 it logs result.loginTime.
    const beat = await send(gw, 'PUT', '/onlineagent/30101/heartbeat', hi);
    expect(beat.json).toMatchObject({ retcode: '0', result: { loginTime: expect.stringMatching(/^[0-9]+$/) } });
    // QualityControlService.java: PUT addinsert with no body.
    expect((await send(gw, 'PUT', '/qualitycontrol/30101/addinsert/30201', hi)).json.retcode).toBe('0');

    // QueryAgentGroupService.queryOnlineAgent, shown by qualitycontrol.js, which compares status with "0"…"8".
    const list = await send(gw, 'GET', '/agentgroup/30101/onlineagentonvdn', hi);
    expect(list.json.retcode).toBe('0');
    const byId = new Map((list.json.result as { workno: string; status: string; ctiStatus: string }[]).map((e) => [e.workno, e]));
    expect(byId.get('30101')).toMatchObject({ status: '7', ctiStatus: '5' });
    expect(byId.get('30201')).toMatchObject({ status: '4', ctiStatus: '5' });
    expect([...byId.keys()].sort()).toEqual(['30101', '30201']);
  });

  it('gets 100-006 on its heartbeat once the inspector forced the agent out, as HeartBeatThread.java expects', async () => {
    const agent = await send(gw, 'PUT', '/onlineagent/30201/forcelogin', json, '{"password":"demo","phonenum":"88830201","agenttype":"4","status":4}');
    const h = { ...json, ...session(agent) };
    expect((await send(gw, 'DELETE', '/onlineagent/30201/forcelogout', h)).json.retcode).toBe('0');
    expect((await send(gw, 'PUT', '/onlineagent/30201/heartbeat', h)).json.retcode).toBe('100-006');
  });
});

describe("Huawei's C# QuickAgent demo (Huawei/CloudIPCC_QuickAgentDemo_CSharp)", () => {
  it('signs in with nulls in the body, resets skills without a Content-Type, and reads its VDN and its status', async () => {
    // AgentGatewayHelper.CallService: Content-Type only with a body; Newtonsoft serializes SignInParam with its nulls.
    const signIn = await send(
      gw,
      'PUT',
      '/onlineagent/30102',
      { 'Content-Type': 'application/json; charset=UTF-8', Connection: 'close' },
      '{"password":"demo","phonenum":"88830102","autoanswer":true,"autoenteridle":false,"releasephone":true,"agenttype":4,"status":4,"ip":null,"entryIp":null,"phonelinkage":false,"checkInMailm":false,"vcPhoneNumber":null}',
    );
    expect(signIn.json.retcode).toBe('0');
    // The Guid is the text after "=" of Set-GUID, sent as `guid`; each Set-Cookie is echoed whole as a Cookie header.
    const guid = setGuidOf(signIn).slice(setGuidOf(signIn).indexOf('=') + 1);
    const h = { guid, Cookie: setCookiesOf(signIn)[0]!, Connection: 'close' };
    expect(h.Cookie).toContain('Path=/');

    // AgentGatewayUri.RESETSKILL_URI with ResetSkill(agentId, true, null, false): no body, no Content-Type.
    expect((await send(gw, 'POST', '/onlineagent/30102/resetskill/true?skillid=&phonelinkage=0', h)).json.retcode).toBe('0');
    // GetAgentEvents: Content-Type application/json on a GET.
    expect((await send(gw, 'GET', '/agentevent/30102', { ...h, 'Content-Type': 'application/json' })).json.event.eventType).toBe('AgentOther_InService');
    // AllAgentStatus reads List<AgentStateInfo>: workno, status, name, groupName, ctiStatus, all strings.
    const all = await send(gw, 'GET', '/agentgroup/30102/allagentstatus', h);
    const self = (all.json.result as Record<string, unknown>[]).find((e) => e['workno'] === '30102');
    expect(self).toEqual({ workno: '30102', name: '', status: '4', ctiStatus: '1', groupName: '' });
    expect((all.json.result as Record<string, unknown>[]).every((e) => Object.values(e).every((v) => typeof v === 'string'))).toBe(true);
    expect((await send(gw, 'GET', '/onlineagent/30102/agentstatus', h)).json.result).toEqual({ agentState: 4, isWorking: false });
  });
});

describe("Huawei's aPortal (Huawei/CloudIPCC_aPortal_JAVA)", () => {
  // common/http/AgentRequest.java: Guid and cookie kept only after retcode 0; `guid` header; the cookie is each
  // Set-Cookie followed by ";" (formatCookie keeps "=" and ":"); Content-Type application/json;charset=UTF-8 always.
  const json = { 'Content-Type': 'application/json;charset=UTF-8' };

  it('signs in with pushUrl, resets skills, barges and cancels a text-chat QC with ?mediaType=1, and keeps alive', async () => {
    // service/OnlineAgentService.login: status 5 (wrap-up) after sign-in, the unknown field pushUrl.
    const signIn = await send(gw, 'PUT', '/onlineagent/30103', json, '{"password":"demo","phonenum":"88830103","autoanswer":false,"status":5,"autoenteridle":false,"pushUrl":"https://aportal.example/agentconsole/event?token=3f2a","checkInWebm":false}');
    expect(signIn.json.retcode).toBe('0');
    const h = { ...json, guid: setGuidOf(signIn).replace('JSESSIONID=', ''), Cookie: setCookiesOf(signIn).map((c) => `${c};`).join('') };
    expect((await send(gw, 'PUT', '/onlineagent/30202', json, '{"password":"demo","phonenum":"88830202"}')).json.retcode).toBe('0');

    // resetSkill(): POST resetskill/true with no body, for every agent, inspectors included.
    expect((await send(gw, 'POST', '/onlineagent/30103/resetskill/true', h)).json.retcode).toBe('0');
    expect((await send(gw, 'POST', '/onlineagent/30103/sayfree', h)).json.retcode).toBe('0');
    // service/QualityControlService.java: "?mediaType=1" on addinsert and cancel when the QC target is a text chat.
    expect((await send(gw, 'PUT', '/qualitycontrol/30103/addinsert/30202?mediaType=1', h)).json.retcode).toBe('0');
    const agentView = await send(gw, 'GET', '/agentgroup/30103/allagentstatus', h);
    expect((agentView.json.result as { workno: string; ctiStatus: string }[]).find((e) => e.workno === '30202')?.ctiStatus).toBe('5');
    expect((await send(gw, 'DELETE', '/qualitycontrol/30103/30202?mediaType=1', h)).json.retcode).toBe('0');
    // service/HeartCheckTaskThread.java: PUT heartbeat every 60 s.
    expect((await send(gw, 'PUT', '/onlineagent/30103/heartbeat', h)).json.retcode).toBe('0');
  });
});

describe('Zackeus/com.Zackeus.CTI (third party)', () => {
  // modules/agent/config/LoginParam.java: password "" by default, ip 127.0.0.1; properties/config.properties:
  // resetSkillUrl = …/resetskill/true?phonelinkage=1; static/js/recorce.js sends the header as `Guid`.
  const body = (password: string) => `{"password":"${password}","phonenum":"88830104","autoanswer":false,"autoenteridle":true,"status":4,"releasephone":true,"ip":"127.0.0.1"}`;
  const json = { 'Content-Type': 'application/json;charset=UTF-8' };

  it('is told 100-004 for its default empty password (checked like any password), and goes on with the real one', async () => {
    expect((await send(gw, 'PUT', '/onlineagent/30104', json, body(''))).json.retcode).toBe('100-004');
    const signIn = await send(gw, 'PUT', '/onlineagent/30104', json, body('demo'));
    expect(signIn.json.retcode).toBe('0');
    const h = { ...json, Guid: setGuidOf(signIn).split('=')[1]! };
    expect((await send(gw, 'POST', '/onlineagent/30104/resetskill/true?phonelinkage=1', h)).json.retcode).toBe('0');
  });

  it('is told 100-001 for an empty password by a gateway that refuses it as empty (profile setting emptyPassword)', async () => {
    const strict = await startMockGateway({ port: 0, profile: withOverrides(PROFILE_2024, { answers: { emptyPassword: '100-001' } }) });
    try {
      expect((await send(strict, 'PUT', '/onlineagent/30104', json, body(''))).json.retcode).toBe('100-001');
    } finally {
      await strict.close();
    }
  });
});

describe('kimhu/huawei-ipcc (third party)', () => {
  // service/impl/LoginServiceImpl.java maps the heartbeat's retcodes 0, 000-002, 000-003 and 100-006.
  it('gets each retcode its heartbeat handling maps, from a real state', async () => {
    const signIn = await send(gw, 'PUT', '/onlineagent/30105', { 'Content-Type': 'application/json' }, '{"password":"demo","phonenum":"88830105"}');
    const guid = setGuidOf(signIn).slice('JSESSIONID='.length);
    expect((await send(gw, 'PUT', '/onlineagent/30105/heartbeat', { guid })).json.retcode).toBe('0');
    expect((await send(gw, 'PUT', '/onlineagent/100/heartbeat', { guid })).json.retcode).toBe('000-002');
    expect((await send(gw, 'PUT', '/onlineagent/30105/heartbeat', { guid: 'stale' })).json.retcode).toBe('100-006');
  });
});

describe('forms no public client needs but a tool may send', () => {
  it('accepts the whole Set-GUID value as the Guid (inferred: the documents show the bare one), in a header named in any case', async () => {
    const signIn = await send(gw, 'PUT', '/onlineagent/30101', { 'Content-Type': 'application/json' }, '{"password":"demo","phonenum":"88830101"}');
    for (const name of ['Guid', 'guid', 'GUID', 'gUiD']) {
      expect((await send(gw, 'GET', '/onlineagent/30101/agentstatus', { [name]: setGuidOf(signIn) })).json.retcode, name).toBe('0');
    }
  });

  it('answers the documented handshake with {"message":"success","retcode":"0"} and the new Guid of updateGuid bare in result.guid', async () => {
    const signIn = await send(gw, 'PUT', '/onlineagent/30101', { 'Content-Type': 'application/json' }, '{"password":"demo","phonenum":"88830101"}');
    const guid = setGuidOf(signIn).slice('JSESSIONID='.length);
    expect((await send(gw, 'POST', '/onlineagent/30101/handshake', { Guid: guid, service_token: 'token2026' })).json).toEqual({ message: 'success', retcode: '0' });
    const renewed = await send(gw, 'PUT', '/onlineagent/30101/updateGuid', { Guid: guid });
    expect(renewed.json).toMatchObject({ message: 'success', retcode: '0', result: { guid: expect.stringMatching(/^[0-9a-f-]{36}\.AgentGateway0$/) } });
    expect(renewed.json.result.guid).not.toBe(guid);
    expect((await send(gw, 'GET', '/onlineagent/30101/agentstatus', { Guid: renewed.json.result.guid })).json.retcode).toBe('0');
  });

  it('barges and cancels with one trailing slash on the path, as a JAX-RS gateway matches it; two slashes are 404', async () => {
    const json = { 'Content-Type': 'application/json' };
    const guidOf = async (id: string) => setGuidOf(await send(gw, 'PUT', `/onlineagent/${id}/`, json, `{"password":"demo","phonenum":"888${id}"}`)).slice('JSESSIONID='.length);
    const inspector = { Guid: await guidOf('30101') };
    await guidOf('30201');
    expect((await send(gw, 'PUT', '/qualitycontrol/30101/addinsert/30201//', inspector)).status).toBe(404);
    expect((await send(gw, 'PUT', '/qualitycontrol/30101/addinsert/30201/', inspector)).json.retcode).toBe('0');
    expect((await send(gw, 'GET', '/agentevent/30101/', inspector)).json).toMatchObject({ retcode: '0', event: { workNo: '30101' } });
    expect((await send(gw, 'DELETE', '/qualitycontrol/30101/30201/', inspector)).json.retcode).toBe('0');
  });
});
