import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayTransportError } from './errors.ts';
import { GatewayClient } from './gateway-client.ts';
import { okBodyFor, startFakeGateway, type FakeGateway } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';
import { resolveTls } from './tls.ts';

const fixture = withFakeGateway();
const ROUTES = { agentStatus: () => ({ body: okBodyFor('agentStatus') }) };

/** A self-signed certificate for 127.0.0.1 and localhost, and one that names only gw.test. */
let loopback: { key: string; cert: string };
let named: { key: string; cert: string };
let dir: string;
let caFile: string;

beforeAll(async () => {
  const options = { keyType: 'ec', algorithm: 'sha256' } as const;
  const a = await generate([{ name: 'commonName', value: 'localhost' }], {
    ...options,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  const b = await generate([{ name: 'commonName', value: 'gw.test' }], { ...options, extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'gw.test' }] }] });
  loopback = { key: a.private, cert: a.cert };
  named = { key: b.private, cert: b.cert };
  dir = mkdtempSync(join(tmpdir(), 'ccgw-client-tls-'));
  caFile = join(dir, 'gateway-ca.pem');
  writeFileSync(caFile, loopback.cert);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTTPS with a self-signed certificate', () => {
  it('is refused without a CA or insecure, with a message that names the fix', async () => {
    const { client } = await fixture.start(ROUTES, {}, { tls: loopback });

    const error = await client.agent('30169').agentStatus().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayTransportError);
    expect(error).toMatchObject({ tls: true, code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) });
    expect((error as Error).message).toContain(`could not reach ${client.baseUrl}/agentgateway/resource/onlineagent/30169/agentstatus`);
    expect((error as Error).message).toContain('pass --ca FILE');
    expect((error as Error).message).toContain('--insecure');
  });

  it('is accepted when its certificate is trusted via tls.ca', async () => {
    const { client } = await fixture.start(ROUTES, { tls: { ca: loopback.cert } }, { tls: loopback });

    const reply = await client.agent('30169').agentStatus();

    expect(reply.ok).toBe(true);
    expect(client.baseUrl.startsWith('https://')).toBe(true);
  });

  it('is accepted when its certificate is trusted via tls.caFile', async () => {
    const { client } = await fixture.start(ROUTES, { tls: { caFile } }, { tls: loopback });

    expect((await client.agent('30169').agentStatus()).ok).toBe(true);
    expect(String(client)).toMatch(/GatewayClient\(https:\/\/127\.0\.0\.1:\d+, custom CA, verified\)/);
  });

  it('is accepted with insecure: true, and says so', async () => {
    const { client } = await fixture.start(ROUTES, { tls: { insecure: true } }, { tls: loopback });

    expect((await client.agent('30169').agentStatus()).ok).toBe(true);
    expect(String(client)).toContain('INSECURE');
  });

  it('is refused when the trusted certificate does not name the host, and accepted with the servername it names', async () => {
    const gw: FakeGateway = await startFakeGateway({ routes: ROUTES, tls: named });
    try {
      const wrongName = fixture.client({ baseUrl: gw.baseUrl, tls: { ca: Buffer.from(named.cert) } });
      const rightName = fixture.client({ baseUrl: gw.baseUrl, tls: { ca: named.cert, servername: 'gw.test' } });

      const error = await wrongName.agent('30169').agentStatus().catch((e: unknown) => e);
      const reply = await rightName.agent('30169').agentStatus();

      expect(error).toMatchObject({ name: 'GatewayTransportError', code: 'ERR_TLS_CERT_ALTNAME_INVALID', tls: true });
      expect((error as Error).message).toContain('--servername NAME');
      expect(reply.ok).toBe(true);
    } finally {
      await gw.close();
    }
  });

  it('explains https:// against a plain-HTTP port', async () => {
    const { gw } = await fixture.start(ROUTES);
    const client = fixture.client({ baseUrl: gw.baseUrl.replace('http://', 'https://') });

    const error = await client.agent('30169').agentStatus().catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'GatewayTransportError', tls: true });
    expect((error as Error).message).toContain('the port may speak plain HTTP (use http://)');
  });
});

describe('TLS options are checked when the client is created', () => {
  it('names a CA file that cannot be read', () => {
    expect(() => new GatewayClient({ baseUrl: 'https://127.0.0.1:8043', tls: { caFile: join(dir, 'missing.pem') } })).toThrow(
      /tls\.caFile ".*missing\.pem" cannot be read \(ENOENT\); give the path of the gateway's CA certificate in PEM format/,
    );
  });

  it('names a CA that is not PEM, with the conversion command', () => {
    const der = join(dir, 'ca.der');
    writeFileSync(der, Buffer.from([0x30, 0x82, 0x01, 0x0a]));
    expect(() => resolveTls({ caFile: der })).toThrow(/holds no PEM certificate.*openssl x509 -inform der/);
    expect(() => resolveTls({ ca: 'not a certificate' })).toThrow(/tls\.ca holds no PEM certificate/);
  });

  it('accepts insecure only as a boolean, so that nothing but an explicit true skips verification', () => {
    expect(() => resolveTls({ insecure: 'true' as unknown as boolean })).toThrow(/tls\.insecure must be true or false, not "true"/);
    expect(resolveTls({}).rejectUnauthorized).toBe(true);
    expect(resolveTls(undefined).rejectUnauthorized).toBe(true);
    expect(resolveTls({ insecure: false }).rejectUnauthorized).toBe(true);
    expect(resolveTls({ insecure: true }).rejectUnauthorized).toBe(false);
  });

  it('reads both ca and caFile', () => {
    expect(resolveTls({ caFile, ca: loopback.cert }).ca).toHaveLength(2);
  });
});
