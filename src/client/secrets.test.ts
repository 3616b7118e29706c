import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GatewayContractError, GatewayHttpError, GatewayTransportError } from './errors.ts';
import type { ExchangeRecord } from './exchange-record.ts';
import { GatewayClient } from './gateway-client.ts';
import { redactBody, scrub, scrubStrings, secretsOf } from './redact.ts';
import { GUIDS, okBodyFor, retcodeBody, setGuid, unusedPort } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';

const fixture = withFakeGateway();
const PASSWORD = 'Sup3r-Secret!pw';
const SIGN_IN = { password: PASSWORD, phonenum: '88830169', serviceToken: 'tok-abcdef' };

function everythingAbout(value: unknown): string {
  if (value instanceof Error) {
    return [value.message, value.stack ?? '', inspect(value, { depth: 10 }), JSON.stringify(value), String(value)].join('\n');
  }
  return [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? '', String(value)].join('\n');
}

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

describe('the password never leaves the request', () => {
  it('sends the password to the gateway but records it as *** in onExchange', async () => {
    const records: ExchangeRecord[] = [];
    const { gw, client } = await fixture.start(
      { signIn: () => ({ headers: { 'set-guid': setGuid(GUIDS.first) }, body: okBodyFor('signIn') }) },
      { onExchange: (r) => records.push(r) },
    );

    await client.agent('30169').signIn(SIGN_IN);

    expect(JSON.parse(gw.requestsOf('signIn')[0]?.body ?? '')).toEqual(SIGN_IN);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(JSON.parse(record?.requestBody ?? '')).toEqual({ password: '***', phonenum: '88830169', serviceToken: '***' });
    expect(record).toMatchObject({
      operationId: 'signIn',
      agentId: '30169',
      method: 'PUT',
      url: `${gw.baseUrl}/agentgateway/resource/onlineagent/30169`,
      httpStatus: 200,
      error: undefined,
    });
    expect(record?.requestHeaders['Content-Type']).toBe('application/json; charset=UTF-8');
    expect(record?.responseHeaders['set-guid']).toBe(setGuid(GUIDS.first));
    expect(JSON.parse(record?.responseBody ?? '')).toEqual(okBodyFor('signIn'));
    expect(everythingAbout(records)).not.toContain(PASSWORD);
  });

  it('scrubs a password the gateway echoes from the record, the reply and its GatewayRetcodeError', async () => {
    const records: ExchangeRecord[] = [];
    const { client } = await fixture.start(
      { signIn: () => ({ body: retcodeBody('100-004', `wrong password ${PASSWORD} for 30169`) }) },
      { onExchange: (r) => records.push(r) },
    );

    const reply = await client.agent('30169').signIn(SIGN_IN);

    expect(reply.retcode).toBe('100-004');
    expect(reply.message).toBe('wrong password *** for 30169');
    expect(records[0]?.responseBody).toContain('wrong password *** for 30169');
    expect(everythingAbout(records)).not.toContain(PASSWORD);
    expect(everythingAbout(reply)).not.toContain(PASSWORD);
    expect(everythingAbout(catchError(() => reply.expectOk()))).not.toContain(PASSWORD);
  });

  it('scrubs an echoed password from GatewayHttpError and its record', async () => {
    const records: ExchangeRecord[] = [];
    const { client } = await fixture.start(
      { signIn: (r) => ({ status: 500, rawBody: `internal error while handling ${r.body}` }) },
      { onExchange: (r) => records.push(r) },
    );

    const error = await client.agent('30169').signIn(SIGN_IN).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayHttpError);
    expect((error as GatewayHttpError).bodyExcerpt).toContain('"password":"***"');
    expect(everythingAbout(error)).not.toContain(PASSWORD);
    expect(records[0]?.error?.name).toBe('GatewayHttpError');
    expect(everythingAbout(records)).not.toContain(PASSWORD);
  });

  it('scrubs an echoed password from GatewayContractError (raw body and summary)', async () => {
    const { client } = await fixture.start({
      signIn: () => ({ body: { message: PASSWORD, retcode: '0', result: { vdnid: PASSWORD, workno: '30169' } } }),
    });

    const error = await client.agent('30169').signIn(SIGN_IN).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayContractError);
    expect((error as GatewayContractError).summary.join()).toContain('/result/vdnid must be integer (got "***")');
    expect(everythingAbout(error)).not.toContain(PASSWORD);
  });

  it('keeps the password out of a transport error and its record', async () => {
    const records: ExchangeRecord[] = [];
    const client = fixture.client({ baseUrl: `http://127.0.0.1:${await unusedPort()}`, onExchange: (r) => records.push(r) });

    const error = await client.agent('30169').signIn(SIGN_IN).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayTransportError);
    expect(everythingAbout(error)).not.toContain(PASSWORD);
    expect(records[0]?.error?.name).toBe('GatewayTransportError');
    expect(everythingAbout(records)).not.toContain(PASSWORD);
  });

  it('shows neither the password nor internals in toString/inspect of client, session and reply', async () => {
    const { gw, client } = await fixture.start({ signIn: () => ({ headers: { 'set-guid': setGuid(GUIDS.first) }, body: okBodyFor('signIn') }) });
    const session = client.agent('30169');

    const reply = await session.signIn(SIGN_IN);

    for (const value of [client, session, reply]) expect(everythingAbout(value)).not.toContain(PASSWORD);
    expect(String(session)).toBe(`AgentSession(30169 @ ${gw.baseUrl}, guid ${GUIDS.first})`);
    expect(inspect(client)).toBe(`GatewayClient(${gw.baseUrl}, plain HTTP)`);
  });
});

describe('redaction helpers', () => {
  it('replaces secret fields at any depth, whatever their case or suffix', () => {
    expect(redactBody({ Password: 'a', nested: [{ serviceToken: 'b' }], phonenum: '1', password2: 'also-secret' })).toEqual({
      Password: '***',
      nested: [{ serviceToken: '***' }],
      phonenum: '1',
      password2: '***',
    });
  });

  it('scrubs the raw and the JSON-escaped form of a secret', () => {
    const secrets = secretsOf({ password: 'a"b\\c' });
    expect(scrub(`raw a"b\\c json ${JSON.stringify('a"b\\c')}`, secrets)).toBe('raw *** json "***"');
  });

  it('scrubs every string of a parsed answer but the retcode', () => {
    expect(scrubStrings({ retcode: 'pw-1234', message: 'x pw-1234', result: { list: ['pw-1234'], n: 1 } }, ['pw-1234'])).toEqual({
      retcode: 'pw-1234',
      message: 'x ***',
      result: { list: ['***'], n: 1 },
    });
  });

  it('does not scrub secrets too short to be passwords (that would corrupt retcodes and IDs), but still redacts the field', () => {
    expect(secretsOf({ password: '0' })).toEqual([]);
    expect(redactBody({ password: '0' })).toEqual({ password: '***' });
  });

  it('leaves text alone when there are no secrets', () => {
    expect(secretsOf({ password: '', phonenum: '1' })).toEqual([]);
    expect(scrub('{"retcode":"0"}', [])).toBe('{"retcode":"0"}');
  });
});

describe('a client with a bad option says which', () => {
  it('names the option and the fix', () => {
    expect(() => new GatewayClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 0 })).toThrow(/timeoutMs must be a positive number of milliseconds, not 0/);
    expect(() => new GatewayClient({ baseUrl: 'http://127.0.0.1:1', validateResponses: 'yes' as unknown as boolean })).toThrow(/validateResponses must be true or false/);
  });
});
