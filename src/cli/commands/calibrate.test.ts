import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_2024, withOverrides } from '../../domain/profiles.ts';
import { startMockGateway, type MockGateway } from '../../gateway/index.ts';
import { DEMO_FIXTURES_PATH } from '../../run/target.ts';
import { validateConfig } from '../../generated/document-validators.js';
import { memoryIo } from '../../io/command-io.ts';
import { main } from '../main.ts';

// A gateway that answers two undocumented cases otherwise than the default profile, reached through public calls.
let gw: MockGateway;
let dir: string;

beforeAll(async () => {
  gw = await startMockGateway({ port: 0, adminToken: 'not-used-by-the-suite', profile: withOverrides(PROFILE_2024, { answers: { targetNotSignedIn: '900-003', pathMismatch: '000-002' } }) });
  dir = mkdtempSync(join(tmpdir(), 'ccgw-calibrate-'));
});

afterAll(() => gw.close());

async function ccgw(...argv: string[]) {
  const io = memoryIo({}, dir);
  const code = await main(argv, io);
  return { code, out: io.lines.join('\n'), err: io.errors.join('\n') };
}

describe('ccgw calibrate', () => {
  it('writes the answers the gateway gives as profileOverrides, with the call, answer and time of each', async () => {
    const r = await ccgw('calibrate', '--gateway', gw.url, '--fixtures', DEMO_FIXTURES_PATH, '--write', 'gw.json', '--out', join(dir, 'runs'), '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('targetNotSignedIn: 900-003 (the profile says 900-005');
    const written = JSON.parse(readFileSync(join(dir, 'gw.json'), 'utf8'));
    expect(validateConfig(written)).toBe(true);
    expect(written.profileOverrides.answers).toEqual({ targetNotSignedIn: '900-003', pathMismatch: '000-002' });
    expect(written.calibration.evidence.targetNotSignedIn[0]).toMatchObject({ answer: '900-003', request: expect.stringMatching(/^PUT \/agentgateway\/resource\/qualitycontrol\/\d+\/addinsert\//) });
    expect(written.calibration.evidence.pathMismatch[0].answer).toBe('000-002');
    expect(written.gateway).toBeUndefined();
    expect(JSON.stringify(written)).not.toContain('"demo"');
  });

  it('holds the gateway to the written file, and fails it without, naming the rule and the override', async () => {
    const held = await ccgw('verify', '--rules', '--config', 'gw.json', '--gateway', gw.url, '--fixtures', DEMO_FIXTURES_PATH, '--out', join(dir, 'runs'), '--quiet');
    expect(held.code, held.err).toBe(0);
    const plain = await ccgw('verify', '--rules', '--gateway', gw.url, '--fixtures', DEMO_FIXTURES_PATH, '--out', join(dir, 'runs'), '--quiet');
    expect(plain.code).toBe(1);
    expect(plain.err).toContain('addInsert.targetNotSignedIn — the target is a signed-out agent of the same VDN');
    expect(plain.err).toContain('"profileOverrides": { "answers": { "targetNotSignedIn": "900-003" } }');
  });

  it('keeps the other settings of the base config file', async () => {
    writeFileSync(join(dir, 'base.json'), JSON.stringify({ properties: { runs: 3 }, profileOverrides: { answers: { targetNotSignedIn: '900-004' } } }));
    const r = await ccgw('calibrate', '--config', 'base.json', '--gateway', gw.url, '--fixtures', DEMO_FIXTURES_PATH, '--write', 'merged.json', '--out', join(dir, 'runs'), '--quiet');
    expect(r.code, r.err).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
    expect(written.properties).toEqual({ runs: 3 });
    expect(written.profileOverrides.answers.targetNotSignedIn).toBe('900-003');
  });
});
