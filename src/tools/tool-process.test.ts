import { mkdirSync, mkdtempSync, rmSync, utimesSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runTool, withDirLock } from './tool-process.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'ccgw-tool-lock-'));
  dirs.push(d);
  return d;
}
const options = { waitMs: 10_000, staleMs: 60_000, timedOut: () => new Error('waited too long') };

describe('withDirLock', () => {
  it('lets one holder in at a time and removes the lock afterwards', async () => {
    const lock = join(scratch(), 'tools', '.lock');
    const events: string[] = [];
    const hold = (name: string) => withDirLock(lock, options, async () => {
      events.push(`${name} in`);
      await new Promise((r) => setTimeout(r, 50));
      events.push(`${name} out`);
    });
    await Promise.all([hold('a'), hold('b')]);
    expect(events.map((e) => e.split(' ')[1])).toEqual(['in', 'out', 'in', 'out']);
    expect(existsSync(lock)).toBe(false);
  });

  it('removes a lock left by a process that died, and gives up on a live one after the wait', async () => {
    const lock = join(scratch(), '.lock');
    mkdirSync(lock);
    utimesSync(lock, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    let ran = false;
    await withDirLock(lock, options, async () => void (ran = true));
    expect(ran).toBe(true);
    mkdirSync(lock);
    await expect(withDirLock(lock, { ...options, waitMs: 0 }, async () => undefined)).rejects.toThrow('waited too long');
  });
});

describe('runTool', () => {
  it('resolves to the output, and rejects with it attached when the program fails', async () => {
    expect((await runTool(process.execPath, ['-e', 'console.log("hi")'], process.env, 10_000)).stdout).toBe('hi\n');
    await expect(runTool(process.execPath, ['-e', 'console.error("bad"); process.exit(3)'], process.env, 10_000)).rejects.toMatchObject({ stderr: 'bad\n' });
  });
});
