/**
 * Checks a parsed `summary.json` against `run-summary.schema.json` and the rules a schema cannot state (unique
 * case ids, outcomes that agree with their cases, coverage rows whose cases exist in their phase and whose counts
 * and outcome agree with them, one row per rule), and returns it typed. Every problem is named with its place
 * in the document, the bad value and what to use instead.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import schema from './run-summary.schema.json' with { type: 'json' };
import { RUN_SUMMARY_SCHEMA_VERSION, type Outcome, type Phase, type RuleCoverage, type RunSummary } from './run-summary.ts';

/** One problem in a run summary: where (a readable path such as `phases[0].cases[2].outcome`) and what. */
export interface RunSummaryIssue {
  readonly path: string;
  readonly message: string;
}

/** A run summary that cannot be used: the file (or other source) and every problem found in it. */
export class RunSummaryError extends Error {
  override readonly name = 'RunSummaryError';
  constructor(
    /** Where the document came from, e.g. the path of `summary.json`. */
    readonly source: string,
    /** The problems, the first `MAX_ISSUES` of them. */
    readonly issues: readonly RunSummaryIssue[],
    headline = 'is not a valid ccgw run summary',
  ) {
    super(`${source} ${headline}:\n${issues.map((i) => `  - ${i.path === '' ? '(document)' : i.path} ${i.message}`).join('\n')}`);
  }
}

/** At most this many problems are listed; the first ones are usually the cause of the rest. */
export const MAX_ISSUES = 12;

let compiled: ReturnType<Ajv2020['compile']> | undefined;

function validator(): ReturnType<Ajv2020['compile']> {
  compiled ??= new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false }).compile(schema);
  return compiled;
}

