import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { K6_VERSION, K6ToolError, ensureK6, isAcceptedPathVersion, localK6Path, parseGoVersion, parseK6Version } from './ensure-k6.ts';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory holding fake executables that print `output`. */
function fakeBin(programs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ensure-k6-'));
  scratch.push(dir);
  for (const [name, output] of Object.entries(programs)) {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho '${output}'\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

describe('parsing tool versions', () => {
  it('reads the version from `k6 version` output', () => {
    expect(parseK6Version('k6 v1.8.1 (go1.26.8, linux/amd64)')).toBe('v1.8.1');
    expect(parseK6Version('k6 v0.57.0 (commit/abc, go1.23)\nextensions: none')).toBe('v0.57.0');
    expect(parseK6Version('command not found')).toBeUndefined();
  });

  it('accepts k6 1.x and later on PATH, not 0.x', () => {
    expect(isAcceptedPathVersion('v1.0.0')).toBe(true);
    expect(isAcceptedPathVersion('v2.1.0')).toBe(true);
    expect(isAcceptedPathVersion('v0.57.0')).toBe(false);
    expect(isAcceptedPathVersion('1.0.0')).toBe(false);
  });

  it('reads major and minor from `go version` output', () => {
    expect(parseGoVersion('go version go1.26.8 linux/amd64')).toEqual([1, 26]);
    expect(parseGoVersion('go version devel')).toBeUndefined();
  });
});

describe.skipIf(process.platform === 'win32')('ensureK6 with fake tools', () => {
  it('uses a k6 1.x found on PATH', async () => {
    const bin = fakeBin({ k6: 'k6 v1.2.3 (go1.24, linux/amd64)' });
    const root = mkdtempSync(join(tmpdir(), 'ensure-k6-root-'));
    scratch.push(root);
    await expect(ensureK6({ root, env: { PATH: bin }, log: () => {} })).resolves.toBe(join(bin, 'k6'));
  });

  it('names Go and both fixes when neither k6 nor Go is installed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ensure-k6-root-'));
    scratch.push(root);
    const attempt = ensureK6({ root, env: { PATH: fakeBin({}) }, log: () => {} });
    await expect(attempt).rejects.toBeInstanceOf(K6ToolError);
    await expect(attempt).rejects.toThrow(/Go is missing.*install-k6.*go\.dev\/dl/s);
  });

  it('ignores a 0.x k6 on PATH and says so, then needs Go', async () => {
    const lines: string[] = [];
    const root = mkdtempSync(join(tmpdir(), 'ensure-k6-root-'));
    scratch.push(root);
    const bin = fakeBin({ k6: 'k6 v0.50.0 (go1.21)' });
    await expect(ensureK6({ root, env: { PATH: bin }, log: (l) => lines.push(l) })).rejects.toThrow(/Go is missing/);
    expect(lines.join('\n')).toMatch(/ignoring .*k6 \(v0\.50\.0\).*v1\.0\.0 or later/);
  });

  it('refuses a Go older than the one k6 needs, naming both versions', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ensure-k6-root-'));
    scratch.push(root);
    const bin = fakeBin({ go: 'go version go1.20.4 linux/amd64' });
    await expect(ensureK6({ root, env: { PATH: bin }, log: () => {} })).rejects.toThrow(/go1\.20\.4.*needs Go 1\.25 or later/);
  });
});

describe('ensureK6 with the real toolchain', () => {
  it(`returns a k6 that runs and reports v1.x (building ${K6_VERSION} into tools/k6/bin once if needed)`, { timeout: 20 * 60_000 }, async () => {
    const k6 = await ensureK6();
    const version = parseK6Version(execFileSync(k6, ['version'], { encoding: 'utf8' }));
    expect(version).toMatch(/^v1\./);
    if (k6 === localK6Path(join(import.meta.dirname, '..'))) expect(version).toBe(K6_VERSION);
  });
});
