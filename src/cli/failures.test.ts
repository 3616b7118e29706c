// Every failure a user can cause, walked through `ccgw` in-process: one clear message naming the value and the fix,
// the documented exit code (2 usage, 1 contract broken, 3 gateway unreachable), and never a stack trace.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedPort } from '../client/testing/fake-gateway.ts';
import { resolveProfile } from '../domain/profiles.ts';
import { startMockGateway, type MockGateway } from '../gateway/mock-gateway.ts';
import { memoryIo } from '../io/command-io.ts';
import { main } from './main.ts';

let dir: string;
let busy: net.Server;
let busyPort: number;
let notAMock: http.Server;
let notAMockUrl: string;
let mock2025: MockGateway;

const at = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccgw-failures-'));
  mkdirSync(at('a-directory'));
  writeFileSync(at('a-file'), 'not a directory\n');
  writeFileSync(at('bad.json'), '{"agents": [');
  writeFileSync(at('fixtures-two-problems.json'), JSON.stringify({ agents: [{ id: '30101', vdn: 0, inspector: true, phone: '1', password: 'x' }], owner: 'me' }));
  writeFileSync(at('config-two-keys.json'), JSON.stringify({ gatway: { url: 'http://127.0.0.1:8000' }, fixture: 'f.json' }));
  mkdirSync(at('not-a-run'));
  mkdirSync(at('broken-run'));
  writeFileSync(at('broken-run/summary.json'), '{"schemaVersion": 1,');
  busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as net.AddressInfo).port;
  notAMock = http.createServer((_req, res) => res.writeHead(404).end('not here'));
  await new Promise<void>((resolve) => notAMock.listen(0, '127.0.0.1', resolve));
  notAMockUrl = `http://127.0.0.1:${(notAMock.address() as net.AddressInfo).port}`;
  mock2025 = await startMockGateway({ port: 0, profile: resolveProfile('ccgw-2025') });
});

afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  await new Promise((resolve) => notAMock.close(resolve));
  await mock2025.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `ccgw` in-process; what it printed on stderr. */
async function ccgw(argv: string[]) {
  const io = memoryIo({});
  const code = await main(argv, io);
  return { code, errors: io.errors, lines: io.lines };
}

/** No stack frame, no Node error dump, no "internal error" in anything printed. */
function expectNoStackTrace(printed: readonly string[]): void {
  for (const text of printed) {
    expect(text).not.toMatch(/^\s+at .+(?:\.[jt]s:\d+:\d+|\(node:[^)]+\))/m);
    expect(text).not.toMatch(/internal error|Error: (?:listen|ENOENT|EACCES|EISDIR|ENOTDIR)/);
  }
}

type Failure = readonly [what: string, argv: () => string[], code: 1 | 2 | 3, message: () => RegExp];

