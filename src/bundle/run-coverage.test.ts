import { describe, expect, it } from 'vitest';
import { OPERATION_IDS } from '../domain/index.ts';
import type { RunSummary } from '../report/run-summary.ts';
import { SAMPLE_GUID_UUID, SAMPLE_RULES_PASSWORD, sampleRulesRun, sampleRun } from '../report/testing/sample-runs.ts';
import { hasRuleCoverage, runCoverageMarkdown } from './run-coverage.ts';

describe('the rule coverage section of rules.md', () => {
  const run = sampleRulesRun();
  const md = runCoverageMarkdown(run);

  it('says which run, when, against which kind of gateway and under which profile', () => {
    expect(md.startsWith('\n## Rule coverage of run `20261126T080000Z-live`\n\n')).toBe(true);
    expect(md).toContain('- Run `20261126T080000Z-live` by ccgw 0.1.0, from 2026-11-26T08:00:00.000Z to 2026-11-26T08:00:16.100Z; outcome **failed**.\n');
    expect(md).toContain('- Gateway: a live CC-Gateway, static Guid from sign-in (AUTHMODE=1). Its address is left out of this bundle.\n');
    expect(md).toContain('- Profile: `ccgw-2024`.');
    const overridden: RunSummary = { ...run, target: { ...run.target, kind: 'mock', auth: 'dynamic', faults: 'addInsert:900-003', profileOverrides: { answers: { targetAlreadyBarged: '900-003' } } } };
    const other = runCoverageMarkdown(overridden);
    expect(other).toContain('- Gateway: the mock gateway of ccgw-harness, dynamic Guid from event polling (AUTHMODE=2), injected faults `addInsert:900-003`.');
    expect(other).toContain('- Profile: `ccgw-2024 (targetAlreadyBarged → 900-003)`.');
  });

  it('carries the matrix: totals, then per operation in the fixed order a table of its rules', () => {
    expect(md).toContain('### Rule coverage under `ccgw-2024`\n\n135 rules: 117 passed, 5 failed, 13 skipped; 96 documented, 39 inferred (phase `rules`).');
    expect([...md.matchAll(/^#### (\w+): /gm)].map((m) => m[1])).toEqual([...OPERATION_IDS]);
    expect(md).toMatch(/\| 12 \| `addInsert\.targetNotSignedIn` \| the target is not signed in \| `900-005` \| `900-003` \| ❌ failed \| 1 failed \| expected retcode 900-005, got 900-003 \(case `[^`]+`\) \|/);
  });

  it("never carries the gateway's address, credentials in it, a password or a session Guid", () => {
    const withCredentials: RunSummary = { ...run, target: { ...run.target, url: 'https://qa-user:Secr3tPw@10.0.0.5:8043' } };
    const text = runCoverageMarkdown(withCredentials);
    for (const secret of ['10.0.0.5', 'qa-user', 'Secr3tPw', SAMPLE_RULES_PASSWORD, SAMPLE_GUID_UUID]) expect(text).not.toContain(secret);
    expect(text).toContain('the gateway signed in with password=\\*\\*\\*');
  });

  it('escapes markup, pipes and line breaks of a detail so that the table keeps its shape', () => {
    const hostile = structuredClone(run) as any;
    hostile.phases[1].coverage.find((r: any) => r.rule === 'addInsert.targetNotSignedIn').detail = '<script>x</script> | a\nb';
    const row = runCoverageMarkdown(hostile).split('\n').find((l) => l.includes('`addInsert.targetNotSignedIn`')) ?? '';
    expect(row).toContain('| \\<script\\>x\\</script\\> \\| a b (case ');
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(11);
  });

  it('is the same text for the same run, and knows a run without a matrix', () => {
    expect(runCoverageMarkdown(sampleRulesRun())).toBe(md);
    expect(hasRuleCoverage(run)).toBe(true);
    expect(hasRuleCoverage(sampleRun())).toBe(false);
  });
});
