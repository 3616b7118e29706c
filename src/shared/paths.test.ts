import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_FILE, underRoot } from './paths.ts';

describe('underRoot', () => {
  it('joins a relative path under the root, with or without ./', () => {
    expect(underRoot('/repo/', DEMO_FIXTURES_FILE)).toBe('/repo/src/fixtures/demo.json');
    expect(underRoot('/repo/', './fx/live.json')).toBe('/repo/fx/live.json');
    expect(underRoot('/repo', 'fx/live.json')).toBe('/repo/fx/live.json');
  });

  it('keeps an absolute path', () => {
    expect(underRoot('/repo/', '/etc/ccgw/accounts.json')).toBe('/etc/ccgw/accounts.json');
  });
});