const FAILURES: readonly Failure[] = [
  ['an unknown command', () => ['lint'], 2, () => /^ccgw: unknown command "lint"; use one of run, mock, verify/],
  ['an unknown flag', () => ['verify', '--gatewy', 'x'], 2, () => /^ccgw verify: Unknown option '--gatewy'/],
  ['a port that is not a number', () => ['mock', '--port', 'eighty'], 2, () => /^ccgw mock: --port "eighty" is not a port; use an integer from 0 to 65535/],
  [
    'ccgw mock on a busy port',
    () => ['mock', '--port', String(busyPort)],
    2,
    () => new RegExp(`^ccgw mock: --port ${busyPort}: 127\\.0\\.0\\.1:${busyPort} is already in use \\(another ccgw mock\\?\\); stop what listens there, or pass another --port N \\(--port 0 takes any free port\\)`),
  ],
  ['ccgw mock --tls on a busy port', () => ['mock', '--tls', '--port', String(busyPort)], 2, () => new RegExp(`^ccgw mock: --port ${busyPort}: 127\\.0\\.0\\.1:${busyPort} is already in use`)],
  ['ccgw mock --host that is not this machine', () => ['mock', '--host', '192.0.2.1', '--port', '0'], 2, () => /^ccgw mock: --host 192\.0\.2\.1 is not an address of this machine; use 127\.0\.0\.1/],
  ['a --poll-wait longer than a timer can wait', () => ['mock', '--poll-wait', '99999999h', '--port', '0'], 2, () => /^ccgw mock: --poll-wait "99999999h" is longer than 24 h; use e\.g\. 500ms, 10s, 2m/],
  ['ccgw mock --host that is empty', () => ['mock', '--host', '', '--port', '0'], 2, () => /^ccgw mock: --host "" is empty; give an address such as 127\.0\.0\.1 \(or 0\.0\.0\.0 for every interface\)/],
  ['a --cert file that does not exist', () => ['mock', '--tls', '--cert', at('no-cert.pem'), '--key', at('no-key.pem')], 2, () => /^ccgw mock: cannot read the TLS certificate .*no-cert\.pem \(ENOENT\); pass a PEM file/],
  ['a --cert file that never ends (/dev/zero)', () => ['mock', '--tls', '--cert', '/dev/zero', '--key', '/dev/zero'], 2, () => /^ccgw mock: cannot read the TLS (?:certificate|key) \/dev\/zero \(EFBIG: more than 64 MiB\); pass a PEM file/],
  ['a --cert file that is not PEM', () => ['mock', '--tls', '--cert', at('a-file'), '--key', at('a-file')], 2, () => /^ccgw mock: .*a-file is not a PEM certificate/],
  ['--cert-out naming a directory', () => ['mock', '--tls', '--port', '0', '--cert-out', at('a-directory')], 2, () => /^ccgw mock: --cert-out .*a-directory cannot be written \(EISDIR: it is a directory\); choose a writable file path/],
  ['a fixtures file that does not exist', () => ['mock', '--fixtures', at('missing.json')], 2, () => /^ccgw mock: fixtures file .*missing\.json cannot be read \(ENOENT\); check the path/],
  ['a fixtures "file" that is a directory', () => ['verify', '--fixtures', at('a-directory')], 2, () => /^ccgw verify: fixtures file .*a-directory cannot be read \(EISDIR\); check the path/],
  ['a fixtures file that is not JSON', () => ['mock', '--fixtures', at('bad.json')], 2, () => /^ccgw mock: fixtures file .*bad\.json is not valid JSON: /],
  [
    'a fixtures file with two problems: both, each with its field and fix',
    () => ['mock', '--fixtures', at('fixtures-two-problems.json')],
    2,
    () => /^ccgw mock: .*fixtures-two-problems\.json has 2 problems \(see src\/fixtures\/fixtures\.schema\.json\):\n {2}- \(document\) has an unknown property "owner"; remove it or correct its spelling\n {2}- agents\[0\]\.vdn must be >= 1\n/,
  ],
  ['a config file that is a directory', () => ['verify', '--config', at('a-directory')], 2, () => /^ccgw verify: the config file .*a-directory cannot be read \(EISDIR\); check --config or CCGW_CONFIG/],
  ['a config file that is not JSON', () => ['run', '--config', at('bad.json')], 2, () => /^ccgw run: the config file .*bad\.json is not valid JSON: /],
  [
    'a config file with two unknown keys: both',
    () => ['verify', '--config', at('config-two-keys.json')],
    2,
    () => /has 2 problems \(see src\/config\/config\.schema\.json\):\n {2}- \(document\) has an unknown property "gatway"; remove it or correct its spelling\n {2}- \(document\) has an unknown property "fixture"; remove it or correct its spelling\n/,
  ],
  ['--out below a file', () => ['verify', '--rules', '--out', at('a-file/runs')], 2, () => /^ccgw verify: --out .*a-file\/runs cannot hold run directories \(ENOTDIR: a part of the path is a file, not a directory\); choose a writable directory/],
  ['--out that is a file', () => ['run', '--phases', 'rules', '--out', at('a-file')], 2, () => /^ccgw run: --out .*a-file cannot hold run directories \(EEXIST: it exists and is not a directory\)/],
  [
    '--out where the file system refuses new directories (/proc)',
    () => ['run', '--phases', 'rules', '--quiet', '--out', '/proc/ccgw-none/runs'],
    2,
    () => /^ccgw run: (?:mkdir \/proc\/ccgw-none failed|--out \/proc\/ccgw-none\/runs cannot hold run directories) \(E[A-Z]+: /,
  ],
  ['calibrate --write naming a directory', () => ['calibrate', '--write', at('a-directory'), '--out', at('runs')], 2, () => /^ccgw calibrate: --write .*a-directory cannot be written \(EISDIR: it is a directory\)/],
  ['a load --duration k6 would refuse (0s), before k6 starts', () => ['load', '--scenario', 'smoke', '--duration', '0s'], 2, () => /^ccgw load: --duration "0s" is not a k6 duration from 1ms to 24h, such as 30s, 10m or 1h30m/],
  ['a load --duration beyond a day', () => ['load', '--scenario', 'soak', '--duration', '99999999h'], 2, () => /^ccgw load: --duration "99999999h" is not a k6 duration from 1ms to 24h/],
  ['compare with a run directory that does not exist', () => ['compare', at('runs/old'), at('runs/new')], 2, () => /^ccgw compare: RUN_A: run directory .*runs\/old does not exist; pass a directory written by `ccgw run`/],
  ['compare with a directory that is not a run', () => ['compare', at('not-a-run'), at('not-a-run')], 2, () => /^ccgw compare: RUN_A: .*not-a-run has no summary\.json, so it is not a run directory/],
  ['compare with a summary.json that is not JSON', () => ['compare', at('broken-run'), at('broken-run')], 2, () => /^ccgw compare: RUN_A: .*broken-run\/summary\.json is not/],
  ['bundle --run that does not exist', () => ['bundle', '--run', at('runs/none')], 2, () => /^ccgw bundle: --run ".*runs\/none": run directory .* does not exist/],
  ['a gateway on another machine without --live', () => ['verify', '--gateway', 'https://10.0.0.5:8043', '--fixtures', 'src/fixtures/demo.json'], 2, () => /is not on this machine: it is someone else's gateway\. Pass --live/],
  [
    'a loopback gateway that is not a ccgw mock, without --fixtures',
    () => ['verify', '--gateway', notAMockUrl],
    2,
    () => /needs --fixtures FILE \(or CCGW_FIXTURES\): the test accounts to sign in on that gateway\. \(Without it, the accounts of a ccgw mock on this machine are read from its admin API, but it does not answer GET \/__admin\/health as a ccgw mock \(HTTP 404\)\.\)/,
  ],
  ['a --ca file that does not exist', () => ['verify', '--gateway', 'https://127.0.0.1:1', '--fixtures', 'src/fixtures/demo.json', '--ca', at('missing-ca.pem')], 2, () => /missing-ca\.pem" cannot be read \(ENOENT\)/],
  ['a --ca file that never ends (/dev/zero)', () => ['verify', '--gateway', 'https://127.0.0.1:1', '--fixtures', 'src/fixtures/demo.json', '--ca', '/dev/zero'], 2, () => /"\/dev\/zero" cannot be read \(EFBIG: more than 64 MiB\)/],
  ['a --fixtures file that never ends (/dev/zero)', () => ['verify', '--gateway', 'http://127.0.0.1:1', '--fixtures', '/dev/zero'], 2, () => /^ccgw verify: fixtures file \/dev\/zero cannot be read \(EFBIG: more than 64 MiB\); check the path/],
  ['a gateway nobody listens on', () => [], 3, () => /cannot be reached: connection refused: nothing listens on 127\.0\.0\.1:\d+\. Fix: check the host and port/],
  [
    'a gateway that breaks the rules (a ccgw-2025 mock held to ccgw-2024)',
    () => ['verify', '--rules', '--quiet', '--gateway', mock2025.url, '--profile', 'ccgw-2024', '--out', at('runs')],
    1,
    () => /✗ rules\.addInsert\.pathMismatch\.agentid\.[\s\S]*expected HTTP 404 \(addInsert\.pathMismatch\.agentid\); got retcode 100-006/,
  ],
];

describe('every CLI failure a user can cause: one message, the documented exit code, no stack trace', () => {
  it.each(FAILURES)('%s', async (_what, argv, code, message) => {
    const args = argv().length > 0 ? argv() : ['verify', '--gateway', `http://127.0.0.1:${await unusedPort()}`, '--fixtures', 'src/fixtures/demo.json', '--out', at('runs')];
    const r = await ccgw(args);

    expect(r.code, r.errors.join('\n')).toBe(code);
    expect(r.errors.join('\n')).toMatch(message());
    expectNoStackTrace([...r.errors, ...r.lines]);
    if (code === 2) {
      expect(r.errors.length, r.errors.join('\n')).toBeLessThanOrEqual(2);
      if (r.errors.length === 2) expect(r.errors[1]).toMatch(/^Run `ccgw \w+ --help` for usage\.$/);
    }
    if (code === 3) expect(r.errors).toHaveLength(1);
  });

  it('a CCGW_* variable the k6 scripts would refuse: a usage error naming it, before any phase or k6 build', async () => {
    const io = memoryIo({ CCGW_POLL_PAUSE_MS: 'abc' });
    const code = await main(['run', '--out', at('runs-k6-env')], io);

    expect(code).toBe(2);
    expect(io.errors[0]).toBe('ccgw run: CCGW_POLL_PAUSE_MS="abc" is not an integer from 0 to 10000; e.g. CCGW_POLL_PAUSE_MS=200 (k6 reads it from the environment)');
    expect(io.lines).toEqual([]);
  });

  it('two runs started in the same second into one --out each write their own run directory', async () => {
    const [a, b] = [memoryIo({}), memoryIo({})];
    const codes = await Promise.all([main(['run', '--phases', 'rules', '--quiet', '--out', at('runs-twice')], a), main(['run', '--phases', 'rules', '--quiet', '--out', at('runs-twice')], b)]);

    expect(codes).toEqual([0, 0]);
    const reports = [a, b].map((io) => io.lines.find((l) => l.startsWith('report: '))!);
    expect(new Set(reports).size).toBe(2);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(at('runs-twice'))).toHaveLength(2);
  });

  // Root may write anywhere, so a directory without write permission refuses nobody there.
  it.skipIf(process.getuid?.() === 0)('--out in a directory without write permission (skipped when run as root, who may write anywhere)', async () => {
    const locked = at('locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const r = await ccgw(['verify', '--rules', '--out', join(locked, 'runs')]);
      expect(r.code).toBe(2);
      expect(r.errors[0]).toMatch(/--out .*locked\/runs cannot hold run directories \(EACCES: permission denied\)/);
      expectNoStackTrace(r.errors);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe('a loopback gateway is named for what it is', () => {
  it('a run against a ccgw mock on this machine, without --fixtures, reads its accounts, says so, and is a "gateway" run', async () => {
    const gw = await startMockGateway({ port: 0 });
    try {
      const io = memoryIo({});
      const code = await main(['verify', '--rules', '--gateway', gw.url, '--out', at('runs-gateway')], io);

      expect(code, io.errors.join('\n')).toBe(0);
      expect(io.errors.join('\n')).toContain(`accounts: the 998 accounts of the ccgw mock at ${gw.url} (GET /__admin/fixtures: built-in demo fixtures); pass --fixtures FILE to use others`);
      expect(io.lines.join('\n')).toMatch(/report: .*runs-gateway\/\d{8}T\d{6}Z-gateway-verify\/report\.html/);
      const { readFileSync, readdirSync } = await import('node:fs');
      const [run] = readdirSync(at('runs-gateway'));
      const summary = JSON.parse(readFileSync(join(at('runs-gateway'), run!, 'summary.json'), 'utf8')) as { target: { kind: string } };
      expect(summary.target.kind).toBe('gateway');
      expect(readFileSync(join(at('runs-gateway'), run!, 'summary.md'), 'utf8')).toContain(`against the gateway on this machine \`${gw.url}\``);
    } finally {
      await gw.close();
    }
  });
});
