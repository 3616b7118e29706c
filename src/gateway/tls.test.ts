import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
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

describe('mock gateway TLS protocol settings', () => {
  let gw: MockGateway;
  beforeAll(async () => {
    gw = await startMockGateway({ port: 0, tls: 'self-signed' });
  });
  afterAll(() => gw.close());

  /** The negotiated protocol and suite, or the handshake error. */
  function handshake(port: number, options: ConnectionOptions): Promise<{ protocol: string | null; cipher: string } | { error: string }> {
    return new Promise((resolve) => {
      const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...options }, () => {
        resolve({ protocol: socket.getProtocol(), cipher: socket.getCipher().name });
        socket.end();
      });
      socket.on('error', (e) => resolve({ error: e.message }));
    });
  }

  it.each(['AES128-SHA', 'AES256-SHA', 'AES128-SHA256', 'ECDHE-RSA-AES128-SHA', 'ECDHE-RSA-AES256-SHA384'])('refuses TLS 1.2 with %s (no forward secrecy or no AEAD)', async (cipher) => {
    const r = await handshake(gw.port, { maxVersion: 'TLSv1.2', ciphers: cipher });
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toMatch(/handshake failure|no shared cipher|alert/i);
  });

  it('would be reached with those suites by a default Node server (the refusal is the mock\'s setting, not the client\'s)', async () => {
    const plain = createServer(await selfSignedCertificate());
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const r = await handshake((plain.address() as AddressInfo).port, { maxVersion: 'TLSv1.2', ciphers: 'AES128-SHA' });
      expect(r).toEqual({ protocol: 'TLSv1.2', cipher: 'AES128-SHA' });
    } finally {
      plain.close();
    }
  });

  it('accepts TLS 1.2 with ECDHE and AES-GCM or ChaCha20, and TLS 1.3 as OpenSSL offers it', async () => {
    expect(await handshake(gw.port, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' })).toEqual({ protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' });
    expect(await handshake(gw.port, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-CHACHA20-POLY1305' })).toEqual({ protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-CHACHA20-POLY1305' });
    expect(await handshake(gw.port, {})).toMatchObject({ protocol: 'TLSv1.3', cipher: expect.stringMatching(/^TLS_(AES_(128|256)_GCM|CHACHA20_POLY1305)_SHA(256|384)$/) });
    expect(await handshake(gw.port, { maxVersion: 'TLSv1.1', minVersion: 'TLSv1' })).toHaveProperty('error');
  });
});
