import * as fc from 'fast-check';
import { describe } from 'vitest';
import { decideAddInsert } from '../../src/domain/add-insert.ts';
import { idleSessionArb, notIdleSessionArb, sessionFactsArb } from '../arbitraries/agent-state.ts';
import { foreignGuidKindArb } from '../arbitraries/guid.ts';
import { OK_FORM, badIdFormArb, expectationOfForm, idFormArb, type QcScenario, type ScenarioPins } from '../arbitraries/qc-scenario.ts';
import { answersOfProfile, DOCUMENTED, type DocumentedIdRange, type ExpectedAnswers } from '../model/documented-rules.ts';
import { propertyTest } from '../testing/property-test.ts';
import { outcomeOf, qcCaseArb, type CasePins } from './qc-case.ts';
import { NOW, qcWorld } from './qc-world.ts';

// ID forms depend on the profile's range (60000 is refused in 2024 and valid in 2025).
const patternForm = (range: DocumentedIdRange) => badIdFormArb(range).filter((f) => expectationOfForm(f) === 'pattern');
const rangeForm = (range: DocumentedIdRange) => badIdFormArb(range).filter((f) => expectationOfForm(f) === 'range');
const notPatternForm = (range: DocumentedIdRange) => idFormArb(range).filter((f) => expectationOfForm(f) !== 'pattern');

/** IDs valid, caller signed in with its own Guid: the earlier rules pass. */
const callerPasses: ScenarioPins = { agentidForm: OK_FORM, workNoForm: OK_FORM, caller: sessionFactsArb(), guid: fc.constant('own') };
/** ... and the caller is an idle inspector with nobody barged, on an agent (not an inspector) of its VDN. */
const inspectorReady: ScenarioPins = {
  ...callerPasses,
  callerKind: fc.constant('inspector'),
  caller: idleSessionArb(),
  callerBarging: fc.constant('nothing'),
  targetKind: fc.constant('agent'),
};

interface PrecedenceCase {
  readonly id: string;
  readonly title: string;
  readonly pins: CasePins;
  /** What the scenario must satisfy after the pins (reachability may move a fact). */
  readonly holds?: (s: QcScenario) => boolean;
  readonly expected: (answers: ExpectedAnswers, s: QcScenario) => string;
  readonly qcOnInspectors?: fc.Arbitrary<boolean>;
}

