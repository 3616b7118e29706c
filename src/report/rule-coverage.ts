/**
 * The rule coverage matrix as the reports show it: the phases that carry one, their rows grouped per operation
 * (operations in the order of `OPERATION_IDS`, rules in precedence order), and the totals. HTML, Markdown, JUnit
 * and the vendor bundle's `rules.md` all read the matrix through here, so they agree on order and counts.
 */
import { OPERATION_IDS } from '../domain/index.ts';
import type { Case, Observed, Outcome, Phase, RuleCoverage, RunSummary } from './run-summary.ts';

/** How many rules passed, failed and were skipped, and how many are documented or inferred. */
export interface CoverageTotals {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly documented: number;
  readonly inferred: number;
}

/** One operation's rows, in precedence order, with their totals. */
export interface CoverageGroup {
  readonly operation: string;
  readonly rows: readonly RuleCoverage[];
  readonly totals: CoverageTotals;
}

/** A phase with a coverage matrix, its rows grouped per operation. */
export interface CoverageSection {
  readonly phase: Phase;
  readonly groups: readonly CoverageGroup[];
  readonly totals: CoverageTotals;
}

/** Counts rules by outcome and provenance. */
export function coverageTotals(rows: readonly RuleCoverage[]): CoverageTotals {
  const count = (f: (r: RuleCoverage) => boolean) => rows.filter(f).length;
  return {
    total: rows.length,
    passed: count((r) => r.outcome === 'passed'),
    failed: count((r) => r.outcome === 'failed'),
    skipped: count((r) => r.outcome === 'skipped'),
    documented: count((r) => r.provenance === 'documented'),
    inferred: count((r) => r.provenance === 'inferred'),
  };
}

function operationOrder(operation: string): number {
  const i = (OPERATION_IDS as readonly string[]).indexOf(operation);
  return i === -1 ? OPERATION_IDS.length : i;
}

/**
 * The rows grouped per operation: known operations in the fixed order of `OPERATION_IDS`, others after them by
 * name; within an operation by rank, then rule name.
 */
export function coverageGroups(rows: readonly RuleCoverage[]): CoverageGroup[] {
  const byOperation = new Map<string, RuleCoverage[]>();
  for (const row of rows) byOperation.set(row.operation, [...(byOperation.get(row.operation) ?? []), row]);
  return [...byOperation.keys()]
    .sort((a, b) => operationOrder(a) - operationOrder(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((operation) => {
      const own = [...(byOperation.get(operation) ?? [])].sort((a, b) => a.rank - b.rank || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
      return { operation, rows: own, totals: coverageTotals(own) };
    });
}

/** The phases of a run that carry a coverage matrix (normally the one `rules` phase), grouped. */
export function coverageSections(summary: RunSummary): CoverageSection[] {
  return summary.phases.filter((p) => p.coverage !== undefined).map((phase) => {
    const rows = phase.coverage ?? [];
    return { phase, groups: coverageGroups(rows), totals: coverageTotals(rows) };
  });
}

/** The first case of a row with the given outcome, looked up in the row's phase. */
export function firstCaseOf(row: RuleCoverage, phase: Phase, outcome: Outcome): Case | undefined {
  for (const id of row.caseIds) {
    const c = phase.cases.find((x) => x.id === id);
    if (c?.outcome === outcome) return c;
  }
  return undefined;
}

/** A row's case counts in words, leaving out zeros: `2 passed, 1 failed`; `no case` when it has none. */
export function countsText(counts: RuleCoverage['counts']): string {
  const parts = (['passed', 'failed', 'skipped'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return parts.length === 0 ? 'no case' : parts.join(', ');
}

/**
 * A row's one line for readers: for a failed row the detail (expected vs observed), for a skipped row the reason;
 * a row without a detail says so rather than staying silent. Empty for a passed row.
 */
export function rowDetail(row: RuleCoverage): string {
  if (row.outcome === 'passed') return row.detail ?? '';
  return row.detail ?? (row.outcome === 'failed' ? 'failed without a detail' : 'skipped without a reason');
}

/** The totals in one line: `91 rules: 74 passed, 5 failed, 12 skipped; 70 documented, 21 inferred`. */
export function totalsText(t: CoverageTotals): string {
  return `${t.total} rule${t.total === 1 ? '' : 's'}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped; ${t.documented} documented, ${t.inferred} inferred`;
}

/**
 * What the gateway answered, in the words of `RuleCoverage.expected` so the two read side by side: the retcode
 * (with the HTTP status when it is not 200), or `http-<status>` when there was no retcode.
 */
export function answerText(o: Observed | undefined): string {
  if (!o) return '';
  if (o.retcode !== undefined) return o.httpStatus === undefined || o.httpStatus === 200 ? o.retcode : `${o.retcode} (HTTP ${o.httpStatus})`;
  return o.httpStatus === undefined ? '' : `http-${o.httpStatus}`;
}
