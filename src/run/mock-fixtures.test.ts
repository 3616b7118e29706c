import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../domain/profiles.ts';
import { loadFixturesFile } from '../fixtures/load-fixtures.ts';
import { startMockGateway, type MockGateway } from '../gateway/mock-gateway.ts';
import { mockFixtures, type MockFixturesRequest } from './mock-fixtures.ts';

let dir: string;
let gw: MockGateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccgw-mock-fixtures-'));
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ inspector: 'from-the-secrets-file' }));
  writeFileSync(
    join(dir, 'accounts.json'),
    JSON.stringify({
      name: 'two',
      agents: [
        { id: '30101', vdn: 1, inspector: true, phone: '88830101', password: { file: 'secrets.json', key: 'inspector' } },
        { id: '30201', vdn: 1, inspector: false, phone: '88830201', password: { env: 'CCGW_TEST_AGENT_PW' } },
      ],
    }),
  );
  const fixtures = await loadFixturesFile(join(dir, 'accounts.json'), { env: { CCGW_TEST_AGENT_PW: 'the-mocks-env' } });
  gw = await startMockGateway({ port: 0, fixtures });
});

afterAll(async () => {
  await gw.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = (url: string, env: Record<string, string> = {}): MockFixturesRequest => ({ url, tls: undefined, env, profile: DEFAULT_PROFILE, timeoutMs: 2000 });

describe('the accounts of a ccgw mock, read through its admin API', () => {
  it('reads the document as written and resolves its references here: the secrets file beside it, this environment', async () => {
    const found = await mockFixtures(request(gw.url, { CCGW_TEST_AGENT_PW: 'this-process-env' }));

    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    try {
      expect(found.fixtures.accounts.map((a) => [a.id, a.password])).toEqual([
        ['30101', 'from-the-secrets-file'],
        ['30201', 'this-process-env'],
      ]);
      expect(found.note).toBe(`accounts: the 2 accounts of the ccgw mock at ${gw.url} (GET /__admin/fixtures: ${join(dir, 'accounts.json')}); pass --fixtures FILE to use others`);
      // The file for k6 holds references only, the secrets file by its absolute path.
      const written = readFileSync(found.path, 'utf8');
      expect(written).not.toContain('from-the-secrets-file');
      expect(written).not.toContain('the-mocks-env');
      expect(JSON.parse(written).agents[0].password).toEqual({ file: join(dir, 'secrets.json'), key: 'inspector' });
    } finally {
      await found.dispose();
    }
  });

  it('names the environment variable a reference needs when this process lacks it', async () => {
    await expect(mockFixtures(request(gw.url))).rejects.toThrow(/agents\[1\]\.password reads the environment variable CCGW_TEST_AGENT_PW, which is not set/);
  });

  it('says "not a ccgw mock" for a server that does not answer /__admin/health as one', async () => {
    const other = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const found = await mockFixtures(request(`http://127.0.0.1:${(other.address() as { port: number }).port}`));
      expect(found).toEqual({ kind: 'not-a-mock', why: 'it does not answer GET /__admin/health as a ccgw mock (HTTP 200)' });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('asks for CCGW_ADMIN_TOKEN when the mock has an admin token, and uses it when set', async () => {
    const guarded = await startMockGateway({ port: 0, adminToken: 's3cret' });
    try {
      expect(await mockFixtures(request(guarded.url))).toMatchObject({ kind: 'refused', why: expect.stringContaining('set CCGW_ADMIN_TOKEN') });
      const found = await mockFixtures(request(guarded.url, { CCGW_ADMIN_TOKEN: 's3cret' }));
      expect(found.kind === 'found' && found.fixtures.accounts.length).toBe(998);
      if (found.kind === 'found') await found.dispose();
    } finally {
      await guarded.close();
    }
  });
});
