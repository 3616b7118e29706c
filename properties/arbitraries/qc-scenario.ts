/**
 * A quality-control call (addinsert or cancel) in a situation: who calls (an inspector, an agent without the
 * inspection right, or an ID that is no agent), on whom (an agent or inspector of the same VDN, of another VDN, no
 * agent, or the caller himself), each signed out or in some state, who barges whom already, how the path IDs are
 * written, which Guid is sent, and whether the CTI fails. Any fact can be pinned, so that a property can hold one
 * condition fixed and vary everything else.
 *
 * Scenarios describe reachable states only: a barging inspector is signed in, has the right and talks (7); a
 * barged agent is signed in and barged by exactly one inspector of its VDN.
 */
import * as fc from 'fast-check';
import type { DocumentedIdRange } from '../model/documented-rules.ts';
import { belowRangeIdArb, MANGLINGS, tooLargeIdArb, type IdExpectation, type Mangling } from './agent-id.ts';
import { agentStateArb, sessionFactsArb, type SessionFacts } from './agent-state.ts';
import { guidKindArb, type GuidKind } from './guid.ts';

export type CallerKind = 'inspector' | 'non-inspector' | 'unconfigured';
export type TargetKind = 'agent' | 'inspector' | 'other-vdn-agent' | 'other-vdn-inspector' | 'unconfigured' | 'self';

/** How a path ID is written: as the agent's ID, or in a form the gateway refuses. */
export type IdForm =
  | { readonly kind: 'ok' }
  | { readonly kind: 'below-range'; readonly raw: string }
  | { readonly kind: 'too-large'; readonly raw: string }
  | { readonly kind: 'mangled'; readonly how: Mangling };

/** A CTI fault the mock can inject (900-001 NOPROVIDER, 900-003 ResourceUnavailable). */
export type CtiFault = '900-001' | '900-003';

export interface QcScenario {
  readonly callerKind: CallerKind;
  /** The caller's state; null when signed out (always null for an unconfigured caller). */
  readonly caller: SessionFacts | null;
  /** Whom the caller barges already: nobody, the target, or a bystander agent of its VDN. */
  readonly callerBarging: 'nothing' | 'target' | 'bystander';
  readonly targetKind: TargetKind;
  /** The target's state (the caller's own for `self`). */
  readonly target: SessionFacts | null;
  /** Who barges the target already. */
  readonly targetBargedBy: 'nobody' | 'caller' | 'other-inspector';
  readonly agentidForm: IdForm;
  readonly workNoForm: IdForm;
  readonly guid: GuidKind;
  readonly fault: CtiFault | null;
}

/** Arbitraries that replace the default one for some facts. */
export type ScenarioPins = { readonly [K in keyof QcScenario]?: fc.Arbitrary<QcScenario[K]> };

/** The ID form `ok`. */
export const OK_FORM: fc.Arbitrary<IdForm> = fc.constant({ kind: 'ok' });

/** ID forms, valid most often. */
export function idFormArb(range: DocumentedIdRange): fc.Arbitrary<IdForm> {
  return fc.oneof(
    { weight: 18, arbitrary: OK_FORM },
    { weight: 1, arbitrary: belowRangeIdArb(range).map((t): IdForm => ({ kind: 'below-range', raw: t.raw })) },
    { weight: 1, arbitrary: tooLargeIdArb(range).map((t): IdForm => ({ kind: 'too-large', raw: t.raw })) },
    { weight: 2, arbitrary: fc.constantFrom(...MANGLINGS).map((how): IdForm => ({ kind: 'mangled', how })) },
  );
}

/** ID forms the gateway refuses (either way). */
export function badIdFormArb(range: DocumentedIdRange): fc.Arbitrary<IdForm> {
  return idFormArb(range).filter((f) => f.kind !== 'ok');
}

/** What the gateway should make of an ID written in `form`. */
export function expectationOfForm(form: IdForm): IdExpectation {
  if (form.kind === 'ok') return 'ok';
  if (form.kind === 'below-range') return 'range';
  return 'pattern';
}

/** Makes a scenario reachable (see the module documentation); pinned facts the pins make consistent stay as pinned. */
function reachable(s: QcScenario): QcScenario {
  const caller = s.callerKind === 'unconfigured' ? null : s.caller;
  const self = s.targetKind === 'self';
  const target = self ? caller : s.targetKind === 'unconfigured' ? null : s.target;
  const sameVdnTarget = s.targetKind === 'agent' || s.targetKind === 'inspector';
  let callerBarging = s.callerBarging;
  if (s.callerKind !== 'inspector' || caller === null) callerBarging = 'nothing';
  if (callerBarging === 'target' && (self || target === null || !sameVdnTarget)) callerBarging = 'nothing';
  let targetBargedBy = s.targetBargedBy;
  if (callerBarging === 'target') targetBargedBy = 'caller';
  else if (targetBargedBy === 'caller') targetBargedBy = 'nobody';
  if (targetBargedBy === 'other-inspector' && (self || target === null || s.targetKind !== 'agent')) targetBargedBy = 'nobody';
  const callerState = caller && callerBarging !== 'nothing' ? { ...caller, status: 7 as const } : caller;
  return { ...s, caller: callerState, target: self ? callerState : target, callerBarging, targetBargedBy };
}

