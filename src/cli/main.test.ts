import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unusedPort } from '../client/testing/fake-gateway.ts';
import { memoryIo } from '../io/command-io.ts';
import { main } from './main.ts';

const FIXTURES = 'src/fixtures/demo.json';

let dir: string;
/** A self-signed certificate for 127.0.0.1 only (not localhost), and its PEM as a --ca file. */
let cert: { key: string; cert: string };
let caFile: string;
const servers: net.Server[] = [];
const openSockets: net.Socket[] = [];

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'gw-loopback' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  cert = { key: pems.private, cert: pems.cert };
  dir = mkdtempSync(join(tmpdir(), 'ccgw-unreachable-'));
  caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, cert.cert);
});

afterEach(async () => {
  for (const socket of openSockets.splice(0)) socket.destroy();
  for (const s of servers.splice(0)) {
    (s as http.Server).closeAllConnections?.();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Listens on a free loopback port until the test ends; returns the port. */
async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

const plainHttp = () => listen(http.createServer((_req, res) => res.writeHead(404).end('not here')));
const selfSignedHttps = () => listen(https.createServer(cert, (_req, res) => res.writeHead(404).end('not here')));
/** Accepts connections and never answers (the sockets are destroyed when the test ends). */
const silent = () => listen(net.createServer((socket) => openSockets.push(socket)));

/** Runs `ccgw <command> --gateway URL ...` in-process and returns the exit code and what it printed. */
async function ccgw(command: string, url: string, extra: string[] = [], env: Record<string, string> = {}) {
  const io = memoryIo(env);
  const out = join(dir, `runs-${command}-${Date.now()}`);
  const code = await main([command, '--gateway', url, '--fixtures', FIXTURES, '--out', out, ...extra], io);
  let written: string[] = [];
  try {
    written = readdirSync(out);
  } catch {
    // no run directory: nothing ran
  }
  return { code, lines: io.lines, errors: io.errors, written };
}

/** The one line an unreachable gateway prints: the URL, the cause, the fix; no stack, no case, no run directory. */
function expectOneUnreachableLine(r: Awaited<ReturnType<typeof ccgw>>, command: string, url: string, cause: RegExp, fix: RegExp): void {
  expect(r.code).toBe(3);
  expect(r.errors).toHaveLength(1);
  const [line] = r.errors as [string];
  expect(line.startsWith(`ccgw ${command}: the gateway at ${url} cannot be reached: `)).toBe(true);
  expect(line).toMatch(cause);
  expect(line).toMatch(fix);
  expect(line).not.toContain('\n');
  expect(line).not.toMatch(/\bat .+\.(?:ts|js):\d+/); // no stack frame
  expect(line).not.toContain('does not match the pact');
  expect(r.lines).toEqual([]);
  expect(r.written).toEqual([]);
}

describe('a gateway nobody can reach: one line with the URL, the cause and the fix, exit 3, before any phase', () => {
  it('connection refused on a closed loopback port (verify, run and load alike)', async () => {
    const url = `http://127.0.0.1:${await unusedPort()}`;
    for (const [command, extra] of [['verify', []], ['run', ['--phases', 'contracts,properties']], ['load', []]] as const) {
      const r = await ccgw(command, url, [...extra]);
      expectOneUnreachableLine(r, command, url, /connection refused: nothing listens on 127\.0\.0\.1:\d+/, /Fix: check the host and port, and that the gateway runs/);
    }
  });

  it('a host name that does not resolve (.invalid)', async () => {
    const url = 'http://ccgw-gateway.invalid:8000';
    const r = await ccgw('verify', url, ['--live']);
    expectOneUnreachableLine(r, 'verify', url, /the host name ccgw-gateway\.invalid does not resolve \((?:ENOTFOUND|EAI_AGAIN)/, /Fix: check the name, or use the gateway's IP address/);
  });

  it('https:// to a plain HTTP port: says the port speaks plain HTTP and to use http://', async () => {
    const port = await plainHttp();
    const url = `https://127.0.0.1:${port}`;
    const r = await ccgw('verify', url);
    expectOneUnreachableLine(r, 'verify', url, new RegExp(`127\\.0\\.0\\.1:${port} speaks plain HTTP, not HTTPS`), new RegExp(`Fix: use http://127\\.0\\.0\\.1:${port}\\.`));
  });

  it('http:// to a TLS port: says the port speaks TLS and to use https://', async () => {
    const port = await selfSignedHttps();
    const url = `http://127.0.0.1:${port}`;
    const r = await ccgw('verify', url);
    expectOneUnreachableLine(r, 'verify', url, new RegExp(`127\\.0\\.0\\.1:${port} speaks TLS, not plain HTTP`), new RegExp(`Fix: use https://127\\.0\\.0\\.1:${port} `));
  });

  it('a self-signed certificate without --ca: names --ca FILE and --insecure', async () => {
    const url = `https://127.0.0.1:${await selfSignedHttps()}`;
    const r = await ccgw('run', url, ['--phases', 'contracts']);
    expectOneUnreachableLine(r, 'run', url, /its TLS certificate is not trusted \((?:DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/, /Fix: pass --ca FILE .* or --insecure for a test gateway/);
  });

  it('a certificate that names another host: says which name it does not carry', async () => {
    const port = await selfSignedHttps();
    const url = `https://localhost:${port}`;
    const r = await ccgw('verify', url, ['--ca', caFile]);
    expectOneUnreachableLine(r, 'verify', url, /its TLS certificate does not name localhost \(ERR_TLS_CERT_ALTNAME_INVALID/, /Fix: connect by a host name the certificate lists/);
  });

  it('a port that accepts and never answers: no answer within CCGW_PROBE_TIMEOUT', async () => {
    const url = `http://127.0.0.1:${await silent()}`;
    const r = await ccgw('load', url, [], { CCGW_PROBE_TIMEOUT: '300ms' });
    expectOneUnreachableLine(r, 'load', url, /no answer within 0\.3 s/, /Fix: check that the gateway is up and healthy, and the firewalls and VPN/);
  });

  it('an unreadable --ca file is a usage error (exit 2) naming the file, not an unreachable gateway', async () => {
    const url = `https://127.0.0.1:${await selfSignedHttps()}`;
    const r = await ccgw('verify', url, ['--ca', join(dir, 'missing-ca.pem')]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toMatch(/missing-ca\.pem" cannot be read \(ENOENT\)/);
  });

  it('a bad CCGW_PROBE_TIMEOUT is a usage error (exit 2), not an unreachable gateway', async () => {
    const url = `http://127.0.0.1:${await unusedPort()}`;
    const r = await ccgw('verify', url, [], { CCGW_PROBE_TIMEOUT: 'soon' });
    expect(r.code).toBe(2);
    expect(r.errors[0]).toContain('CCGW_PROBE_TIMEOUT "soon" is not a duration');
  });
});

describe('ccgw --help and the commands\' --help document exit code 3', () => {
  it.each(['--help', 'run --help', 'verify --help', 'load --help'])('ccgw %s', async (args) => {
    const io = memoryIo();
    expect(await main(args.split(' '), io)).toBe(0);
    expect(io.lines.join('\n')).toMatch(/3 (?:when )?the gateway (?:could not be reached|cannot be reached)/);
  });
});
