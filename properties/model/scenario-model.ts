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

/** The configured accounts of `roles`; the unconfigured roles have none. */
function accountsOf(roles: QcRoles): ModelAccount[] {
  return [
    { id: roles.inspector, vdn: 1, inspector: true },
    { id: roles.nonInspector, vdn: 1, inspector: false },
    { id: roles.agent, vdn: 1, inspector: false },
    { id: roles.inspectorTarget, vdn: 1, inspector: true },
    { id: roles.otherVdnAgent, vdn: 2, inspector: false },
    { id: roles.otherVdnInspector, vdn: 2, inspector: true },
    { id: roles.otherInspector, vdn: 1, inspector: true },
    { id: roles.bystander, vdn: 1, inspector: false },
  ];
}

/** The model holding the scenario's state (its parties named as in `roles`), and the parties of its call. */
export function modelOfScenario(s: QcScenario, settings: ModelSettings, roles: QcRoles = ROLES): { readonly model: AbstractGateway; readonly caller: string; readonly target: string } {
  const model = new AbstractGateway(accountsOf(roles), settings);
  const caller = callerIdOf(s, roles);
  const target = targetIdOf(s, roles);
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
    signIn(roles.otherInspector, idle);
    barge(roles.otherInspector, target);
  }
  if (s.callerBarging === 'target') barge(caller, target);
  if (s.callerBarging === 'bystander') {
    signIn(roles.bystander, idle);
    barge(caller, roles.bystander);
  }
  return { model, caller, target };
}

/** What the model answers to the scenario's addinsert or cancel: a retcode, or `http-404`. */
export function expectedQcAnswer(op: 'addInsert' | 'cancelInsert', s: QcScenario, settings: ModelSettings): string {
  const { model, caller, target } = modelOfScenario(s, settings);
  const form = { ids: [expectationOfForm(s.agentidForm), expectationOfForm(s.workNoForm)], fault: s.fault };
  return (op === 'addInsert' ? model.addInsert(caller, target, s.guid, form) : model.cancel(caller, target, s.guid, form)).retcode;
}
