/**
 * The package as another team's CI gets it: `npm pack`, installed into an empty project outside the repository
 * (so nothing resolves from the repository's node_modules), where `npx ccgw run` and `ccgw mock` must work.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_SERVER_NAME } from '../src/shared/admin-api.ts';
import { spawnServer } from '../src/gateway/testing/mock-process.ts';
import { REPO_ROOT } from '../src/paths.ts';
import { ensureK6 } from '../src/tools/ensure-k6.ts';

const run = promisify(execFile);
const MINUTE = 60_000;

let project: string;
let env: NodeJS.ProcessEnv;

/**
 * This process's environment for the project: npm's settings (registry, cache, proxy) kept; what describes the
 * repository's package under `npm test` dropped, and NODE_PATH (which would reach the repository's node_modules).
 */
function projectEnv(k6Dir: string): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_package_|npm_lifecycle_|NODE_PATH$|NODE_OPTIONS$)/i.test(name)));
  // The k6 that the test setup made ready (tools/k6 here), so the packed harness need not build its own.
  return { ...kept, PATH: `${k6Dir}${delimiter}${kept['PATH'] ?? ''}` };
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'ccgw-packed-'));
  // Outside the repository, or Node would find the repository's node_modules above the project.
  if (!relative(REPO_ROOT, project).startsWith('..')) throw new Error(`the temporary directory ${project} is inside the repository; set TMPDIR elsewhere`);
  env = projectEnv(dirname(await ensureK6()));
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: REPO_ROOT, env, timeout: 2 * MINUTE });
  const tarball = join(project, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'uses-ccgw', private: true }, null, 2)}\n`);
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: project, env, timeout: 5 * MINUTE });
}, 8 * MINUTE);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package installed into an empty project', () => {
  it('holds what the CLI needs and not the tests', () => {
    const installed = join(project, 'node_modules', 'ccgw-harness');
    for (const file of ['bin/ccgw.js', 'src/cli/main.ts', 'src/fixtures/demo.json', 'openapi/ccgw-agentgateway.yaml', 'load/scenarios/smoke.ts']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(readdirSync(join(installed, 'contracts', 'pacts')).some((f) => f.endsWith('.json'))).toBe(true);
    expect(existsSync(join(installed, 'src', 'cli', 'commands', 'mock.test.ts'))).toBe(false);
    expect(existsSync(join(installed, 'src', 'gateway', 'testing'))).toBe(false);
  });

  it('runs `npx ccgw run` against the embedded mock: every phase passes, exit 0', async () => {
    const { stdout } = await run('npx', ['--no', 'ccgw', 'run', '--quiet'], { cwd: project, env, timeout: 5 * MINUTE, maxBuffer: 16 * 1024 * 1024 });
    expect(stdout).toMatch(/^PASSED: rules passed .*, contracts passed .*, properties passed .*, load passed /m);
    const [runDir] = readdirSync(join(project, 'runs'));
    const summary = JSON.parse(readFileSync(join(project, 'runs', runDir!, 'summary.json'), 'utf8')) as { tool: { version: string; pact?: string } };
    expect(summary.tool.pact).toMatch(/^\d+\.\d+\.\d+/); // pact-js resolved from the project's node_modules
  }, 6 * MINUTE);

  it('starts `ccgw mock`, which answers its health check and stops on SIGTERM with exit 0', async () => {
    // The bin link itself, as npx would run it: npx puts a shell between, which does not pass SIGTERM on.
    const mock = spawnServer(join(project, 'node_modules', '.bin', 'ccgw'), ['mock', '--port', '0'], { cwd: project, env, readyTimeoutMs: 2 * MINUTE });
    const url = await mock.listening;
    expect(mock.output()).toMatch(/^mock gateway listening on http:\/\/127\.0\.0\.1:\d+ /);
    const health = await fetch(`${url}/__admin/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { server: string }).server).toBe(MOCK_SERVER_NAME);
    expect(await mock.stop()).toBe(0);
    expect(mock.output()).toContain('SIGTERM: shutting down');
  }, 3 * MINUTE);
});
