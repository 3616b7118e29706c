import { describe, expect, it } from 'vitest';
import { OPERATION_IDS, OPERATION_RULES, PROFILE_2024, precedenceTable } from '../domain/index.ts';
import { coverageMarkdown, renderMarkdown } from './markdown.ts';
import type { RunSummary } from './run-summary.ts';
import { SAMPLE_CTI_SKIP, SAMPLE_PASSWORD, SAMPLE_RULES_PASSWORD, samplePassingRun, sampleRulesRun, sampleRun, sampleShortThroughputRun } from './testing/sample-runs.ts';

/** The cells of a table row, with escaped pipes kept inside their cell. */
function cells(row: string): string[] {
  return row.replace(/\\\|/g, '\u0000').split('|').slice(1, -1).map((c) => c.trim().replace(/\u0000/g, '\\|'));
}

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

  it('names asked and achieved per scenario, and a scenario that fell short among the failures', () => {
    const out = renderMarkdown(sampleShortThroughputRun());
    expect(out).toContain('- `throughput`: asked 3000 cycles/s for 15s on at most 64 VUs (open model); achieved 144.6 cycles/s (4.8 % of asked, 90 % required), 1300 calls/s, 42831 dropped, 64 of 64 VUs busy ❌');
    expect(out.split('### Failures')[1]).toContain('- **load** `throughput` reached 144.6 cycles/s of the 3000 asked (4.8 %; at least 90 % required)');
  });

  it('has no failure section for a clean run', () => {
    const clean = renderMarkdown(samplePassingRun());
    expect(clean.split('\n')[0]).toBe('## ✅ ccgw run `20261125T090000Z-old`: passed');
    expect(clean).not.toContain('### Failures');
  });
});

describe('renderMarkdown: the rule coverage matrix', () => {
  const run = sampleRulesRun();
  const rows = run.phases[1]!.coverage!;
  const md = renderMarkdown(run);
  const tableRows = (operation: string) => {
    const part = md.split(`#### ${operation}: `)[1]?.split('\n\n')[1] ?? '';
    return part.split('\n').filter((l) => l.startsWith('|')).slice(2);
  };
  const rowOf = (rule: string) => md.split('\n').find((l) => l.startsWith('| ') && cells(l)[1] === `\`${rule}\``) ?? '';

  it('has a heading under the profile, the totals, and one heading and table per operation in the fixed order', () => {
    expect(md).toContain('### Rule coverage under `ccgw-2024`\n\n135 rules: 117 passed, 5 failed, 13 skipped; 96 documented, 39 inferred (phase `rules`).');
    expect([...md.matchAll(/^#### (\w+): /gm)].map((m) => m[1])).toEqual([...OPERATION_IDS]);
    expect(md).toContain('#### addInsert: 15 rules, 11 passed, 2 failed, 2 skipped\n\n| # | Rule | Situation | Expected | Observed | Outcome | Cases | Expected vs observed, or why skipped | Basis |');
    const overridden: RunSummary = { ...run, target: { ...run.target, profileOverrides: { answers: { targetAlreadyBarged: '900-003' } } } };
    expect(renderMarkdown(overridden)).toContain('### Rule coverage under `ccgw-2024 (targetAlreadyBarged → 900-003)`');
  });

  it("lists each operation's rules in precedence order, one row per rule", () => {
    expect(tableRows('addInsert').map((r) => cells(r)[1])).toEqual([...precedenceTable('addInsert', OPERATION_RULES.addInsert, PROFILE_2024).map((r) => `\`${r.rule}\``), '`addInsert.ok`']);
    expect(OPERATION_IDS.flatMap((op) => tableRows(op))).toHaveLength(rows.length);
  });

  it('gives a failed rule expected vs observed and its first failed case, a skipped rule its reason', () => {
    expect(cells(rowOf('addInsert.targetNotSignedIn'))).toEqual([
      '12',
      '`addInsert.targetNotSignedIn`',
      'the target is not signed in',
      '`900-005`',
      '`900-003`',
      '❌ failed',
      '1 failed',
      'expected retcode 900-005, got 900-003 (case `rules.addInsert.targetNotSignedIn.signed-out-target`)',
      expect.stringMatching(/^documented \(setting `targetNotSignedIn`\): EN\/cec\\_07\\_2401: /),
    ]);
    expect(cells(rowOf('addInsert.idOutOfRange.workNo')).slice(4, 7)).toEqual(['`0`', '❌ failed', '2 passed, 1 failed']);
    expect(cells(rowOf('sayFree.ctiFault')).slice(3, 8)).toEqual(['`injected fault`', '', '⏭️ skipped', '1 skipped', SAMPLE_CTI_SKIP]);
  });

  it('escapes markup, pipes and line breaks in a detail so that a row keeps its cells, and redacts a password', () => {
    const hostile = structuredClone(run) as any;
    hostile.phases[1].coverage.find((r: any) => r.rule === 'addInsert.targetNotSignedIn').detail = 'got <script>alert(1)</script> | a|b\nsecond *line*';
    const out = renderMarkdown(hostile);
    const row = out.split('\n').find((l) => l.includes('`addInsert.targetNotSignedIn`')) ?? '';
    expect(cells(row)).toHaveLength(9);
    expect(cells(row)[7]).toBe('got \\<script\\>alert(1)\\</script\\> \\| a\\|b second \\*line\\* (case `rules.addInsert.targetNotSignedIn.signed-out-target`)');
    expect(out).not.toContain('<script>');
    expect(md).not.toContain(SAMPLE_RULES_PASSWORD);
    expect(cells(rowOf('signIn.wrongPassword'))[7]).toContain('password=\\*\\*\\*');
  });

  it('keeps every coverage row to the nine cells of its header', () => {
    const coverageRows = md.split('\n').filter((l) => l.startsWith('| ') && /^\| \d+ \| `/.test(l));
    expect(coverageRows).toHaveLength(rows.length);
    for (const row of coverageRows) expect(cells(row), row).toHaveLength(9);
  });

  it('is empty for a run without a matrix, and takes the heading level it is given', () => {
    expect(coverageMarkdown(sampleRun())).toBe('');
    expect(renderMarkdown(sampleRun())).not.toContain('Rule coverage');
    expect(coverageMarkdown(run, 2).split('\n')[0]).toBe('## Rule coverage under `ccgw-2024`');
    expect(coverageMarkdown(run, 2)).toContain('\n### addInsert: 15 rules');
  });
});

