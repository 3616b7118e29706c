/**
 * Rules as data: each rejection rule has an id, a title, a provenance, the answer it gives, and a predicate.
 * An operation's rules are listed in precedence order; the first that applies decides.
 */
import type { Profile } from './profiles.ts';
import type { Provenance } from './provenance.ts';
import { describeRetcode, type OperationId, type Retcode } from './retcodes.ts';
import type { Decision } from './decision.ts';
import { resolveAnswer, type RuleAnswer } from './rule-answer.ts';
import type { Witness } from './witness.ts';

export type { RuleAnswer } from './rule-answer.ts';

/** One rejection rule of an operation. */
export interface Rule<C> {
  readonly id: string;
  /** The situation, as a short sentence: "the inspector is not idle". */
  readonly title: string;
  readonly provenance: Provenance;
  readonly answer: RuleAnswer;
  readonly applies: (context: C) => boolean;
  /** Extra detail for the response message, e.g. which field is bad. */
  readonly detail?: (context: C) => string | undefined;
  /** The situations in which the rule decides a call (and boundaries where it must not): the rule suite's cases. */
  readonly witnesses: readonly Witness[];
}

/** What every rule context carries. */
export interface RuleContext {
  readonly profile: Profile;
  readonly fault?: Retcode | undefined;
}

/** The first rule that applies, or undefined when none does. */
export function firstApplying<C>(rules: readonly Rule<C>[], context: C): Rule<C> | undefined {
  for (const rule of rules) if (rule.applies(context)) return rule;
  return undefined;
}

/** The retcode (or `http-404`) a rule answers under a profile. */
export function answerOf(rule: Rule<never>, profile: Profile, fault?: Retcode): Retcode | 'http-404' {
  const answer = resolveAnswer(rule.answer, profile, fault);
  if (answer === undefined) throw new Error(`rule ${rule.id} answers with the injected fault, but no fault was given`);
  return answer;
}

/** The decision for a call rejected by `rule`: no state change, no events. */
export function reject<C extends RuleContext>(operationId: OperationId, rule: Rule<C>, context: C): Decision {
  const answer = answerOf(rule as Rule<never>, context.profile, context.fault);
  const detail = rule.detail?.(context);
  if (answer === 'http-404') {
    return {
      operationId,
      retcode: '',
      httpStatus: 404,
      rule: `${operationId}.${rule.id}`,
      message: `no resource matches: ${detail ?? rule.title}`,
      changes: [],
      deliveries: [],
      signedIn: null,
      signedOut: [],
      result: {},
    };
  }
  return {
    operationId,
    retcode: answer,
    httpStatus: 200,
    rule: `${operationId}.${rule.id}`,
    message: `${describeRetcode(answer)} — ${detail ?? rule.title}`,
    changes: [],
    deliveries: [],
    signedIn: null,
    signedOut: [],
    result: {},
  };
}

/** One row of an operation's precedence table, resolved under a profile: for reports and the vendor bundle. */
export interface PrecedenceRow {
  readonly rank: number;
  readonly rule: string;
  readonly title: string;
  readonly answer: string;
  readonly provenance: Provenance;
}

/** The precedence table of an operation's rules under a profile. */
export function precedenceTable(operationId: OperationId, rules: readonly Rule<never>[], profile: Profile): PrecedenceRow[] {
  return rules.map((rule, i) => ({
    rank: i + 1,
    rule: `${operationId}.${rule.id}`,
    title: rule.title,
    answer: 'injectedFault' in rule.answer ? 'the injected fault (900-001 or 900-003)' : answerOf(rule, profile),
    provenance: rule.provenance,
  }));
}
