/**
 * Calibration: what a gateway answers to the situations the documents leave open. The rule suite, run in learning
 * mode, records the answer of every case decided by a rule whose retcode is a profile setting with candidates
 * (`src/domain/profiles.ts`); this module turns those observations into `profileOverrides` — one value per setting,
 * with the calls that showed it — and names what could not be settled: a setting answered two ways, an answer that is
 * no candidate, a setting no case could observe.
 */
import type { CalibrationEvidence } from '../../src/config/config-document.ts';
import type { AnswerName, Profile } from '../../src/domain/profiles.ts';
import { answerName, settingOf } from './answers.ts';
import type { SuiteObservation } from './run-suite.ts';

/** What calibration found. */
export interface CalibrationResult {
  /** Settings whose observed answer differs from the profile's, with that answer: the `profileOverrides.answers`. */
  readonly overrides: Readonly<Partial<Record<AnswerName, string>>>;
  /** Settings observed to answer as the profile says. */
  readonly confirmed: readonly AnswerName[];
  /** Evidence per observed setting (at most a few calls each). */
  readonly evidence: Readonly<Partial<Record<AnswerName, readonly CalibrationEvidence[]>>>;
  /** Settings answered in more than one way: no single value fits, so none is written. */
  readonly conflicts: readonly { readonly setting: AnswerName; readonly answers: Readonly<Record<string, readonly string[]>> }[];
  /** Answers that are none of a setting's candidates. */
  readonly unknown: readonly { readonly setting: AnswerName; readonly answer: string; readonly caseId: string; readonly candidates: readonly string[] }[];
  /** Settings with candidates that no case observed. */
  readonly unobserved: readonly AnswerName[];
}

/** Evidence kept per setting: enough to show the call, not the whole suite. */
const EVIDENCE_PER_SETTING = 3;

/** Turns the suite's observations into profile overrides under `profile`. */
export function calibrate(observations: readonly SuiteObservation[], profile: Profile): CalibrationResult {
  const answers = new Map<AnswerName, Map<string, SuiteObservation[]>>();
  for (const o of observations) {
    const setting = settingOf(o.decidedBy, profile);
    if (!setting || setting.candidates.length < 2) continue;
    const answer = answerName(o.observation);
    let byAnswer = answers.get(setting.name);
    if (!byAnswer) answers.set(setting.name, (byAnswer = new Map()));
    byAnswer.set(answer, [...(byAnswer.get(answer) ?? []), o]);
  }
  const overrides: Partial<Record<AnswerName, string>> = {};
  const confirmed: AnswerName[] = [];
  const evidence: Partial<Record<AnswerName, CalibrationEvidence[]>> = {};
  const conflicts: CalibrationResult['conflicts'][number][] = [];
  const unknown: CalibrationResult['unknown'][number][] = [];
  for (const [name, byAnswer] of answers) {
    const setting = profile.answers[name] as { readonly value: string; readonly candidates: readonly string[] };
    for (const [answer, seen] of byAnswer) {
      if (!setting.candidates.includes(answer)) unknown.push({ setting: name, answer, caseId: seen[0]!.caseId, candidates: setting.candidates });
    }
    if (byAnswer.size > 1) {
      conflicts.push({ setting: name, answers: Object.fromEntries([...byAnswer].map(([a, seen]) => [a, seen.map((s) => s.caseId)])) });
      continue;
    }
    const [answer, seen] = [...byAnswer][0]!;
    if (!setting.candidates.includes(answer)) continue;
    evidence[name] = seen.slice(0, EVIDENCE_PER_SETTING).map((s) => ({ case: s.caseId, rule: s.decidedBy, request: s.observation.request, answer, at: s.observation.at }));
    if (answer === setting.value) confirmed.push(name);
    else overrides[name] = answer;
  }
  const unobserved = (Object.keys(profile.answers) as AnswerName[]).filter((n) => (profile.answers[n].candidates as readonly string[]).length > 1 && !answers.has(n));
  return { overrides, confirmed, evidence, conflicts, unknown, unobserved };
}
