import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { spawnCcgw } from '../../gateway/testing/mock-process.ts';

const startCli = (args: string[]) => spawnCcgw(['mock', ...args]);

describe('ccgw mock (as a process)', () => {
  it('serves, logs one line per call with the documented log name, and shuts down cleanly on SIGTERM', async () => {
    const cli = startCli(['--port', '0']);
    const url = await cli.listening;
    const res = await fetch(`${url}/agentgateway/resource/onlineagent/30101`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ password: 'demo', phonenum: '88830101' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-guid')).toMatch(/^JSESSIONID=/);
    expect(await cli.stop()).toBe(0);
    expect(cli.output()).toMatch(/ login PUT \/agentgateway\/resource\/onlineagent\/30101 200 retcode=0 signIn\.ok /);
    expect(cli.output()).not.toContain('demo"');
    expect(cli.output()).toContain('SIGTERM: shutting down');
  });

  it('exits 2 naming a bad flag value', async () => {
    const cli = startCli(['--auth', 'kerberos']);
    expect(await cli.exited).toBe(2);
    expect(cli.errors()).toContain('--auth "kerberos" is not one of static, dynamic');
  });

  it('exits 2 naming a fixtures file problem', async () => {
    const cli = startCli(['--fixtures', '/nonexistent.json']);
    expect(await cli.exited).toBe(2);
    expect(cli.errors()).toContain('fixtures file /nonexistent.json cannot be read (ENOENT)');
  });
});

describe('ccgw mock: exposure and limits', () => {
  it('warns on start when listening beyond loopback, and not on loopback', async () => {
    const wide = startCli(['--port', '0', '--host', '0.0.0.0', '--quiet']);
    await wide.listening;
    expect(await wide.stop()).toBe(0);
    expect(wide.errors()).toContain('ccgw mock: warning: listening on http://0.0.0.0:');
    expect(wide.errors()).toContain('beyond loopback: anyone who can reach it can sign the demo accounts (their passwords are public) in and barge into their calls');
    const local = startCli(['--port', '0', '--quiet']);
    await local.listening;
    expect(await local.stop()).toBe(0);
    expect(local.errors()).not.toContain('warning');
  });

  it('exits 2 when --headers-timeout exceeds --request-timeout, naming both flags', async () => {
    const cli = startCli(['--headers-timeout', '40s', '--request-timeout', '30s']);
    expect(await cli.exited).toBe(2);
    expect(cli.errors()).toContain('--headers-timeout (40000 ms) must not exceed --request-timeout (30000 ms)');
  });

  it('answers 408 once --request-timeout passes while a body trickles in', async () => {
    const cli = startCli(['--port', '0', '--quiet', '--headers-timeout', '1s', '--request-timeout', '2s']);
    const url = new URL(await cli.listening);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      let got = '';
      socket.on('data', (c) => (got += c));
      socket.on('close', () => resolve(got));
      socket.on('error', () => undefined);
      socket.write('PUT /agentgateway/resource/onlineagent/30101 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{');
    });
    expect(await cli.stop()).toBe(0);
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n[\s\S]*the whole request within 2 s/);
  });
});
