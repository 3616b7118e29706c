/**
 * What addinsert and cancel should answer in a scenario, reasoned from the documents (interface document,
 * `docs/sources/ccgw-facts.md` §4 and §7), independently of `src/domain`:
 *
 * 1. A path ID the path pattern refuses never reaches a resource (HTTP 404, or 000-002 by profile); an ID below
 *    101 is a wrong URL parameter (000-002).
 * 2. The caller must be signed in ("the inspector has signed in"): 100-006; and send its own Guid (EN/cec_07_0005).
 * 3. Inspecting oneself has its own code, 000-005 (EN/cec_07_0580).
 * 4. The caller needs the inspection right; the target must be in the same VDN; an inspector may be inspected only
 *    when "Support QC on QC Inspectors" is on (EN/cec_07_0433).
 * 5. addinsert: the inspector must be idle; the target must be signed in; at most one inspector barges an agent.
 *    cancel: this inspector must be barging this target.
 * 6. Only then can the CTI fail (900-001, 900-003).
 *
 * @example
 * ```ts
 * expectedAddInsert(scenario, DEFAULT_ANSWERS, { qcOnInspectors: false }); // e.g. '900-005'
 * ```
 */
import { expectationOfForm, targetInOtherVdn, targetIsInspector, type QcScenario } from '../arbitraries/qc-scenario.ts';
import { DOCUMENTED, type ExpectedAnswers } from './documented-rules.ts';

/** A retcode, or `http-404` for a path that reaches no resource. */
export type ExpectedOutcome = string;

/** The CTI settings the expectations depend on. */
export interface QcSettings {
  readonly qcOnInspectors: boolean;
}

function pathOutcome(s: QcScenario, answers: ExpectedAnswers): ExpectedOutcome | undefined {
  const forms = [expectationOfForm(s.agentidForm), expectationOfForm(s.workNoForm)];
  if (forms.includes('pattern')) return answers.pathMismatch;
  if (forms.includes('range')) return answers.idOutOfRange;
  return undefined;
}

function callerOutcome(s: QcScenario, answers: ExpectedAnswers): ExpectedOutcome | undefined {
  if (s.caller === null) return DOCUMENTED.notSignedIn;
  if (s.guid !== 'own') return answers.guidMismatch;
  if (s.targetKind === 'self') return answers.selfTarget;
  if (s.callerKind !== 'inspector') return answers.noInspectionRight;
  if (targetInOtherVdn(s)) return answers.otherVdn;
  return undefined;
}

/**
 * What addinsert should answer in `s`.
 * @example
 * ```ts
 * expectedAddInsert({ ...scenario, caller: null }, DEFAULT_ANSWERS, { qcOnInspectors: false }); // '100-006'
 * ```
 */
export function expectedAddInsert(s: QcScenario, answers: ExpectedAnswers, settings: QcSettings): ExpectedOutcome {
  const early = pathOutcome(s, answers) ?? callerOutcome(s, answers);
  if (early !== undefined) return early;
  if (targetIsInspector(s) && !settings.qcOnInspectors) return answers.targetIsInspector;
  if (s.caller!.status !== 4 || s.callerBarging !== 'nothing') return answers.inspectorNotIdle;
  if (s.target === null) return answers.targetNotSignedIn;
  if (s.targetBargedBy !== 'nobody') return answers.targetAlreadyBarged;
  return s.fault ?? '0';
}

/**
 * What cancel should answer in `s`.
 * @example
 * ```ts
 * expectedCancel({ ...scenario, callerBarging: 'nothing' }, DEFAULT_ANSWERS); // '900-005' when the earlier checks pass
 * ```
 */
export function expectedCancel(s: QcScenario, answers: ExpectedAnswers): ExpectedOutcome {
  const early = pathOutcome(s, answers) ?? callerOutcome(s, answers);
  if (early !== undefined) return early;
  if (s.callerBarging !== 'target') return answers.cancelWithoutBarge;
  return s.fault ?? '0';
}