/** Scenarios around `range` (the path IDs' forms depend on it), with some facts pinned. */
export function qcScenarioArb(range: DocumentedIdRange, pins: ScenarioPins = {}): fc.Arbitrary<QcScenario> {
  const defaults: { readonly [K in keyof QcScenario]: fc.Arbitrary<QcScenario[K]> } = {
    callerKind: fc.oneof({ weight: 4, arbitrary: fc.constant<CallerKind>('inspector') }, { weight: 1, arbitrary: fc.constantFrom<CallerKind>('non-inspector', 'unconfigured') }),
    caller: agentStateArb(),
    callerBarging: fc.oneof({ weight: 3, arbitrary: fc.constant<QcScenario['callerBarging']>('nothing') }, { weight: 1, arbitrary: fc.constantFrom<QcScenario['callerBarging']>('target', 'bystander') }),
    targetKind: fc.oneof(
      { weight: 4, arbitrary: fc.constant<TargetKind>('agent') },
      { weight: 1, arbitrary: fc.constantFrom<TargetKind>('inspector', 'other-vdn-agent', 'other-vdn-inspector', 'unconfigured', 'self') },
    ),
    target: fc.option(sessionFactsArb(), { nil: null, freq: 5 }),
    targetBargedBy: fc.oneof({ weight: 3, arbitrary: fc.constant<QcScenario['targetBargedBy']>('nobody') }, { weight: 1, arbitrary: fc.constant<QcScenario['targetBargedBy']>('other-inspector') }),
    agentidForm: idFormArb(range),
    workNoForm: idFormArb(range),
    guid: guidKindArb(),
    fault: fc.oneof({ weight: 5, arbitrary: fc.constant<CtiFault | null>(null) }, { weight: 1, arbitrary: fc.constantFrom<CtiFault | null>('900-001', '900-003') }),
  };
  const arbs = { ...defaults, ...pins } as { [K in keyof QcScenario]: fc.Arbitrary<QcScenario[K]> };
  return fc.record(arbs).map(reachable);
}

/** The agent IDs a scenario's roles take. */
export interface QcRoles {
  readonly inspector: string;
  readonly nonInspector: string;
  readonly unconfiguredCaller: string;
  readonly agent: string;
  readonly inspectorTarget: string;
  readonly otherVdnAgent: string;
  readonly otherVdnInspector: string;
  readonly unconfiguredTarget: string;
  /** Another inspector of the caller's VDN, who may barge the target already. */
  readonly otherInspector: string;
  /** An agent of the caller's VDN whom the caller may barge already. */
  readonly bystander: string;
}

/** The caller's agent ID. */
export function callerIdOf(s: QcScenario, roles: QcRoles): string {
  if (s.callerKind === 'inspector') return roles.inspector;
  if (s.callerKind === 'non-inspector') return roles.nonInspector;
  return roles.unconfiguredCaller;
}

/** The target's agent ID. */
export function targetIdOf(s: QcScenario, roles: QcRoles): string {
  switch (s.targetKind) {
    case 'agent':
      return roles.agent;
    case 'inspector':
      return roles.inspectorTarget;
    case 'other-vdn-agent':
      return roles.otherVdnAgent;
    case 'other-vdn-inspector':
      return roles.otherVdnInspector;
    case 'unconfigured':
      return roles.unconfiguredTarget;
    case 'self':
      return callerIdOf(s, roles);
  }
}

function rawOf(form: IdForm, id: string, mangle: (id: string, how: Mangling) => string): string {
  if (form.kind === 'ok') return id;
  if (form.kind === 'mangled') return mangle(id, form.how);
  return form.raw;
}

/** The raw path IDs of the call (`mangle` writes a refused form of an ID). */
export function rawPathIds(s: QcScenario, roles: QcRoles, mangle: (id: string, how: Mangling) => string): { agentid: string; workNo: string } {
  return { agentid: rawOf(s.agentidForm, callerIdOf(s, roles), mangle), workNo: rawOf(s.workNoForm, targetIdOf(s, roles), mangle) };
}

/** Whether the target is configured and in another VDN than the caller. */
export function targetInOtherVdn(s: QcScenario): boolean {
  return s.targetKind === 'other-vdn-agent' || s.targetKind === 'other-vdn-inspector';
}

/** Whether the target is configured with the inspection right. */
export function targetIsInspector(s: QcScenario): boolean {
  return s.targetKind === 'inspector' || s.targetKind === 'other-vdn-inspector' || (s.targetKind === 'self' && s.callerKind === 'inspector');
}
