/**
 * The rule suite's cases, generated from the rows of `src/domain`: for every operation, every rule row in precedence
 * order and then the success row, one case per witness of the row. The plan does not depend on the gateway; which
 * cases run, and what they expect, is decided per gateway (run-case.ts).
 */
import { OPERATION_RULES, OPERATION_SUCCESS } from '../../src/domain/index.ts';
import type { Provenance } from '../../src/domain/provenance.ts';
import { OPERATION_IDS, type OperationId } from '../../src/domain/retcodes.ts';
import type { Rule, RuleAnswer } from '../../src/domain/rules.ts';
import type { Witness } from '../../src/domain/witness.ts';

/** One row of an operation's table: a rule, or the success row (`ok`, last). */
export interface SuiteRow {
  /** `addInsert.targetNotSignedIn`, or `addInsert.ok`. */
  readonly rule: string;
  readonly operation: OperationId;
  /** The row's id within its operation, e.g. `targetNotSignedIn`. */
  readonly id: string;
  /** Place in the precedence order, 1 = checked first; the success row comes last. */
  readonly rank: number;
  readonly title: string;
  /** Where the rule (or what success does) comes from. */
  readonly provenance: Provenance;
  /** The rule's answer; undefined for the success row. */
  readonly answer: RuleAnswer | undefined;
  readonly witnesses: readonly Witness[];
}

/** One case of the suite: a witness of a row. */
export interface PlannedCase {
  /** Stable across runs: `rules.<operation>.<row>.<witness>`. */
  readonly id: string;
  readonly row: SuiteRow;
  readonly witness: Witness;
}

/** The rows of one operation, in precedence order, the success row last. */
export function suiteRows(operation: OperationId): SuiteRow[] {
  const rules = OPERATION_RULES[operation] as readonly Rule<never>[];
  const forOperation = (ws: readonly Witness[]) => ws.filter((w) => w.only === undefined || w.only.includes(operation));
  const rows: SuiteRow[] = rules.map((r, i) => ({
    rule: `${operation}.${r.id}`,
    operation,
    id: r.id,
    rank: i + 1,
    title: r.title,
    provenance: r.provenance,
    answer: r.answer,
    witnesses: forOperation(r.witnesses),
  }));
  const ok = OPERATION_SUCCESS[operation];
  rows.push({ rule: `${operation}.ok`, operation, id: 'ok', rank: rules.length + 1, title: ok.title, provenance: ok.provenance, answer: undefined, witnesses: forOperation(ok.witnesses) });
  return rows;
}

/** Every row of every operation, operations in contract order. */
export function allSuiteRows(): SuiteRow[] {
  return OPERATION_IDS.flatMap((op) => suiteRows(op));
}

/** The suite's cases, in order: operation by operation, row by row, witness by witness. */
export function suitePlan(): PlannedCase[] {
  return allSuiteRows().flatMap((row) => row.witnesses.map((witness) => ({ id: `rules.${row.rule}.${witness.name}`, row, witness })));
}
