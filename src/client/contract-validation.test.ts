import { describe, expect, it } from 'vitest';
import { GatewayContractError } from './errors.ts';
import { summarizeViolations, valueAt } from './validation-summary.ts';
import { okBodyFor, retcodeBody } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';

const fixture = withFakeGateway();

async function contractError(promise: Promise<unknown>): Promise<GatewayContractError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayContractError);
  return error as GatewayContractError;
}

describe('an answer that breaks the contract throws GatewayContractError naming the field', () => {
  it('names the field and the value when a sign-in result has the wrong type', async () => {
    const body = { message: '', retcode: '0', result: { vdnid: '1', workno: '30169' } };
    const { client } = await fixture.start({ signIn: () => ({ body }) });

    const error = await contractError(client.agent('30169').signIn({ password: 'pw', phonenum: '1' }));

    expect(error.kind).toBe('schema');
    expect(error.schema).toBe('SignInResponse');
    expect(error.summary).toEqual(['/result/vdnid must be integer (got "1")']);
    expect(error.message).toContain('signIn by 30169');
    expect(error.message).toContain('/result/vdnid must be integer (got "1")');
    expect(error.message).toContain('validateResponses: false');
    expect(error.violations.map((v) => v.instancePath)).toContain('/result/vdnid');
    expect(error.violations.every((v) => typeof v.message === 'string')).toBe(true);
    expect(JSON.parse(error.rawBody)).toEqual(body);
    expect(error.httpStatus).toBe(200);
  });

  it('names a retcode the contract does not list for the operation', async () => {
    const { client } = await fixture.start({ addInsert: () => ({ body: retcodeBody('100-004', 'wrong password') }) });

    const error = await contractError(client.agent('30169').addInsert('30170'));

    expect(error.summary).toHaveLength(1);
    expect(error.summary[0]).toMatch(/^\/retcode must be equal to one of the allowed values: "0", "100-006", .* \(got "100-004"\)$/);
  });

  it('names a missing required field', async () => {
    const { client } = await fixture.start({ agentStatus: () => ({ body: { message: '', retcode: '0', result: { agentState: 4 } } }) });

    const error = await contractError(client.agent('30169').agentStatus());

    expect(error.summary).toEqual([`/result must have required property 'isWorking' (got {"agentState":4})`]);
  });

  it('names the bad content of a listed event', async () => {
    const { client } = await fixture.start({
      getAgentEvent: () => ({ body: { message: '', retcode: '0', event: { eventType: 'AgentState_Busy', workNo: '30169', content: 5 } } }),
    });

    const error = await contractError(client.agent('30169').pollEvent());

    expect(error.summary).toEqual(['/event/content must be null (got 5)']);
  });

  it('throws kind not-json for a body that is not JSON', async () => {
    const { client } = await fixture.start({ sayFree: () => ({ rawBody: '<html>Login page</html>' }) });

    const error = await contractError(client.agent('30169').sayFree());

    expect(error.kind).toBe('not-json');
    expect(error.rawBody).toBe('<html>Login page</html>');
    expect(error.message).toContain('a body that is not JSON ("<html>Login page</html>")');
  });

  it('with validateResponses: false, returns a reply for a body the validator would refuse', async () => {
    const { client } = await fixture.start({ addInsert: () => ({ body: { message: 'x', retcode: '123-456', extra: true } }) }, { validateResponses: false });

    const reply = await client.agent('30169').addInsert('30170');

    expect(reply).toMatchObject({ ok: false, retcode: '123-456', message: 'x', result: undefined, body: { extra: true } });
    expect(reply.meaning).toBe('retcode "123-456" is not in the catalogue of known codes');
  });

  it('with validateResponses: false, still needs the envelope: an object with a retcode', async () => {
    const { client } = await fixture.start({ sayFree: () => ({ body: [1, 2] }), sayBusy: () => ({ body: { message: '' } }) }, { validateResponses: false });
    const session = client.agent('30169');

    const arrayBody = await contractError(session.sayFree());
    const noRetcode = await contractError(session.sayBusy());

    expect(arrayBody).toMatchObject({ kind: 'no-envelope', summary: ['the body is an array, not an object'] });
    expect(noRetcode).toMatchObject({ kind: 'no-envelope', summary: ['/retcode is missing or not a string (got nothing)'] });
  });

  it('accepts every contract example of a success', async () => {
    const { client } = await fixture.start({
      signIn: () => ({ body: okBodyFor('signIn') }),
      agentStatus: () => ({ body: okBodyFor('agentStatus') }),
      getAgentEvent: () => ({ body: { message: '', retcode: '0', event: { eventType: 'AgentState_Busy', workNo: '30169', content: null, eventGenTime: 1732521600000 } } }),
      logout: () => ({ body: { message: '', retcode: '0' } }),
    });
    const session = client.agent('30169');

    const replies = [await session.signIn({ password: 'p', phonenum: '1' }), await session.agentStatus(), await session.pollEvent(), await session.logout()];

    expect(replies.map((r) => r.ok)).toEqual([true, true, true, true]);
  });
});

describe('summarizeViolations', () => {
  it('keeps a real retcode problem when it is the only one', () => {
    const lines = summarizeViolations(
      [
        { instancePath: '/retcode', keyword: 'const', message: 'must be equal to constant', schemaPath: '#/anyOf/0', params: { allowedValue: '0' } },
        { instancePath: '/retcode', keyword: 'enum', message: 'must be equal to one of the allowed values', schemaPath: '#/anyOf/1', params: { allowedValues: ['100-002'] } },
        { instancePath: '', keyword: 'anyOf', message: 'must match a schema in anyOf', schemaPath: '#/anyOf', params: {} },
      ],
      { retcode: '999' },
    );
    expect(lines).toEqual(['/retcode must be equal to constant "0" (got "999")']);
  });

  it('reads JSON pointers with escaped segments', () => {
    expect(valueAt({ 'a/b': { '~c': 1 } }, '/a~1b/~0c')).toBe(1);
    expect(valueAt({ a: 1 }, '/a/b')).toBeUndefined();
  });
});
