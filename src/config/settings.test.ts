import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io/command-io.ts';
import { UsageError } from '../io/errors.ts';
import { DEFAULT_LIVE_MAX_RPS } from '../shared/live-target.ts';
import { resolveSettings } from './settings.ts';

function dirWith(config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ccgw-config-'));
  if (config !== undefined) writeFileSync(join(dir, 'ccgw.config.json'), JSON.stringify(config));
  return dir;
}

describe('settings', () => {
  it('default to the embedded mock, profile ccgw-2024, reports under runs/', async () => {
    const dir = dirWith();
    const s = await resolveSettings('run', {}, memoryIo({}, dir));
    expect(s.target).toEqual({ kind: 'mock', auth: 'dynamic' });
    expect(s.profile.name).toBe('ccgw-2024');
    expect(s.reportDir).toBe(join(dir, 'runs'));
    expect(s.maxRequestsPerSecond).toBeUndefined();
  });

  it('layer flags over CCGW_* over ccgw.config.json', async () => {
    const dir = dirWith({ gateway: { profile: 'ccgw-2025' }, report: { dir: 'from-file' }, properties: { runs: 10 } });
    const fileOnly = await resolveSettings('run', {}, memoryIo({}, dir));
    expect([fileOnly.profile.name, fileOnly.reportDir, fileOnly.properties.runs]).toEqual(['ccgw-2025', join(dir, 'from-file'), 10]);
    const env = await resolveSettings('run', {}, memoryIo({ CCGW_PROFILE: 'ccgw-2024', CCGW_REPORT_DIR: 'from-env' }, dir));
    expect([env.profile.name, env.reportDir]).toEqual(['ccgw-2024', join(dir, 'from-env')]);
    const flags = await resolveSettings('run', { profile: 'ccgw-2025', out: 'from-flag' }, memoryIo({ CCGW_PROFILE: 'ccgw-2024' }, dir));
    expect([flags.profile.name, flags.reportDir]).toEqual(['ccgw-2025', join(dir, 'from-flag')]);
    expect(flags.layers).toEqual(['ccgw.config.json', 'environment', 'flags']);
  });

  it('take the share of the asked rate a run must reach from CCGW_MIN_ACHIEVED_RATIO over load.minAchievedRatio, and name a bad one', async () => {
    const dir = dirWith({ load: { minAchievedRatio: 0.8 } });
    expect((await resolveSettings('load', {}, memoryIo({}, dir))).load.minAchievedRatio).toBe(0.8);
    expect((await resolveSettings('load', {}, memoryIo({ CCGW_MIN_ACHIEVED_RATIO: '0.95' }, dir))).load.minAchievedRatio).toBe(0.95);
    await expect(resolveSettings('load', {}, memoryIo({ CCGW_MIN_ACHIEVED_RATIO: '90%' }, dir))).rejects.toThrow(/CCGW_MIN_ACHIEVED_RATIO "90%" is not valid; use a number from 0 to 1, e.g. 0.9/);
    await expect(resolveSettings('load', {}, memoryIo({}, dirWith({ load: { minAchievedRatio: 1.5 } })))).rejects.toThrow(/load\.minAchievedRatio/);
  });

  it('applies profile overrides from the config file', async () => {
    const dir = dirWith({ profileOverrides: { answers: { targetNotSignedIn: '900-003' } } });
    expect((await resolveSettings('run', {}, memoryIo({}, dir))).profile.answers.targetNotSignedIn.value).toBe('900-003');
  });

  it('refuses a gateway that is not on this machine without --live, naming it and the fix', async () => {
    const dir = dirWith();
    await expect(resolveSettings('load', { gateway: 'https://10.20.30.40:8043', fixtures: 'f.json' }, memoryIo({}, dir))).rejects.toThrow(
      /--gateway https:\/\/10\.20\.30\.40:8043 is not on this machine.*Pass --live/,
    );
  });

  it('accepts a live gateway with --live, capping the rate by default', async () => {
    const dir = dirWith();
    const s = await resolveSettings('verify', { gateway: 'https://gw.example:8043/', fixtures: 'f.json', live: true, ca: 'ca.pem' }, memoryIo({}, dir));
    expect(s.target).toEqual({ kind: 'live', auth: 'dynamic', url: 'https://gw.example:8043', loopback: false, insecure: false, caFile: join(dir, 'ca.pem') });
    expect(s.maxRequestsPerSecond).toBe(DEFAULT_LIVE_MAX_RPS);
    expect(s.fixturesPath).toBe(join(dir, 'f.json'));
  });

  it('leaves the accounts of a gateway on loopback without --fixtures to the target (a ccgw mock answers its own)', async () => {
    const s = await resolveSettings('verify', { gateway: 'http://127.0.0.1:8000' }, memoryIo({}, dirWith()));
    expect(s.target).toMatchObject({ kind: 'live', loopback: true });
    expect(s.fixturesPath).toBeUndefined();
  });

  it('lists every problem of a config file at once, each with its field and the fix', async () => {
    const dir = dirWith({ gatway: { url: 'http://127.0.0.1:8000' }, gateway: { profile: 'ccgw-2099' }, load: { rate: 'fast' } });
    await expect(resolveSettings('run', {}, memoryIo({}, dir))).rejects.toThrow(
      [
        `${join(dir, 'ccgw.config.json')} has 3 problems (see src/config/config.schema.json):`,
        '  - (document) has an unknown property "gatway"; remove it or correct its spelling',
        '  - gateway.profile must be one of "ccgw-2024", "ccgw-2025"',
        '  - load.rate must be integer',
      ].join('\n'),
    );
  });

  it('treats a gateway on loopback as needing no opt-in (the mock run as a separate process)', async () => {
    const s = await resolveSettings('verify', { gateway: 'http://127.0.0.1:8000', fixtures: 'f.json' }, memoryIo({}, dirWith()));
    expect(s.target).toMatchObject({ kind: 'live', loopback: true });
    expect(s.maxRequestsPerSecond).toBeUndefined();
  });

  it.each([
    [{ gateway: 'https://10.0.0.5:8043', live: true }, {}, '--gateway needs --fixtures FILE'],
    [{ gateway: 'ftp://x' }, {}, '--gateway "ftp://x" must be http:// or https://'],
    [{ gateway: 'https://u:p@127.0.0.1' }, {}, '--gateway must not carry credentials'],
    [{ 'max-rps': '0' }, {}, '--max-rps "0" is not valid; use an integer from 1 to 1000'],
    [{}, { CCGW_LIVE: 'maybe' }, 'CCGW_LIVE="maybe" is not a boolean; use 1 or 0'],
    [{ profile: 'ccgw-1999' }, {}, 'unknown profile "ccgw-1999"; use one of ccgw-2024, ccgw-2025 (--profile)'],
    [{ insecure: true }, {}, '--ca and --insecure apply to a --gateway'],
  ])('names a bad value: %j %j', async (flags, env, message) => {
    await expect(resolveSettings('run', flags, memoryIo(env, dirWith()))).rejects.toThrow(message);
  });

  it('names the field of a bad config file', async () => {
    const dir = dirWith({ gateway: { url: 'nope' } });
    const err = await resolveSettings('run', {}, memoryIo({}, dir)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/ccgw\.config\.json: gateway\.url must match pattern/);
    const unknown = dirWith({ gatway: {} });
    await expect(resolveSettings('run', {}, memoryIo({}, unknown))).rejects.toThrow('(document) has an unknown property "gatway"');
  });

  it('fails on an explicitly named config file that does not exist', async () => {
    await expect(resolveSettings('run', { config: 'nope.json' }, memoryIo({}, dirWith()))).rejects.toThrow(/the config file .*nope\.json cannot be read \(ENOENT\)/);
  });
});
