/** Counting cases: per phase and for the whole run. Skipped cases are counted on their own, never as passed. */
import type { Phase, RunSummary } from './run-summary.ts';

/** How many cases passed, failed and were skipped. */
export interface Tally {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** The case counts of one phase. */
export function tallyPhase(phase: Phase): Tally {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const c of phase.cases) {
    if (c.outcome === 'passed') passed++;
    else if (c.outcome === 'failed') failed++;
    else skipped++;
  }
  return { total: phase.cases.length, passed, failed, skipped };
}

/** The case counts of the whole run. */
export function tallyRun(summary: RunSummary): Tally {
  return summary.phases.map(tallyPhase).reduce(
    (a, b) => ({ total: a.total + b.total, passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }),
    { total: 0, passed: 0, failed: 0, skipped: 0 },
  );
}
