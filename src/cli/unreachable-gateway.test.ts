import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../io/command-io.ts';
import { main } from './main.ts';
import { startMockGateway, type MockGateway } from '../gateway/mock-gateway.ts';

const FIXTURES = 'src/fixtures/demo.json';
/** One run of each property keeps these runs to a few seconds. */
const ENV = { CCGW_PROPERTY_RUNS: '1' };

/**
 * A forwarding proxy in front of the mock that records what passes and, after `limit` requests, goes away: it stops
 * listening and drops its connections, as a gateway that crashes mid-run (later connections are refused).
 */
async function proxyTo(upstream: string, limit = Infinity) {
  const seen: { method: string; url: string; guid: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    if (seen.length >= limit) {
      server.close();
      server.closeAllConnections();
      return;
    }
    seen.push({ method: req.method ?? '', url: req.url ?? '', guid: req.headers['guid'] as string | undefined });
    const forward = http.request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise<void>((resolve) => (server.listening ? (server.closeAllConnections(), server.close(() => resolve())) : resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close };
}

let mock: MockGateway;
let out: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  mock = await startMockGateway({ port: 0 });
  out = mkdtempSync(join(tmpdir(), 'ccgw-run-phases-'));
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(async () => {
  await mock.close();
  rmSync(out, { recursive: true, force: true });
});

async function ccgw(args: string[]) {
  const io = memoryIo(ENV);
  const dir = join(out, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const code = await main([...args, '--fixtures', FIXTURES, '--out', dir], io);
  const runs = (() => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  })();
  const summary = runs[0] ? JSON.parse(readFileSync(join(dir, runs[0], 'summary.json'), 'utf8')) : undefined;
  return { code, io, summary };
}

describe('a gateway that stops answering during a run', () => {
  it('ends the run with one unreachable message and exit 3 after the failed phase, skips the rest, and still writes the run', async () => {
    const proxy = await proxyTo(mock.url, 4); // the probe and three calls of the properties phase, then gone
    closers.push(proxy.close);

    const r = await ccgw(['run', '--phases', 'properties,load', '--gateway', proxy.url]);

    expect(r.code).toBe(3);
    const last = r.io.errors.at(-1)!;
    expect(last).toMatch(
      new RegExp(`^ccgw run: the gateway at ${proxy.url} stopped answering during the properties phase .*connection refused: nothing listens on 127\\.0\\.0\\.1:\\d+\\. Fix: .* Skipped: load\\.$`),
    );
    expect(r.io.errors.filter((l) => l.includes('stopped answering'))).toHaveLength(1);
    expect(r.summary.phases.map((p: { name: string; outcome: string }) => `${p.name} ${p.outcome}`)).toEqual(['properties failed', 'load skipped']);
    expect(r.summary.phases[1].reason).toMatch(/^the gateway stopped answering during the properties phase: connection refused/);
    expect(r.io.lines.some((l) => l.startsWith('report: '))).toBe(true);
  }, 60_000);
});

describe('a gateway that answers', () => {
  it('is probed once with a status call that carries no Guid, then checked as usual (exit 0)', async () => {
    const proxy = await proxyTo(mock.url);
    closers.push(proxy.close);

    const r = await ccgw(['verify', '--properties', '--gateway', proxy.url]);

    expect(r.code).toBe(0);
    expect(proxy.seen[0]).toEqual({ method: 'GET', url: '/agentgateway/resource/onlineagent/40101/agentstatus', guid: undefined });
    expect(r.summary.phases[0]).toMatchObject({ name: 'properties', outcome: 'passed' });
  }, 60_000);

  it('with wrong answers (HTTP 404 to every call) is a contract failure, exit 1, not an unreachable gateway', async () => {
    const wrong = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('no such resource'));
    await new Promise<void>((resolve) => wrong.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => (wrong.closeAllConnections(), wrong.close(() => resolve()))));

    const r = await ccgw(['verify', '--properties', '--gateway', `http://127.0.0.1:${(wrong.address() as AddressInfo).port}`]);

    expect(r.code).toBe(1);
    expect(r.io.errors.join('\n')).not.toMatch(/cannot be reached|stopped answering/);
    expect(r.summary.phases[0]).toMatchObject({ name: 'properties', outcome: 'failed' });
  }, 60_000);
});
