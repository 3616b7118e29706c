/**
 * The abstract model asked about one QC call in a scenario: the scenario's parties become the model's accounts
 * and sessions, and the model answers the call. So the single-call properties (on `src/domain` and over HTTP)
 * hold gateways to the same oracle as the model-based ones.
 */
import { callerIdOf, expectationOfForm, targetIdOf, type QcRoles, type QcScenario } from '../arbitraries/qc-scenario.ts';
import { AbstractGateway, type ModelAccount, type ModelSession, type ModelSettings } from './abstract-model.ts';
import { STATUS } from './documented-rules.ts';

/** The scenario's parties, named by their role (the model needs distinct IDs, not real ones). */
const ROLES: QcRoles = {
  inspector: 'inspector',
  nonInspector: 'non-inspector',
  unconfiguredCaller: 'unconfigured-caller',
  agent: 'agent',
  inspectorTarget: 'inspector-target',
  otherVdnAgent: 'other-vdn-agent',
  otherVdnInspector: 'other-vdn-inspector',
  unconfiguredTarget: 'unconfigured-target',
  otherInspector: 'other-inspector',
  bystander: 'bystander',
};

/** The configured accounts; the unconfigured roles have none. */
const ACCOUNTS: readonly ModelAccount[] = [
  { id: ROLES.inspector, vdn: 1, inspector: true },
  { id: ROLES.nonInspector, vdn: 1, inspector: false },
  { id: ROLES.agent, vdn: 1, inspector: false },
  { id: ROLES.inspectorTarget, vdn: 1, inspector: true },
  { id: ROLES.otherVdnAgent, vdn: 2, inspector: false },
  { id: ROLES.otherVdnInspector, vdn: 2, inspector: true },
  { id: ROLES.otherInspector, vdn: 1, inspector: true },
  { id: ROLES.bystander, vdn: 1, inspector: false },
];

/** The model holding the scenario's state, and the parties of its call. */
export function modelOfScenario(s: QcScenario, settings: ModelSettings): { readonly model: AbstractGateway; readonly caller: string; readonly target: string } {
  const model = new AbstractGateway(ACCOUNTS, settings);
  const caller = callerIdOf(s, ROLES);
  const target = targetIdOf(s, ROLES);
  const idle = { status: STATUS.idle, alwaysOffHook: false };
  const signIn = (id: string, facts: Pick<ModelSession, 'status' | 'alwaysOffHook'>) =>
    model.sessions.set(id, { status: facts.status, alwaysOffHook: facts.alwaysOffHook, barging: null, bargedBy: null, events: [] });
  const barge = (inspector: string, agent: string) => {
    // A barging inspector was idle when it barged; the model reports talking (7) on top of that.
    model.sessions.get(inspector)!.status = STATUS.idle;
    model.sessions.get(inspector)!.barging = agent;
    model.sessions.get(agent)!.bargedBy = inspector;
  };
  if (s.caller) signIn(caller, s.caller);
  if (s.target && s.targetKind !== 'self') signIn(target, s.target);
  if (s.targetBargedBy === 'other-inspector') {
    signIn(ROLES.otherInspector, idle);
    barge(ROLES.otherInspector, target);
  }
  if (s.callerBarging === 'target') barge(caller, target);
  if (s.callerBarging === 'bystander') {
    signIn(ROLES.bystander, idle);
    barge(caller, ROLES.bystander);
  }
  return { model, caller, target };
}

/** What the model answers to the scenario's addinsert or cancel: a retcode, or `http-404`. */
export function expectedQcAnswer(op: 'addInsert' | 'cancelInsert', s: QcScenario, settings: ModelSettings): string {
  const { model, caller, target } = modelOfScenario(s, settings);
  const form = { ids: [expectationOfForm(s.agentidForm), expectationOfForm(s.workNoForm)], fault: s.fault };
  return (op === 'addInsert' ? model.addInsert(caller, target, s.guid, form) : model.cancel(caller, target, s.guid, form)).retcode;
}