/** `/phases/0/cases/2/outcome` → `phases[0].cases[2].outcome`. */
function readablePath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, seg) => (/^[0-9]+$/.test(seg) ? `${path}[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? (path === '' ? seg : `${path}.${seg}`) : `${path}[${JSON.stringify(seg)}]`), '');
}

function join(path: string, key: string): string {
  return readablePath(`${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${show(value)}`;
}

function describe(e: ErrorObject): RunSummaryIssue {
  const path = readablePath(e.instancePath);
  const parent = (e.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown> };
  const hint = parent.description ? ` (${parent.description.replace(/\.$/, '')})` : '';
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      if (e.schemaPath.endsWith('/allOf/0/then/required')) return { path, message: `is skipped but has no skipReason; add skipReason saying why the case did not run` };
      if (e.schemaPath.endsWith('/allOf/1/then/required')) return { path, message: `is failed but has no failure; add failure with at least a message` };
      return { path: join(e.instancePath, missing), message: 'is missing; it is required' };
    }
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      return { path: join(e.instancePath, extra), message: `is not a known field; remove it${allowed.length ? ` (known fields: ${allowed.join(', ')})` : ''}` };
    }
    case 'enum':
      return { path, message: `is ${show(e.data)}; use one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map(show).join(', ')}` };
    case 'const':
      return { path, message: `is ${show(e.data)}; it must be ${show((e.params as { allowedValue: unknown }).allowedValue)}` };
    case 'type':
      return { path, message: `is ${kindOf(e.data)}; it must be ${(e.params as { type: string }).type === 'integer' ? 'an integer' : `a ${(e.params as { type: string }).type}`}` };
    case 'pattern':
      return { path, message: `is ${show(e.data)}; it must match ${(e.params as { pattern: string }).pattern}${hint}` };
    case 'propertyNames':
      return { path, message: `has a key that is not a name${hint || ' (use letters, digits, _ and -)'}` };
    default:
      return { path, message: `is ${show(e.data)}; it ${e.message ?? `fails ${e.keyword}`}` };
  }
}

function schemaIssues(doc: unknown): RunSummaryIssue[] {
  const validate = validator();
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const issues: RunSummaryIssue[] = [];
  for (const e of validate.errors ?? []) {
    // The `if` of an if/then only says that `then` failed; the `required` error under `then` says what is missing.
    // A `propertyNames` failure is also reported by the `pattern` under it, with the bad key as the path.
    if (e.keyword === 'if') continue;
    const issue = e.keyword === 'pattern' && e.propertyName !== undefined ? { path: join(e.instancePath, e.propertyName), message: `is not a name; use letters, digits, _ and -` } : describe(e);
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function ruleIssues(s: RunSummary): RunSummaryIssue[] {
  const issues: RunSummaryIssue[] = [];
  for (const field of ['startedAt', 'finishedAt'] as const) {
    if (Number.isNaN(Date.parse(s[field]))) issues.push({ path: field, message: `is ${show(s[field])}, which is not a real date and time; use e.g. 2026-11-25T10:00:00.000Z` });
  }
  const phaseNames = new Map<string, number>();
  const caseIds = new Map<string, string>();
  const scenarios = new Map<string, string>();
  s.phases.forEach((phase, p) => {
    const where = `phases[${p}]`;
    const earlier = phaseNames.get(phase.name);
    if (earlier !== undefined) issues.push({ path: `${where}.name`, message: `is ${show(phase.name)}, the same as phases[${earlier}].name; phase names must be unique` });
    phaseNames.set(phase.name, p);
    phase.cases.forEach((c, i) => {
      const first = caseIds.get(c.id);
      if (first !== undefined) issues.push({ path: `${where}.cases[${i}].id`, message: `is ${show(c.id)}, the same as ${first}; case ids must be unique in a run (compare matches cases by id)` });
      else caseIds.set(c.id, `${where}.cases[${i}].id`);
    });
    (phase.load ?? []).forEach((l, i) => {
      const first = scenarios.get(l.scenario);
      if (first !== undefined) issues.push({ path: `${where}.load[${i}].scenario`, message: `is ${show(l.scenario)}, the same as ${first}; scenario names must be unique in a run (compare matches scenarios by name)` });
      else scenarios.set(l.scenario, `${where}.load[${i}].scenario`);
    });
    issues.push(...coverageIssues(phase, where));
    const failedCase = phase.cases.findIndex((c) => c.outcome === 'failed');
    if (failedCase >= 0 && phase.outcome !== 'failed') {
      issues.push({ path: `${where}.outcome`, message: `is ${show(phase.outcome)} but ${where}.cases[${failedCase}] failed; a phase with a failed case is "failed"` });
    }
  });
  const failedPhase = s.phases.findIndex((p) => p.outcome === 'failed');
  if (failedPhase >= 0 && s.outcome !== 'failed') {
    issues.push({ path: 'outcome', message: `is ${show(s.outcome)} but phases[${failedPhase}] (${show(s.phases[failedPhase]?.name)}) failed; a run with a failed phase is "failed"` });
  }
  return issues;
}

function outcomeOf(counts: RuleCoverage['counts']): Outcome {
  return counts.failed > 0 ? 'failed' : counts.passed > 0 ? 'passed' : 'skipped';
}

function countsShown(counts: RuleCoverage['counts']): string {
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}

/** The coverage rows of a phase against its cases: the links and sums a schema cannot state. */
function coverageIssues(phase: Phase, where: string): RunSummaryIssue[] {
  const issues: RunSummaryIssue[] = [];
  const cases = new Map(phase.cases.map((c, i) => [c.id, { c, i }]));
  const rules = new Map<string, number>();
  (phase.coverage ?? []).forEach((row, r) => {
    const at = `${where}.coverage[${r}]`;
    const earlier = rules.get(row.rule);
    if (earlier !== undefined) issues.push({ path: `${at}.rule`, message: `is ${show(row.rule)}, the same as ${where}.coverage[${earlier}].rule; a phase has one row per rule` });
    else rules.set(row.rule, r);
    if (!row.rule.startsWith(`${row.operation}.`)) {
      issues.push({ path: `${at}.rule`, message: `is ${show(row.rule)} but the row's operation is ${show(row.operation)}; a rule is named <operation>.<rule id>, e.g. ${row.operation}.${row.rule.split('.').slice(1).join('.') || 'ok'}` });
    }
    const counted = { passed: 0, failed: 0, skipped: 0 };
    let resolved = true;
    const listed = new Map<string, number>();
    row.caseIds.forEach((id, k) => {
      const first = listed.get(id);
      if (first !== undefined) {
        issues.push({ path: `${at}.caseIds[${k}]`, message: `is ${show(id)}, listed already as caseIds[${first}]; list each case once` });
        resolved = false;
        return;
      }
      listed.set(id, k);
      const found = cases.get(id);
      if (!found) {
        issues.push({ path: `${at}.caseIds[${k}]`, message: `is ${show(id)}, which is no case of ${where} (${show(phase.name)}); list only ids of this phase's cases` });
        resolved = false;
        return;
      }
      if (found.c.rule !== undefined && found.c.rule !== row.rule) {
        issues.push({ path: `${at}.caseIds[${k}]`, message: `is ${show(id)}, whose rule (${where}.cases[${found.i}].rule) is ${show(found.c.rule)}, not ${show(row.rule)}; list the case under its own rule's row` });
      }
      counted[found.c.outcome]++;
    });
    const c = row.counts;
    if (resolved && (c.passed !== counted.passed || c.failed !== counted.failed || c.skipped !== counted.skipped)) {
      issues.push({ path: `${at}.counts`, message: `is ${countsShown(c)} but the cases in caseIds are ${countsShown(counted)}; counts must count those cases by outcome` });
    }
    const expected = outcomeOf(resolved ? counted : c);
    if (row.outcome !== expected) {
      const why = expected === 'failed' ? 'a rule with a failed case is "failed"' : expected === 'passed' ? 'a rule with a passed case and no failed one is "passed"' : 'a rule whose cases were all skipped (or that has none) is "skipped"';
      issues.push({ path: `${at}.outcome`, message: `is ${show(row.outcome)} but its cases are ${countsShown(resolved ? counted : c)}; ${why}` });
    }
  });
  return issues;
}

