import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';
import { SAMPLE_PASSWORD, samplePassingRun, sampleRun } from './testing/sample-runs.ts';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleRun());

  it('starts with the outcome and the target', () => {
    expect(md.split('\n')[0]).toBe('## ❌ ccgw run `20261125T100000Z-mock`: failed');
    expect(md).toContain('3 passed, 3 failed, 2 skipped in 1m 15.2s against the live gateway `https://10.0.0.5:8043` (profile `ccgw-2024`, static auth)');
  });

  it('counts cases per phase in a table', () => {
    expect(md).toContain('| contracts | ❌ failed | 2 | 2 | 1 | 1.5 s |');
    expect(md).toContain('| properties | ❌ failed | 1 | 1 | 1 | 3.2 s |');
  });

  it('lists each failure on one line, escaped', () => {
    const failures = md.split('### Failures')[1]?.split('###')[0]?.trim().split('\n') ?? [];
    expect(failures).toHaveLength(5);
    expect(failures[0]).toBe(
      "- **contracts** `addinsert.target-not-signed-in` addinsert on an agent that is not signed in answers 900-005: expected retcode 900-005, got 900-003 (message: \\<script\\>alert(\"x\")\\</script\\>\\<img src=x onerror=alert(1)\\> &amp; \\]\\]\\> 'quoted' \\|pipe\\| \\*bold\\* bell\uFFFD)",
    );
    expect(failures).toContain('- **load** `barge-storm` threshold `checks` `rate>0.999` crossed (measured 0.9975)');
    expect(failures[4]).toMatch(/^- \*\*load\*\* `barge-storm` invariant violated 2×: t=31\.2s agent 30170/);
  });

  it('tabulates p95, p99 and rps per scenario and operation', () => {
    expect(md).toContain('| `barge-storm` | addInsert | 18.75 | 31.2 | 48.25 | 0.08% | ❌ 1/2 thresholds met, invariant violated 2× |');
    expect(md).toContain('|  | all | 15.95 | 27.45 |  |  |  |');
    expect(md).toContain('| `smoke` | addInsert | 5.8 | 7.7 | 6 | 0% | ✅ 1/1 thresholds met, invariant held |');
  });

  it('keeps every table row to the same number of cells despite pipes in the data', () => {
    for (const row of md.split('\n').filter((l) => l.startsWith('|'))) {
      const cells = row.replace(/\\\|/g, '').split('|').length;
      expect([8, 9]).toContain(cells);
    }
  });

  it('never shows the password', () => {
    expect(md).not.toContain(SAMPLE_PASSWORD);
  });

  it('has no failure section for a clean run', () => {
    const clean = renderMarkdown(samplePassingRun());
    expect(clean.split('\n')[0]).toBe('## ✅ ccgw run `20261125T090000Z-old`: passed');
    expect(clean).not.toContain('### Failures');
  });
});
