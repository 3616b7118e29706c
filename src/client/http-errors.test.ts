import { describe, expect, it } from 'vitest';
import { GatewayHttpError } from './errors.ts';
import { BODY_EXCERPT_CHARS } from './errors.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';

const fixture = withFakeGateway();

describe('an HTTP status other than 200 throws GatewayHttpError', () => {
  it('gives 404 for an ID the gateway path does not match, with the path sent percent-encoded', async () => {
    const { gw, client } = await fixture.start({ addInsert: (r) => (/^[1-9][0-9]{0,4}$/.test(r.params['workNo'] ?? '') ? { body: {} } : { status: 404, rawBody: 'Could not find resource' }) });

    const error = await client
      .agent('30169')
      .addInsert('30 170/x')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayHttpError);
    expect(error).toMatchObject({ status: 404, bodyExcerpt: 'Could not find resource', operationId: 'addInsert', agentId: '30169', method: 'PUT' });
    expect((error as Error).message).toContain('addInsert by 30169 got HTTP 404 from PUT');
    expect((error as Error).message).toContain("an ID that does not match the gateway's path pattern");
    expect(gw.requests[0]?.url).toBe('/agentgateway/resource/qualitycontrol/30169/addinsert/30%20170%2Fx');
    expect(gw.requests[0]?.params['workNo']).toBe('30 170/x');
  });

  it('gives 404 for a path the gateway does not serve (wrong prefix), naming the URL', async () => {
    const { gw } = await fixture.start({});
    const client = fixture.client({ baseUrl: `${gw.baseUrl}/wrong-prefix` });

    const error = await client.agent('30169').agentStatus().catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'GatewayHttpError', status: 404, url: `${gw.baseUrl}/wrong-prefix/agentgateway/resource/onlineagent/30169/agentstatus` });
  });

  it('carries the status, the headers and a bounded excerpt of the body', async () => {
    const long = 'x'.repeat(BODY_EXCERPT_CHARS + 100);
    const { client } = await fixture.start({ sayFree: () => ({ status: 503, headers: { 'retry-after': '5' }, rawBody: long }) });

    const error = (await client.agent('30169').sayFree().catch((e: unknown) => e)) as GatewayHttpError;

    expect(error.status).toBe(503);
    expect(error.headers['retry-after']).toBe('5');
    expect(error.bodyExcerpt).toBe(`${'x'.repeat(BODY_EXCERPT_CHARS)}… (${BODY_EXCERPT_CHARS + 100} characters)`);
    expect(error.message).toContain('the gateway failed; check its logs');
  });

  it('says "(empty)" for an empty body', async () => {
    const { client } = await fixture.start({ logout: () => ({ status: 401, rawBody: '' }) });

    await expect(client.agent('30169').logout()).rejects.toThrow(/got HTTP 401 .*Body: \(empty\)/);
  });
});
