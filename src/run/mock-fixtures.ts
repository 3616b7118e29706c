/**
 * The accounts of a `ccgw mock` on this machine, read through its admin API: `ccgw verify --gateway
 * http://127.0.0.1:8000` needs no `--fixtures` when the gateway is a ccgw mock, which already holds its accounts.
 *
 * Only for a loopback URL (the admin API answers loopback clients only), and only when `GET /__admin/health` answers
 * as a ccgw mock (`"server": "ccgw mock"`). `GET /__admin/fixtures` answers the fixtures document the mock was seeded
 * from, as written: `{ "env" }` and `{ "file" }` passwords are references, resolved here from this process's
 * environment and files like those of a `--fixtures` file; literal passwords are the mock's own demo data. The
 * document is also written to a temporary file for the processes that read fixtures themselves (k6).
 *
 * @example
 * ```ts
 * const found = await mockFixtures({ url: 'http://127.0.0.1:8000', tls: undefined, env: process.env, profile, timeoutMs: 5000 });
 * if (found.kind === 'found') console.log(found.note); // 'accounts: the 1000 accounts of the ccgw mock at …'
 * ```
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { resolveTls } from '../client/index.ts';
import type { Profile } from '../domain/profiles.ts';
import type { FixturesDocument, PasswordSource } from '../fixtures/fixtures-document.ts';
import { parseFixtures, type LoadedFixtures } from '../fixtures/load-fixtures.ts';
import { MOCK_SERVER_NAME } from '../gateway/admin.ts';

export interface MockFixturesRequest {
  readonly url: string;
  readonly tls: { readonly caFile?: string; readonly insecure: boolean } | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly profile: Profile;
  readonly timeoutMs: number;
}

/** The mock's accounts, a sentence saying where they came from, and a file holding the document (removed by `dispose`). */
export type MockFixtures =
  | { readonly kind: 'found'; readonly fixtures: LoadedFixtures; readonly path: string; readonly note: string; dispose(): Promise<void> }
  | { readonly kind: 'not-a-mock'; readonly why: string }
  | { readonly kind: 'refused'; readonly why: string };

/** Asks the gateway for its fixtures. Never throws for what the gateway answers; FixturesError for a document that cannot be used. */
export async function mockFixtures(r: MockFixturesRequest): Promise<MockFixtures> {
  const health = await getJson(r, '/__admin/health');
  if (health.status === 401) return { kind: 'refused', why: `its admin API wants the token given to ccgw mock --admin-token; set CCGW_ADMIN_TOKEN` };
  const body = health.json as { server?: unknown } | undefined;
  if (health.status !== 200 || body?.server !== MOCK_SERVER_NAME) return { kind: 'not-a-mock', why: `it does not answer GET /__admin/health as a ccgw mock (${health.status === 0 ? health.error : `HTTP ${health.status}`})` };
  const answer = await getJson(r, '/__admin/fixtures');
  const origin = answer.json as { source?: unknown; document?: unknown; baseDir?: unknown } | undefined;
  if (answer.status !== 200 || typeof origin?.source !== 'string' || origin.document === undefined) {
    return { kind: 'not-a-mock', why: `its GET /__admin/fixtures gives no fixtures document (${answer.status === 0 ? answer.error : `HTTP ${answer.status}`}; a ccgw mock older than this harness?)` };
  }
  const baseDir = typeof origin.baseDir === 'string' ? origin.baseDir : undefined;
  const source = `the fixtures of the ccgw mock at ${r.url} (${origin.source})`;
  const fixtures = parseFixtures(origin.document, {
    source,
    env: r.env,
    ...(baseDir !== undefined ? { baseDir } : {}),
    readText: (path) => readFileSync(path, 'utf8'),
    profile: r.profile,
  });
  const dir = await mkdtemp(join(tmpdir(), 'ccgw-mock-fixtures-'));
  const path = join(dir, 'fixtures.json');
  await writeFile(path, JSON.stringify(withAbsoluteFiles(fixtures.document!, baseDir), null, 2));
  return {
    kind: 'found',
    fixtures,
    path,
    note: `accounts: the ${fixtures.accounts.length} accounts of the ccgw mock at ${r.url} (GET /__admin/fixtures: ${origin.source}); pass --fixtures FILE to use others`,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The document with `{ "file" }` passwords made absolute, so that it can be read from another directory. */
function withAbsoluteFiles(doc: FixturesDocument, baseDir: string | undefined): FixturesDocument {
  const fix = (p: PasswordSource): PasswordSource => (typeof p === 'object' && 'file' in p && baseDir !== undefined && !isAbsolute(p.file) ? { ...p, file: join(baseDir, p.file) } : p);
  return { ...doc, agents: doc.agents.map((a) => ({ ...a, password: fix(a.password) })), ...(doc.ranges ? { ranges: doc.ranges.map((g) => ({ ...g, password: fix(g.password) })) } : {}) };
}

/** One GET with the target's TLS options and the admin token when set; status 0 with the error when nothing answered. */
function getJson(r: MockFixturesRequest, path: string): Promise<{ status: number; json?: unknown; error?: string }> {
  const url = new URL(path, `${r.url}/`);
  const token = r.env['CCGW_ADMIN_TOKEN'];
  const options = { timeout: r.timeoutMs, headers: token ? { 'X-Admin-Token': token } : {}, ...(url.protocol === 'https:' ? resolveTls(r.tls) : {}) };
  return new Promise((resolve) => {
    const req = (url.protocol === 'https:' ? https : http).get(url, options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode ?? 0 });
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${r.timeoutMs / 1000} s`)));
    req.on('error', (e) => resolve({ status: 0, error: e.message }));
  });
}
