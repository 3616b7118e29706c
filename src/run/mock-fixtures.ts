/**
 * The accounts of a `ccgw mock` on this machine, read through its admin API: `ccgw verify --gateway
 * http://127.0.0.1:8000` needs no `--fixtures` when the gateway is a ccgw mock, which already holds its accounts.
 *
 * Only for a loopback URL (the admin API answers loopback clients only), and only when `GET /__admin/health` answers
 * as a ccgw mock (`"server": "ccgw mock"`). `GET /__admin/fixtures` answers the fixtures document the mock was seeded
 * from, as written: `{ "env" }` and `{ "file" }` passwords are references, resolved here from this process's
 * environment and files like those of a `--fixtures` file; literal passwords are the mock's own demo data. The
 * document is also written to a temporary file for the processes that read fixtures themselves (k6).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { AdminClient } from '../client/admin-client.ts';
import type { Profile } from '../domain/profiles.ts';
import type { FixturesDocument, PasswordSource } from '../fixtures/fixtures-document.ts';
import { parseFixtures, type LoadedFixtures } from '../fixtures/load-fixtures.ts';
import { ADMIN_PATHS, MOCK_SERVER_NAME } from '../shared/admin-api.ts';
import { readTextFileSync } from '../io/read-text-file.ts';

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
  const admin = new AdminClient({ baseUrl: r.url, token: r.env['CCGW_ADMIN_TOKEN'] || undefined, tls: r.tls, timeoutMs: r.timeoutMs });
  const health = await admin.send('GET', ADMIN_PATHS.health);
  if (health.status === 401) return { kind: 'refused', why: `its admin API wants the token given to ccgw mock --admin-token; set CCGW_ADMIN_TOKEN` };
  const body = health.json as { server?: unknown } | undefined;
  if (health.status !== 200 || body?.server !== MOCK_SERVER_NAME) return { kind: 'not-a-mock', why: `it does not answer GET /__admin/health as a ccgw mock (${health.status === 0 ? health.error : `HTTP ${health.status}`})` };
  const answer = await admin.send('GET', ADMIN_PATHS.fixtures);
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
    readText: (path) => readTextFileSync(path),
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
