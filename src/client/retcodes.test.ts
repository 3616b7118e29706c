import { describe, expect, expectTypeOf, it } from 'vitest';
import { GatewayRetcodeError } from './errors.ts';
import { expectOk, type GatewayReply } from './reply.ts';
import { OK_EMPTY, okBodyFor, retcodeBody } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';

const fixture = withFakeGateway();

describe('a retcode other than "0" is an answer, not an exception', () => {
  it('returns ok false with the retcode, the message and its meaning', async () => {
    const { client } = await fixture.start({ addInsert: () => ({ body: retcodeBody('900-005', 'status error') }) });

    const reply = await client.agent('30169').addInsert('30170');

    expect(reply).toMatchObject({
      operationId: 'addInsert',
      agentId: '30169',
      httpStatus: 200,
      ok: false,
      retcode: '900-005',
      message: 'status error',
      meaning: 'A QC operation hit a state exception.',
      result: {},
      body: { message: 'status error', retcode: '900-005', result: {} },
    });
    expect(reply.durationMs).toBeGreaterThanOrEqual(0);
    expect(reply.headers['content-type']).toContain('application/json');
  });

  it('expectOk() throws GatewayRetcodeError carrying retcode, meaning, operationId and agentId', async () => {
    const { client } = await fixture.start({ addInsert: () => ({ body: retcodeBody('900-005', 'status error') }) });
    const reply = await client.agent('30169').addInsert('30170');

    const error = (() => {
      try {
        reply.expectOk();
      } catch (e) {
        return e;
      }
      return undefined;
    })();

    expect(error).toBeInstanceOf(GatewayRetcodeError);
    expect(error).toMatchObject({ retcode: '900-005', meaning: 'A QC operation hit a state exception.', operationId: 'addInsert', agentId: '30169', gatewayMessage: 'status error' });
    expect((error as Error).message).toMatch(/^addInsert by 30169 answered 900-005 \(A QC operation hit a state exception\.\): status error\n/);
    expect((error as Error).message).toContain('The contract lists 900-005 for addInsert when: State exception');
  });

  it('expectOk(reply) as a function does the same, and says when the contract does not list the code', async () => {
    const { client } = await fixture.start({ sayFree: () => ({ body: retcodeBody('100-007', '') }) }, { validateResponses: false });
    const reply = await client.agent('30169').sayFree();

    expect(() => expectOk(reply)).toThrow(/sayFree by 30169 answered 100-007 \(Exception during the agent operation.*\): \(empty message\)/);
    const unlisted = await fixture
      .start({ sayFree: () => ({ body: retcodeBody('999-001', 'bad url') }) }, { validateResponses: false })
      .then(({ client: c }) => c.agent('30169').sayFree());
    expect(() => expectOk(unlisted)).toThrow(/The contract does not list 999-001 for sayFree/);
  });

  it('expectOk() returns the same reply, narrowed, when retcode is "0"', async () => {
    const { client } = await fixture.start({ signIn: () => ({ body: okBodyFor('signIn', '30169') }), addInsert: () => ({ body: OK_EMPTY }) });
    const session = client.agent('30169');

    const signedIn = (await session.signIn({ password: 'pw', phonenum: '1' })).expectOk();
    const inserted = await session.addInsert('30170');

    expect(signedIn.result.vdnid).toBe(1);
    expect(signedIn.result.workno).toBe('30169');
    expect(expectOk(inserted)).toBe(inserted);
    expectTypeOf(signedIn.result.vdnid).toEqualTypeOf<number>();
  });

  it('keeps expectOk out of the reply data (it compares and serializes as plain data)', async () => {
    const { client } = await fixture.start({ sayFree: () => ({ body: OK_EMPTY }) });

    const reply = await client.agent('30169').sayFree();

    expect(Object.keys(reply)).not.toContain('expectOk');
    expect(JSON.parse(JSON.stringify(reply))).toMatchObject({ operationId: 'sayFree', ok: true, retcode: '0' });
  });
});

describe('reply types follow the contract', () => {
  it('narrows result by ok, and event for the poll', () => {
    // Compile-time checks: tsc fails this file if the narrowing breaks.
    const signIn = (r: GatewayReply<'signIn'>) => {
      if (r.ok) {
        expectTypeOf(r.retcode).toEqualTypeOf<'0'>();
        expectTypeOf(r.result.workno).toEqualTypeOf<string>();
      } else {
        expectTypeOf(r.retcode).not.toEqualTypeOf<'0'>();
        expectTypeOf(r.retcode).toMatchTypeOf<'100-002' | '100-001' | '100-004' | string>();
      }
    };
    const poll = (r: GatewayReply<'getAgentEvent'>) => {
      if (r.ok && r.event !== null) expectTypeOf(r.event.eventType).toBeString();
      if (!r.ok) expectTypeOf(r.event).toEqualTypeOf<null>();
    };
    const status = (r: GatewayReply<'agentStatus'>) => {
      if (r.ok) expectTypeOf(r.result.isWorking).toEqualTypeOf<boolean>();
    };
    const insert = (r: GatewayReply<'addInsert'>) => {
      if (!r.ok) expectTypeOf(r.retcode).toEqualTypeOf<'100-006' | '900-001' | '900-002' | '900-003' | '900-005' | '000-002' | '000-003' | '000-005' | '900-004'>();
    };
    expect([signIn, poll, status, insert]).toHaveLength(4);
  });
});
