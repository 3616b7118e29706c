import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, ensureChromium } from './ensure-chromium.ts';

describe('ensureChromium', () => {
  it('uses an installed Debian Chromium', async () => {
    expect(await ensureChromium({ env: {}, exists: (p) => p === '/usr/bin/chromium' })).toBe('/usr/bin/chromium');
  });

  it('uses CCGW_CHROMIUM, and names it when it does not exist', async () => {
    expect(await ensureChromium({ env: { CCGW_CHROMIUM: '/opt/chrome' }, exists: () => true })).toBe('/opt/chrome');
    await expect(ensureChromium({ env: { CCGW_CHROMIUM: '/opt/nope' }, exists: () => false })).rejects.toThrow('CCGW_CHROMIUM=/opt/nope does not exist');
  });

  it('installs it with apt-get when missing and root, printing one line', async () => {
    let installed = false;
    const lines: string[] = [];
    const path = await ensureChromium({
      env: {},
      isRoot: true,
      exists: (p) => p === '/usr/bin/apt-get' || (p === '/usr/bin/chromium' && installed),
      install: async () => {
        installed = true;
      },
      log: (l) => lines.push(l),
    });
    expect(path).toBe('/usr/bin/chromium');
    expect(lines).toEqual(['installing Chromium from Debian (apt-get install chromium), once, for the report browser check…']);
  });

  it('fails with the command to run when it cannot install', async () => {
    const err = await ensureChromium({ env: {}, isRoot: false, exists: (p) => p === '/usr/bin/apt-get' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect((err as Error).message).toContain('sudo apt-get install -y chromium');
  });
});