/** Returns `doc` as a RunSummary, or throws RunSummaryError naming `source` and every problem. */
export function parseRunSummary(doc: unknown, source: string): RunSummary {
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const version = (doc as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version === 'number' && version !== RUN_SUMMARY_SCHEMA_VERSION) {
      throw new RunSummaryError(source, [
        { path: 'schemaVersion', message: `is ${version}; this ccgw reads schemaVersion ${RUN_SUMMARY_SCHEMA_VERSION}: use the ccgw version that wrote the run` },
      ], 'was written by another version of ccgw');
    }
  } else {
    throw new RunSummaryError(source, [{ path: '', message: `is ${kindOf(doc)}; a run summary is a JSON object (see src/report/run-summary.schema.json)` }]);
  }
  const issues = schemaIssues(doc);
  if (issues.length === 0) issues.push(...ruleIssues(doc as RunSummary));
  if (issues.length > MAX_ISSUES) {
    const more = issues.length - MAX_ISSUES;
    issues.splice(MAX_ISSUES, more, { path: '...', message: `and ${more} more problem${more === 1 ? '' : 's'}; fix the ones above first` });
  }
  if (issues.length > 0) throw new RunSummaryError(source, issues);
  return doc as RunSummary;
}

/** True when `doc` is a valid run summary; for tests and quick checks where the reasons do not matter. */
export function isRunSummary(doc: unknown): doc is RunSummary {
  try {
    parseRunSummary(doc, 'document');
    return true;
  } catch (e) {
    if (e instanceof RunSummaryError) return false;
    throw e;
  }
}