const CASES: readonly PrecedenceCase[] = [
  {
    id: 'path-agentid',
    title: 'an inspector ID the path pattern refuses gets the path answer (HTTP 404 by default), whatever else is true',
    pins: (range) => ({ agentidForm: patternForm(range) }),
    expected: (a) => a.pathMismatch,
  },
  {
    id: 'path-workno',
    title: 'a target ID the path pattern refuses gets the path answer (HTTP 404 by default), whatever else is true',
    pins: (range) => ({ agentidForm: notPatternForm(range), workNoForm: patternForm(range) }),
    expected: (a) => a.pathMismatch,
  },
  {
    id: 'range',
    title: 'an ID below 101 (none refused by the pattern) answers 000-002, whatever else is true',
    pins: (range) => ({ agentidForm: fc.oneof(rangeForm(range), OK_FORM), workNoForm: rangeForm(range) }),
    expected: (a) => a.idOutOfRange,
  },
  {
    id: 'not-signed-in',
    title: 'an inspector who is not signed in (or no agent at all) gets 100-006, whatever else is true once the IDs are valid',
    pins: { agentidForm: OK_FORM, workNoForm: OK_FORM, caller: fc.constant(null) },
    expected: () => DOCUMENTED.notSignedIn,
  },
  {
    id: 'guid',
    title: 'a signed-in caller without its own current Guid gets the Guid answer (100-006 by default), whatever else is true',
    pins: { ...callerPasses, callerKind: fc.constantFrom('inspector', 'non-inspector'), guid: foreignGuidKindArb() },
    expected: (a) => a.guidMismatch,
  },
  {
    id: 'self-target',
    title: 'a barge on oneself answers 000-005, whatever else is true after the ID and sign-in rules',
    pins: { ...callerPasses, callerKind: fc.constantFrom('inspector', 'non-inspector'), targetKind: fc.constant('self') },
    expected: (a) => a.selfTarget,
  },
  {
    id: 'no-right',
    title: 'a caller without the inspection right answers 900-002, whatever else is true after the earlier rules',
    pins: { ...callerPasses, callerKind: fc.constant('non-inspector'), targetKind: fc.constantFrom('agent', 'inspector', 'other-vdn-agent', 'other-vdn-inspector', 'unconfigured') },
    expected: (a) => a.noInspectionRight,
  },
  {
    id: 'other-vdn',
    title: 'a target in another VDN gets the other-VDN answer (900-002 by default), whatever else is true after the earlier rules',
    pins: { ...callerPasses, callerKind: fc.constant('inspector'), targetKind: fc.constantFrom('other-vdn-agent', 'other-vdn-inspector') },
    expected: (a) => a.otherVdn,
  },
  {
    id: 'target-is-inspector',
    title: 'an inspector as target answers 900-002 while QC on inspectors is off, whatever else is true after the earlier rules',
    pins: { ...callerPasses, callerKind: fc.constant('inspector'), targetKind: fc.constant('inspector') },
    qcOnInspectors: fc.constant(false),
    expected: (a) => a.targetIsInspector,
  },
  {
    id: 'not-idle',
    title: 'an inspector who is not idle (busy, wrap-up, rest, talking or barging) gets 900-005, whatever the target',
    pins: {
      ...callerPasses,
      callerKind: fc.constant('inspector'),
      caller: fc.oneof(notIdleSessionArb(), idleSessionArb()),
      callerBarging: fc.constantFrom('nothing', 'target', 'bystander'),
      targetKind: fc.constantFrom('agent', 'unconfigured'),
    },
    holds: (s) => s.caller !== null && (s.caller.status !== 4 || s.callerBarging !== 'nothing'),
    expected: (a) => a.inspectorNotIdle,
  },
  {
    id: 'target-signed-out',
    title: 'a target that is not signed in (or no agent) gets the target answer (900-005 by default), whatever else is true',
    pins: { ...inspectorReady, targetKind: fc.constantFrom('agent', 'unconfigured'), target: fc.constant(null) },
    expected: (a) => a.targetNotSignedIn,
  },
  {
    id: 'target-barged',
    title: 'a target another inspector barges already gets the busy-target answer (900-005 by default), whatever else is true',
    pins: { ...inspectorReady, target: sessionFactsArb(), targetBargedBy: fc.constant('other-inspector') },
    holds: (s) => s.targetBargedBy === 'other-inspector',
    expected: (a) => a.targetAlreadyBarged,
  },
  {
    id: 'cti-fault',
    title: 'a CTI fault answers its own code only when every state check passes',
    pins: { ...inspectorReady, target: sessionFactsArb(), targetBargedBy: fc.constant('nobody'), fault: fc.constantFrom('900-001', '900-003') },
    expected: (_a, s) => s.fault!,
  },
  {
    id: 'success',
    title: 'a signed-in idle inspector with its own Guid barges any signed-in, unbarged agent of its VDN',
    pins: { ...inspectorReady, target: sessionFactsArb(), targetBargedBy: fc.constant('nobody'), fault: fc.constant(null) },
    expected: () => '0',
  },
];

describe('addinsert precedence: each rule answers its code whatever else is true after the earlier rules', () => {
  for (const c of CASES) {
    propertyTest({
      id: `domain.addinsert.precedence.${c.id}`,
      title: c.title,
      defaultRuns: 1000,
      property: fc.property(qcCaseArb(c.pins, c.qcOnInspectors ? { qcOnInspectors: c.qcOnInspectors } : {}), (qc) => {
        fc.pre(c.holds?.(qc.scenario) ?? true);
        const { world, call } = qcWorld(qc.scenario, qc.roles, qc.vdns);
        const decision = decideAddInsert(world, call, qc.profile, NOW);
        const expected = c.expected(answersOfProfile(qc.profile), qc.scenario);
        const got = outcomeOf(decision);
        if (got !== expected) throw new Error(`expected ${expected}, got ${got} (rule ${decision.rule})`);
      }),
    });
  }
});
