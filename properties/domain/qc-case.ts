/**
 * One QC case for the domain properties: a profile (either generation, any allowed answers), the agent IDs of the
 * roles anywhere in that profile's range, two VDNs, and a scenario with some facts pinned.
 */
import * as fc from 'fast-check';
import { PROFILE_NAMES, type Profile } from '../../src/domain/profiles.ts';
import { mangleId } from '../arbitraries/agent-id.ts';
import type { SessionFacts } from '../arbitraries/agent-state.ts';
import { describeProfile, profileOfArb, type ProfileArbOptions } from '../arbitraries/profile.ts';
import { callerIdOf, qcScenarioArb, rawPathIds, targetIdOf, type QcRoles, type QcScenario, type ScenarioPins } from '../arbitraries/qc-scenario.ts';
import { vdnPairArb } from '../arbitraries/vdn.ts';
import { DOCUMENTED_ID_RANGES, type DocumentedIdRange } from '../model/documented-rules.ts';
import { rolesArb, type Vdns } from './qc-world.ts';

export interface QcCase {
  readonly profile: Profile;
  readonly roles: QcRoles;
  readonly vdns: Vdns;
  readonly scenario: QcScenario;
}

/** Pins, or pins that depend on the profile's ID range (for ID forms). */
export type CasePins = ScenarioPins | ((range: DocumentedIdRange) => ScenarioPins);

/** Cases with the given pins; `qcOnInspectors` pins the profile's "Support QC on QC Inspectors" switch. */
export function qcCaseArb(pins: CasePins = {}, options: ProfileArbOptions = {}): fc.Arbitrary<QcCase> {
  const perGeneration = PROFILE_NAMES.map((name) => {
    const range = DOCUMENTED_ID_RANGES[name];
    const scenarioPins = typeof pins === 'function' ? pins(range) : pins;
    return fc.record({ profile: profileOfArb(name, options), roles: rolesArb(range), vdns: vdnPairArb(), scenario: qcScenarioArb(range, scenarioPins) });
  });
  return fc.oneof(...perGeneration).map((c) => Object.defineProperty(c, fc.toStringMethod, { value: () => describeQcCase(c), enumerable: false }));
}

function describeState(facts: SessionFacts | null): string {
  if (facts === null) return 'signed out';
  const name = { 3: 'busy', 4: 'idle', 5: 'wrap-up', 7: 'talking', 8: 'rest' }[facts.status];
  return `${name} (${facts.status})${facts.alwaysOffHook ? ', always off-hook' : ''}`;
}

/** A case in one line, as counterexamples print it. */
export function describeQcCase(c: QcCase): string {
  const s = c.scenario;
  const profile = describeProfile(c.profile);
  const callerId = callerIdOf(s, c.roles);
  const targetId = targetIdOf(s, c.roles);
  const targetVdn = s.targetKind.startsWith('other-vdn') ? c.vdns.other : c.vdns.own;
  const raw = rawPathIds(s, c.roles, mangleId);
  const barging = s.callerBarging === 'nothing' ? '' : `, barging ${s.callerBarging === 'target' ? targetId : `bystander ${c.roles.bystander}`}`;
  const bargedBy = s.targetBargedBy === 'nobody' ? '' : `, barged by ${s.targetBargedBy === 'caller' ? callerId : `inspector ${c.roles.otherInspector}`}`;
  return [
    `profile ${profile}`,
    `caller ${s.callerKind} ${callerId} (VDN ${c.vdns.own}) ${describeState(s.caller)}${barging}`,
    `target ${s.targetKind} ${targetId}${s.targetKind === 'unconfigured' || s.targetKind === 'self' ? '' : ` (VDN ${targetVdn})`} ${s.targetKind === 'self' ? '' : describeState(s.target)}${bargedBy}`,
    `call agentid=${JSON.stringify(raw.agentid)} workNo=${JSON.stringify(raw.workNo)}, Guid ${s.guid}, ${s.fault ? `CTI fault ${s.fault}` : 'no CTI fault'}`,
  ].join('; ');
}

/** How a decision answered: its retcode, or `http-404`. */
export function outcomeOf(decision: { readonly httpStatus: number; readonly retcode: string }): string {
  return decision.httpStatus === 404 ? 'http-404' : decision.retcode;
}
