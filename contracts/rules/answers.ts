/**
 * Answers as the rule suite compares them: a retcode, or `http-<status>` for an answer without one (a path no
 * resource matches: `http-404`, the name a profile setting uses), and the profile setting behind a rule's answer.
 */
import type { Decision } from '../../src/domain/decision.ts';
import { OPERATION_RULES } from '../../src/domain/index.ts';
import type { AnswerName, Profile } from '../../src/domain/profiles.ts';
import type { OperationId } from '../../src/domain/retcodes.ts';
import type { Rule } from '../../src/domain/rules.ts';

/** What the gateway answered one call, and how the call was made (for failures and calibration evidence). */
export interface Observation {
  readonly httpStatus: number;
  /** The body's retcode, when the answer was JSON within the contract. */
  readonly retcode?: string;
  readonly method: string;
  readonly url: string;
  /** The request in words: method, path, which Guid, the body with its password masked. */
  readonly request: string;
  readonly body: unknown;
  /** When the answer came, ISO 8601. */
  readonly at: string;
  /** Set when the answer was outside the contract (not JSON, schema violations). */
  readonly contractProblem?: string;
  /** What the run summary keeps of it. */
  readonly summary: { readonly httpStatus: number; readonly retcode?: string };
}

/** The answer as a profile setting names it: the retcode of a 200, else `http-<status>`. */
export function answerName(answer: { readonly httpStatus: number; readonly retcode?: string | undefined }): string {
  return answer.httpStatus === 200 ? (answer.retcode ?? '') : `http-${answer.httpStatus}`;
}

/** `retcode 900-005`, `HTTP 404` or `retcode 0`. */
export function describeExpected(decision: Pick<Decision<object>, 'httpStatus' | 'retcode'>): string {
  return decision.httpStatus === 200 ? `retcode ${decision.retcode}` : `HTTP ${decision.httpStatus}`;
}

/** A profile setting that answers a rule. */
export interface SettingInfo {
  readonly name: AnswerName;
  readonly value: string;
  readonly candidates: readonly string[];
  readonly provenance: 'documented' | 'inferred';
}

/** The profile setting whose value is the answer of `rule` (`addInsert.targetNotSignedIn`), or undefined for a fixed answer. */
export function settingOf(rule: string, profile: Profile): SettingInfo | undefined {
  const dot = rule.indexOf('.');
  const operation = rule.slice(0, dot) as OperationId;
  const id = rule.slice(dot + 1);
  const row = (OPERATION_RULES[operation] as readonly Rule<never>[] | undefined)?.find((r) => r.id === id);
  if (!row || !('setting' in row.answer)) return undefined;
  const setting = profile.answers[row.answer.setting];
  return { name: row.answer.setting, value: setting.value, candidates: setting.candidates, provenance: setting.provenance.kind };
}
