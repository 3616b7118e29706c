import { describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar.ts';
import { GUIDS, OK_EMPTY, okBodyFor, setGuid } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';

const fixture = withFakeGateway();
const SIGN_IN = { password: 'pw-30169', phonenum: '88830169' };

describe('cookie replay (NSLB stickiness)', () => {
  it('sends the cookies set at sign-in back as Cookie on later calls', async () => {
    const { gw, client } = await fixture.start({
      signIn: () => ({ headers: { 'set-guid': setGuid(GUIDS.first), 'set-cookie': ['SERVERID=node2; Path=/', 'lbsession=abc; HttpOnly; Secure'] }, body: okBodyFor('signIn') }),
      addInsert: () => ({ body: OK_EMPTY }),
      getAgentEvent: () => ({ body: okBodyFor('getAgentEvent') }),
    });
    const session = client.agent('30169');

    await session.signIn(SIGN_IN);
    await session.pollEvent();
    await session.addInsert('30170');

    expect(gw.requestsOf('signIn')[0]?.headers.cookie).toBeUndefined();
    expect(gw.requestsOf('getAgentEvent')[0]?.headers.cookie).toBe('SERVERID=node2; lbsession=abc');
    expect(gw.requestsOf('addInsert')[0]?.headers.cookie).toBe('SERVERID=node2; lbsession=abc');
    expect(session.cookies).toEqual({ SERVERID: 'node2', lbsession: 'abc' });
  });

  it('keeps cookies per session: another agent on the same client sends its own', async () => {
    const { gw, client } = await fixture.start({
      signIn: (r) => ({ headers: { 'set-cookie': `SERVERID=for-${r.params['agentid']}` }, body: okBodyFor('signIn', r.params['agentid']) }),
      sayFree: () => ({ body: OK_EMPTY }),
    });
    const inspector = client.agent('30169');
    const agent = client.agent('30170');

    await inspector.signIn(SIGN_IN);
    await agent.signIn({ password: 'pw-30170', phonenum: '88830170' });
    await inspector.sayFree();
    await agent.sayFree();

    expect(gw.requestsOf('sayFree').map((r) => r.headers.cookie)).toEqual(['SERVERID=for-30169', 'SERVERID=for-30170']);
  });

  it('updates a cookie the gateway sets again, and forgets one it expires', async () => {
    const answers = [['SERVERID=node1', 'trace=1'], ['SERVERID=node3', 'trace=; Max-Age=0']];
    const { gw, client } = await fixture.start({
      sayFree: () => ({ headers: { 'set-cookie': answers.shift() ?? [] }, body: OK_EMPTY }),
    });
    const session = client.agent('30169');

    await session.sayFree();
    await session.sayFree();
    await session.sayFree();

    expect(gw.requestsOf('sayFree').map((r) => r.headers.cookie)).toEqual([undefined, 'SERVERID=node1; trace=1', 'SERVERID=node3']);
  });

  it('stores cookies from answers that are not HTTP 200 too (a balancer sets them on any answer)', async () => {
    let calls = 0;
    const { gw, client } = await fixture.start({
      agentStatus: () => (calls++ === 0 ? { status: 503, headers: { 'set-cookie': 'SERVERID=node4' }, rawBody: '' } : { body: okBodyFor('agentStatus') }),
    });
    const session = client.agent('30169');

    await session.agentStatus().catch(() => undefined);
    await session.agentStatus();

    expect(gw.requestsOf('agentStatus')[1]?.headers.cookie).toBe('SERVERID=node4');
  });

  it('sends no cookies after clearCookies()', async () => {
    const { gw, client } = await fixture.start({ sayFree: () => ({ headers: { 'set-cookie': 'a=1' }, body: OK_EMPTY }) });
    const session = client.agent('30169');

    await session.sayFree();
    await session.clearCookies().sayFree();

    expect(gw.requestsOf('sayFree')[1]?.headers.cookie).toBeUndefined();
  });
});

describe('CookieJar', () => {
  it('reads name=value and ignores attributes', () => {
    const jar = new CookieJar();
    jar.store(['A=1; Path=/; Domain=example; Secure; HttpOnly; SameSite=Lax', 'B=x=y']);
    expect(jar.header()).toBe('A=1; B=x=y');
  });

  it('deletes a cookie whose Expires lies in the past, unless Max-Age says otherwise', () => {
    const jar = new CookieJar();
    const now = Date.parse('2025-01-01T00:00:00Z');
    jar.store(['A=1', 'B=2'], now);
    jar.store(['A=; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'B=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60'], now);
    expect(jar.entries()).toEqual({ B: '3' });
  });

  it('skips lines without a name', () => {
    const jar = new CookieJar();
    jar.store(['=nameless', 'novalue', '']);
    expect(jar.header()).toBeUndefined();
  });
});
