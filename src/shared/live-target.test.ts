import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVE_MAX_RPS, hostOf, isLoopbackHost, isLoopbackUrl, liveDecision } from './live-target.ts';

const WORDS = { optIn: 'Pass --live', cap: '--max-rps N' };

describe('the live-target guard shared by ccgw and k6', () => {
  it('knows the loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '[0:0:0:0:0:0:0:1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.1', '192.168.1.1', 'gw.example', '128.0.0.1', 'localhost.example']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('reads the host of a URL as written, user info and port aside', () => {
    expect(hostOf('https://user:pw@10.0.0.5:8043/x')).toBe('10.0.0.5');
    expect(hostOf('http://[::1]:8000')).toBe('[::1]');
    expect(hostOf('not a url')).toBeUndefined();
    expect(isLoopbackUrl('http://127.0.0.1:8000')).toBe(true);
    expect(isLoopbackUrl('https://gw.example:8043')).toBe(false);
  });

  it('lets a target on this machine run as asked, uncapped unless a cap is given', () => {
    expect(liveDecision({ named: 'x', url: 'http://127.0.0.1:8000', optIn: false, maxRps: undefined }, WORDS)).toEqual({ allowed: true, loopback: true, live: false, maxRps: undefined });
  });

  it('refuses another machine without the opt-in, naming it, the opt-in and the default cap', () => {
    const d = liveDecision({ named: '--gateway https://10.0.0.5:8043', url: 'https://10.0.0.5:8043', optIn: false, maxRps: undefined }, WORDS);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.problem).toBe(`--gateway https://10.0.0.5:8043 is not on this machine: it is someone else's gateway. Pass --live to send traffic to it, with --max-rps N to cap the rate (default ${DEFAULT_LIVE_MAX_RPS})`);
  });

  it('caps another machine with the opt-in at the given rate, or the default', () => {
    const target = { named: 'x', url: 'https://10.0.0.5:8043', optIn: true };
    expect(liveDecision({ ...target, maxRps: undefined }, WORDS)).toEqual({ allowed: true, loopback: false, live: true, maxRps: DEFAULT_LIVE_MAX_RPS });
    expect(liveDecision({ ...target, maxRps: 2 }, WORDS)).toMatchObject({ live: true, maxRps: 2 });
  });
});
