import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureK6 } from '../src/tools/ensure-k6.ts';
import { k6Run as runK6, type K6Run } from '../test/k6-run.ts';

const ROOT = join(import.meta.dirname, '..');
const BUILD_TIMEOUT = 20 * 60_000;

async function k6Run(args: readonly string[]): Promise<K6Run> {
  return runK6(await ensureK6(), args, { timeoutMs: 120_000 });
}

describe('the real k6 runs src/domain and the generated validators', () => {
  it('load/checks/import-check.ts passes every check (exit 0)', { timeout: BUILD_TIMEOUT }, async () => {
    const run = await k6Run(['--iterations', '1', '--quiet', 'load/checks/import-check.ts']);
    expect(run.stderr + run.stdout).not.toMatch(/level=error/);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/checks_succeeded\.*: 100\.00%/);
    expect(run.stdout).toMatch(/import_check_completed\.*: 1\b/);
  });

  it('fails (non-zero exit) when a script imports a module k6 cannot resolve', { timeout: BUILD_TIMEOUT }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-check-'));
    try {
      const script = join(dir, 'broken.ts');
      writeFileSync(script, `import { nothing } from '${join(ROOT, 'src', 'domain', 'does-not-exist.ts')}';\nexport default function (): void { nothing(); }\n`);
      const run = await k6Run(['--iterations', '1', '--quiet', script]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/does-not-exist\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
