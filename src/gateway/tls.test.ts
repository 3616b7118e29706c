import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from './mock-gateway.ts';
import { selfSignedCertificate } from './tls.ts';

function get(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', ...(ca ? { ca } : {}) }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('mock gateway over HTTPS', () => {
  let generated: MockGateway;
  beforeAll(async () => {
    generated = await startMockGateway({ port: 0, tls: 'self-signed' });
  });
  afterAll(() => generated.close());

  it('serves HTTPS with a certificate generated at start, trusted by its PEM', async () => {
    expect(generated.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(generated.certificate).toContain('BEGIN CERTIFICATE');
    const r = await get(`${generated.url}/__admin/health`, generated.certificate);
    expect(r.status).toBe(200);
  });

  it('is refused by a client that does not trust the certificate', async () => {
    await expect(get(`${generated.url}/__admin/health`)).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });

  it('serves a given certificate and key', async () => {
    const material = await selfSignedCertificate();
    const given = await startMockGateway({ port: 0, tls: material });
    try {
      expect(given.certificate).toBe(material.cert);
      expect((await get(`${given.url}/__admin/health`, material.cert)).status).toBe(200);
      await expect(get(`${given.url}/__admin/health`, generated.certificate)).rejects.toThrow();
    } finally {
      await given.close();
    }
  });
});
