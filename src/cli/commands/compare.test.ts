// `ccgw compare` on two real runs of the embedded mock, as processes: the second mock answers two undocumented
// situations differently (a profile override), as an upgraded gateway might.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/ccgw.js', import.meta.url));
const run = promisify(execFile);

async function verifyRun(out: string, extra: string[] = []): Promise<string> {
  await run(process.execPath, [BIN, 'verify', '--out', out, '--quiet', ...extra], { timeout: 120_000 }).catch((e: { code?: number }) => {
    if (e.code !== 1) throw e; // 1: the gateway broke the contract, which is what the second run is for
  });
  const [dir] = readdirSync(out);
  return join(out, dir!);
}

describe('ccgw compare on two runs of the mock', () => {
  it('names the interaction that now fails and the retcode the gateway now answers, and exits 1', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ccgw-compare-e2e-'));
    const config = join(root, 'upgraded.config.json');
    writeFileSync(config, JSON.stringify({ profileOverrides: { answers: { targetAlreadyBarged: '900-003' } } }));
    const before = await verifyRun(join(root, 'before'));
    const after = await verifyRun(join(root, 'after'), ['--config', config]);

    const err = await run(process.execPath, [BIN, 'compare', before, after], { timeout: 60_000 }).catch((e: { code: number; stdout: string }) => e);
    const { code, stdout } = err as { code: number; stdout: string };
    expect(code).toBe(1);
    expect(stdout).toContain('pact.addinsert.target-already-barged');
    expect(stdout).toContain('the gateway now answers 900-003 (was 900-005)');
    expect(stdout).toContain('profile ccgw-2024 (targetAlreadyBarged → 900-003)');

    const same = await run(process.execPath, [BIN, 'compare', before, before], { timeout: 60_000 });
    expect(same.stdout).not.toContain('pact.addinsert.target-already-barged');
  }, 300_000);
});
