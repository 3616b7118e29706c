import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadConfigError, describeConfig, parseLoadConfig, type LoadKnobs, type ParseContext } from './config-parse.ts';
import { DEFAULT_LIVE_MAX_RPS } from '../../src/shared/live-target.ts';
import { LoadFixturesError } from './fixtures.ts';

const ROOT = `${join(import.meta.dirname, '..', '..')}/`;
const DEFAULTS: LoadKnobs = { vus: 2, iterations: 3, duration: '30s', rate: 5, inspectorsPerGroup: 3, thinkMs: 0 };
const context: ParseContext = { scenario: 'smoke', defaults: DEFAULTS, readText: (p) => readFileSync(p, 'utf8'), repoRoot: ROOT };

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fixturesFile(doc: unknown, secrets?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'load-config-'));
  scratch.push(dir);
  writeFileSync(join(dir, 'accounts.json'), JSON.stringify(doc));
  if (secrets !== undefined) writeFileSync(join(dir, 'secrets.json'), JSON.stringify(secrets));
  return join(dir, 'accounts.json');
}

describe('the load configuration', () => {
  it('defaults to the mock on 127.0.0.1:8000 with the demo accounts and the scenario defaults', () => {
    const c = parseLoadConfig({}, context);
    expect(c.baseUrl).toBe('http://127.0.0.1:8000');
    expect(c).toMatchObject({ loopback: true, live: false, validate: true, admin: 'auto', adminReset: true, fixturesName: 'demo', load: DEFAULTS });
    expect(c.profile.name).toBe('ccgw-2024');
    expect(c.accounts.length).toBeGreaterThan(100);
    expect(c.report).toEqual({ dir: 'reports/load', name: 'smoke' });
  });

  it('reads every knob, naming the variable when one is bad', () => {
    const c = parseLoadConfig({ CCGW_LOAD_VUS: '7', CCGW_LOAD_RATE: '2.5', CCGW_LOAD_DURATION: '1m30s', CCGW_VALIDATE: '0', CCGW_PROFILE: 'ccgw-2025', CCGW_EVENT_DEADLINE_MS: '500' }, context);
    expect(c.load).toMatchObject({ vus: 7, rate: 2.5, duration: '1m30s' });
    expect(c.validate).toBe(false);
    expect(c.profile.name).toBe('ccgw-2025');
    expect(c.timing.eventDeadlineMs).toBe(500);
    expect(() => parseLoadConfig({ CCGW_LOAD_VUS: 'ten' }, context)).toThrow(/CCGW_LOAD_VUS="ten" is not an integer from 1 to 2000/);
    expect(() => parseLoadConfig({ CCGW_LOAD_DURATION: '10 minutes' }, context)).toThrow(/CCGW_LOAD_DURATION="10 minutes" is not a k6 duration/);
    expect(() => parseLoadConfig({ CCGW_PROFILE: 'ccgw-2019' }, context)).toThrow(/CCGW_PROFILE="ccgw-2019".*ccgw-2024, ccgw-2025/);
    expect(() => parseLoadConfig({ BASE_URL: 'http://127.0.0.1:8000/agentgateway' }, context)).toThrow(/BASE_URL=.*without a path/);
    expect(() => parseLoadConfig({ CCGW_FAULTS: '{"operation":"addInsert"}' }, context)).toThrow(/CCGW_FAULTS=.*JSON array/);
  });

  it('refuses a non-loopback target without the opt-in and the fixtures', () => {
    expect(() => parseLoadConfig({ BASE_URL: 'https://10.1.2.3:8043' }, context)).toThrow(/BASE_URL=https:\/\/10.1.2.3:8043 is not on this machine.*CCGW_LIVE=1.*CCGW_MAX_RPS.*default 5.*CCGW_FIXTURES/);
    expect(() => parseLoadConfig({ BASE_URL: 'https://10.1.2.3:8043', CCGW_LIVE: '1' }, context)).toThrow(/needs the gateway's test accounts: set CCGW_FIXTURES/);
    expect(() => parseLoadConfig({ BASE_URL: 'https://10.1.2.3:8043', CCGW_LIVE: '1', CCGW_MAX_RPS: '0.5', CCGW_FIXTURES: 'src/fixtures/demo.json' }, context)).toThrow(/CCGW_MAX_RPS="0.5" is not a number from 1 to 1000/);
    expect(() => parseLoadConfig({ BASE_URL: 'http://127.0.0.1:8000', CCGW_INSECURE: '1' }, context)).toThrow(/CCGW_INSECURE=1 applies to https:\/\/ gateways/);
    expect(() => parseLoadConfig({ BASE_URL: 'https://127.0.0.1:8043', CCGW_CA: '/tmp/ca.pem' }, context)).toThrow(/run k6 with SSL_CERT_FILE=\/tmp\/ca.pem/);
    expect(parseLoadConfig({ BASE_URL: 'https://127.0.0.1:8043', CCGW_CA: '/tmp/ca.pem', SSL_CERT_FILE: '/tmp/ca.pem', CCGW_INSECURE: '0' }, context).insecureTls).toBe(false);
    expect(() => parseLoadConfig({ BASE_URL: 'http://127.0.0.1:8000', CCGW_GATEWAY: 'http://127.0.0.1:9000' }, context)).toThrow(/name different gateways/);
    expect(parseLoadConfig({ CCGW_GATEWAY: 'http://127.0.0.1:9000/' }, context).baseUrl).toBe('http://127.0.0.1:9000');
  });

  it('accepts a live target with the opt-in, and then turns the admin API and fault injection off', () => {
    const live = { BASE_URL: 'https://gw.example:8043', CCGW_LIVE: '1', CCGW_MAX_RPS: '5', CCGW_FIXTURES: 'src/fixtures/demo.json' };
    const c = parseLoadConfig(live, context);
    expect(c).toMatchObject({ live: true, loopback: false, maxRps: 5, admin: 'off' });
    expect(() => parseLoadConfig({ ...live, CCGW_ADMIN: 'on' }, context)).toThrow(/CCGW_ADMIN=on needs the mock/);
    expect(() => parseLoadConfig({ ...live, CCGW_FAULTS: '[]' }, context)).toThrow(/CCGW_FAULTS needs the mock/);
  });

  it('rehearses a live run on this machine with CCGW_LIVE=1: fixtures required, capped at the shared default, no admin API', () => {
    expect(() => parseLoadConfig({ BASE_URL: 'http://127.0.0.1:8000', CCGW_LIVE: '1' }, context)).toThrow(/needs the gateway's test accounts: set CCGW_FIXTURES/);
    const c = parseLoadConfig({ BASE_URL: 'http://127.0.0.1:8000', CCGW_LIVE: '1', CCGW_FIXTURES: 'src/fixtures/demo.json' }, context);
    expect(c).toMatchObject({ live: true, loopback: true, maxRps: DEFAULT_LIVE_MAX_RPS, admin: 'off' });
  });

  it('caps a live target at the shared default (as ccgw does) when CCGW_MAX_RPS is not given, and leaves a loopback one uncapped', () => {
    const live = { BASE_URL: 'https://gw.example:8043', CCGW_LIVE: '1', CCGW_FIXTURES: 'src/fixtures/demo.json' };
    expect(parseLoadConfig(live, context).maxRps).toBe(DEFAULT_LIVE_MAX_RPS);
    expect(parseLoadConfig({ ...live, CCGW_MAX_RPS: '2' }, context).maxRps).toBe(2);
    expect(parseLoadConfig({}, context).maxRps).toBeUndefined();
    expect(parseLoadConfig({ CCGW_MAX_RPS: '50' }, context).maxRps).toBe(50);
  });

  it('applies profile overrides, naming a bad one', () => {
    const c = parseLoadConfig({ CCGW_PROFILE_OVERRIDES: '{"answers":{"targetAlreadyBarged":"900-003"}}' }, context);
    expect(c.profile.answers.targetAlreadyBarged.value).toBe('900-003');
    expect(() => parseLoadConfig({ CCGW_PROFILE_OVERRIDES: '{"answers":{"targetAlreadyBarged":"100-004"}}' }, context)).toThrow(/CCGW_PROFILE_OVERRIDES: profile answer targetAlreadyBarged="100-004" is not allowed/);
    expect(() => parseLoadConfig({ CCGW_PROFILE_OVERRIDES: '[1]' }, context)).toThrow(/must be a JSON object/);
  });

  it('resolves password references without ever putting a password into a message or the description', () => {
    const path = fixturesFile(
      { agents: [{ id: '30169', vdn: 1, inspector: true, phone: '88830169', password: { env: 'PW_30169' } }], ranges: [{ from: 30201, to: 30203, vdn: 1, inspector: false, phone: '888{id}', password: { file: 'secrets.json', key: 'agents' } }] },
      { agents: 's3cr3t-agents' },
    );
    const c = parseLoadConfig({ CCGW_FIXTURES: path, PW_30169: 's3cr3t-inspector' }, context);
    expect([...c.accounts].map((a) => [a.id, a.password])).toEqual([
      ['30169', 's3cr3t-inspector'],
      ['30201', 's3cr3t-agents'],
      ['30202', 's3cr3t-agents'],
      ['30203', 's3cr3t-agents'],
    ]);
    expect(JSON.stringify(describeConfig(c))).not.toMatch(/s3cr3t/);
    expect(() => parseLoadConfig({ CCGW_FIXTURES: path }, context)).toThrow(/agents\[0\]\.password reads the environment variable PW_30169, which is not set/);
  });

  it('names the field of a fixtures document that breaks the schema or the profile', () => {
    const bad = fixturesFile({ agents: [{ id: '30169', vdn: 1, inspector: true, phone: '88830169' }] });
    expect(() => parseLoadConfig({ CCGW_FIXTURES: bad }, context)).toThrow(LoadFixturesError);
    expect(() => parseLoadConfig({ CCGW_FIXTURES: bad }, context)).toThrow(/agents\[0\] is missing "password"/);
    const big = fixturesFile({ agents: [{ id: '123456', vdn: 1, inspector: true, phone: '8', password: 'x' }] });
    expect(() => parseLoadConfig({ CCGW_FIXTURES: big }, context)).toThrow(/agent ID 123456, outside profile ccgw-2024's range 101–59999/);
    expect(() => parseLoadConfig({ CCGW_FIXTURES: 'no/such/file.json' }, context)).toThrow(LoadConfigError);
  });
});

describe('the accounts of a k6 process', () => {
  it('are parsed once into a shared list (k6: a SharedArray), whatever the number of VUs that read them', () => {
    const built = new Map<string, object[]>();
    let reads = 0;
    const share = <T extends object>(key: string, build: () => T[]): T[] => {
      if (!built.has(key)) built.set(key, build());
      return built.get(key) as T[];
    };
    const vu = { ...context, readText: (p: string) => (reads++, readFileSync(p, 'utf8')), share };
    const first = parseLoadConfig({}, vu);
    const second = parseLoadConfig({}, vu);
    expect(reads).toBe(1);
    expect(second.accounts).toBe(first.accounts);
    expect(second.fixturesName).toBe('demo');
    expect([...built.keys()]).toEqual([expect.stringMatching(/demo\.json: accounts$/), expect.stringMatching(/demo\.json: name$/)]);
  });

  it('still fail on the first VU, naming the field, when the document is bad', () => {
    const bad = fixturesFile({ agents: [{ id: '30169', vdn: 1, inspector: true, phone: '88830169' }] });
    const share = <T extends object>(_key: string, build: () => T[]): T[] => build();
    expect(() => parseLoadConfig({ CCGW_FIXTURES: bad }, { ...context, share })).toThrow(/agents\[0\] is missing "password"/);
  });
});
