/**
 * Rules every operation shares: IDs in the path, the caller's sign-in and Guid, and an injected CTI fault. Each takes
 * the operation's plain call (`BaseCall`) to derive its witnesses from.
 */
import { type AgentView } from './agent.ts';
import type { AuthCheck } from './decision.ts';
import { checkAgentId, type IdCheck } from './ids.ts';
import type { Profile } from './profiles.ts';
import { documented, inferred } from './provenance.ts';
import type { AgentRole } from './roles.ts';
import type { Rule, RuleContext } from './rules.ts';
import type { OperationId, Retcode } from './retcodes.ts';
import { GUID_MISMATCH_ANSWER, NOT_SIGNED_IN_ANSWER } from './session-loss.ts';
import { variant, type BaseCall, type PathId, type RoleState, type Situation, type Witness } from './witness.ts';

/** The state most witnesses sign an agent in with: idle. */
export const IDLE: RoleState = { status: 4 };

/** The inspector has barged into the target, both signed in idle before: both are in a conversation. */
export const BARGING: Situation = { signedIn: { inspector: IDLE, target: IDLE }, barges: [{ inspector: 'inspector', target: 'target' }] };

/** The witnesses of a rule about an agent in a conversation: the barging inspector calls, or the barged agent does. */
export function inCallWitnesses(base: BaseCall): Witness[] {
  return [
    variant(base, 'barging-inspector', 'the inspector is barged into an agent', { given: BARGING }),
    variant(base, 'barged-agent', 'an inspector is barged into the agent', { given: BARGING, when: { caller: 'target' } }),
  ];
}

/** IDs that fail the gateway's path pattern, whatever the profile: each names why. */
const PATTERN_MISFITS: readonly { readonly name: string; readonly says: string; readonly id: PathId }[] = [
  { name: 'leading-zero', says: 'has a leading zero (0101)', id: { literal: '0101' } },
  { name: 'zero', says: 'is 0', id: { literal: '0' } },
  { name: 'plus-sign', says: 'has a sign (+101)', id: { literal: '+101' } },
  { name: 'minus-sign', says: 'is negative (-101)', id: { literal: '-101' } },
  { name: 'letters', says: 'is letters (abc)', id: { literal: 'abc' } },
  { name: 'digits-and-letters', says: 'ends in a letter (101a)', id: { literal: '101a' } },
  { name: 'non-ascii-digits', says: 'is 101 in Arabic-Indic digits', id: { literal: '\u0661\u0660\u0661' } },
  { name: 'empty', says: 'is empty', id: { literal: '' } },
  { name: 'very-long', says: 'is 64 digits long', id: { literal: '9'.repeat(64) } },
  { name: 'above-max', says: "is one above the profile's highest ID", id: { bound: 'max+1' } },
];

/** The situation without `role`: it is signed out and takes part in no barge. */
export function without(given: Situation, role: AgentRole): Situation {
  const signedIn = { ...given.signedIn };
  delete signedIn[role];
  const barges = (given.barges ?? []).filter((b) => b.inspector !== role && b.target !== role);
  return { ...given, signedIn, ...(barges.length ? { barges } : { barges: undefined }) };
}

/** The caller of a base call, which must be an account (the shared rows sign it in and out). */
function callerRole(base: BaseCall): AgentRole {
  if (base.when.caller === 'unconfigured') throw new TypeError('a base call is made by an account, not by the unconfigured party');
  return base.when.caller;
}

/** Context of a call whose path carries IDs. */
export interface PathContext extends RuleContext {
  readonly ids: Readonly<Record<string, IdCheck>>;
}

/** Context of a call made by a signed-in agent with a Guid. */
export interface CallerContext extends PathContext {
  /** The agent named by `agentid`; undefined when it is not configured (or the ID is bad). */
  readonly caller: AgentView | undefined;
  readonly auth: AuthCheck;
}

/** Context of a call by `agentid` about another agent, `workNo` (addinsert, cancel). */
export interface TargetContext extends CallerContext {
  /** The agent named by `workNo`; undefined when it is not configured (or the ID is bad). */
  readonly target: AgentView | undefined;
}

/** Checks each raw path ID of a call against the profile's ID rule. */
export function checkPathIds(profile: Profile, raw: Readonly<Record<string, string>>): Record<string, IdCheck> {
  const out: Record<string, IdCheck> = {};
  for (const name in raw) out[name] = checkAgentId(raw[name]!, profile.ids);
  return out;
}

/** The ID of a path parameter when it passed its checks. */
export function okId(context: PathContext, name: string): string | undefined {
  const check = context.ids[name];
  return check?.kind === 'ok' ? check.id : undefined;
}

/**
 * Path ID rules in precedence order: first every parameter against the path regex (the router rejects those
 * before any resource runs), then every parameter against the profile's range.
 */
export function pathIdRules<C extends PathContext>(params: readonly ('agentid' | 'workNo')[], base: BaseCall): Rule<C>[] {
  // A bad ID is refused before anything else is looked at: no one needs to be signed in.
  const bare = (param: string, name: string, says: string, id: PathId): Witness => ({ name, says: `${param} ${says}`, given: {}, when: { ...base.when, guid: 'none', [param]: id } });
  const pattern = params.map(
    (param): Rule<C> => ({
      id: `pathMismatch.${param}`,
      title: `${param} does not match the gateway's path pattern`,
      provenance: inferred('RESTEasy path regexes reject such IDs before any resource runs', 'ccgw-endpoints.txt'),
      answer: { setting: 'pathMismatch' },
      applies: (c) => c.ids[param]?.kind === 'pattern',
      detail: (c) => describeBadId(param, c.ids[param]),
      witnesses: PATTERN_MISFITS.map((m) => bare(param, m.name, m.says, m.id)),
    }),
  );
  const range = params.map(
    (param): Rule<C> => ({
      id: `idOutOfRange.${param}`,
      title: `${param} is outside the profile's ID range`,
      provenance: documented('EN/cec_07_2401', 'The value ranges from 101 to 59999.'),
      answer: { setting: 'idOutOfRange' },
      applies: (c) => c.ids[param]?.kind === 'range',
      detail: (c) => describeBadId(param, c.ids[param]),
      witnesses: [
        bare(param, 'below-min', "is one below the profile's lowest ID", { bound: 'min-1' }),
        bare(param, 'one', 'is 1', { literal: '1' }),
        variant(base, 'at-min', `${param} is the profile's lowest ID`, { when: { [param]: { bound: 'min' } }, expect: 'passes' }),
        variant(base, 'at-max', `${param} is the profile's highest ID`, { when: { [param]: { bound: 'max' } }, expect: 'passes' }),
      ],
    }),
  );
  return [...pattern, ...range];
}

function describeBadId(param: string, check: IdCheck | undefined): string | undefined {
  if (!check || check.kind === 'ok') return undefined;
  return `${param} ${JSON.stringify(check.raw)} ${check.reason}`;
}

/**
 * The caller is signed in and sent its own, current Guid. `rotation` adds the witness of a Guid that expired after a
 * rotation (dynamic authentication; it takes the Guid timeout to produce, so one operation carries it).
 */
export function callerRules<C extends CallerContext>(who: string, base: BaseCall, options: { readonly rotation?: boolean } = {}): Rule<C>[] {
  const caller = callerRole(base);
  const signedOut = without(base.given, caller);
  const other = (Object.keys(base.given.signedIn ?? {}) as AgentRole[]).find((r) => r !== caller);
  const withOther: Situation = other ? base.given : { ...base.given, signedIn: { ...base.given.signedIn, target: IDLE } };
  return [
    {
      id: 'notSignedIn',
      title: `${who} is not signed in`,
      provenance: documented('EN/cec_07_0580', 'The agent is not signed in.'),
      answer: NOT_SIGNED_IN_ANSWER,
      applies: (c) => c.caller?.session == null,
      witnesses: [
        variant(base, 'signed-out', `${who} is signed out and sends no Guid`, { given: signedOut, when: { guid: 'none' } }),
        variant(base, 'ended-session', `${who} signed out and sends the Guid of that session`, { given: signedOut, when: { guid: 'endedSession' } }),
        variant(base, 'unconfigured', `${who} is an ID without an account`, { given: signedOut, when: { caller: 'unconfigured', agentid: { party: 'unconfigured' }, guid: 'none' } }),
      ],
    },
    {
      id: 'guidMismatch',
      title: `the Guid is missing, unknown, expired or another agent's`,
      provenance: documented('EN/cec_07_0005', 'The gateway compares it with the value it issued. On mismatch it returns 100-006 or 000-003.'),
      answer: GUID_MISMATCH_ANSWER,
      applies: (c) => c.auth !== 'valid',
      detail: (c) => (c.auth === 'missing' ? 'no Guid header was sent' : 'the Guid header does not match the one issued to this agent'),
      witnesses: [
        variant(base, 'no-guid', 'no Guid header', { when: { guid: 'none' } }),
        variant(base, 'malformed', 'a Guid header in no Guid format', { when: { guid: 'malformed' } }),
        variant(base, 'another-agents', "another signed-in agent's Guid", { given: withOther, when: { guid: { of: other ?? 'target' } } }),
        variant(base, 'previous-session', 'the Guid of an earlier session (the agent signed in again since)', { when: { guid: 'previousSession' } }),
        ...(options.rotation
          ? [variant(base, 'stale-after-rotation', 'a Guid rotated away and past the Guid timeout (dynamic authentication)', { given: { signedIn: { [caller]: IDLE } }, when: { guid: 'beforeRotation' } })]
          : []),
      ],
    },
  ];
}

/**
 * A CTI fault injected for this call (the mock's fault settings), applied after every state check. `faults` are the
 * retcodes its witnesses inject, per operation of the rows: ones the contract lists for that operation.
 */
export function ctiFaultRule<C extends RuleContext>(base: BaseCall, faults: Readonly<Partial<Record<OperationId, readonly Retcode[]>>>): Rule<C> {
  const witnesses = (Object.entries(faults) as [OperationId, readonly Retcode[]][]).flatMap(([operation, codes]) =>
    codes.map((fault): Witness => ({ ...variant(base, `fault-${fault}`, `the CTI fails with ${fault}`, { given: { ...base.given, fault } }), only: [operation] })),
  );
  return {
    id: 'ctiFault',
    title: 'the CTI failed (injected fault)',
    provenance: inferred('the gateway checks state first and then calls the CTI, which may fail', 'EN/cec_07_0580'),
    answer: { injectedFault: true },
    applies: (c) => c.fault !== undefined,
    witnesses,
  };
}

/** The common context for a call by `agentid` with the given other path IDs. */
export function callerContext(
  profile: Profile,
  world: { agent(id: string): AgentView | undefined },
  rawIds: Readonly<Record<string, string>>,
  auth: AuthCheck,
  fault: Retcode | undefined,
): CallerContext {
  const ids = checkPathIds(profile, rawIds);
  const callerCheck = ids['agentid'];
  const caller = callerCheck?.kind === 'ok' ? world.agent(callerCheck.id) : undefined;
  return { profile, fault, ids, caller, auth };
}

/** The context of a call by `agentid` about `workNo`: the common context and the target agent. */
export function targetContext(
  profile: Profile,
  world: { agent(id: string): AgentView | undefined },
  call: { readonly agentid: string; readonly workNo: string; readonly auth: AuthCheck; readonly fault?: Retcode | undefined },
): TargetContext {
  const callerCheck = checkAgentId(call.agentid, profile.ids);
  const targetCheck = checkAgentId(call.workNo, profile.ids);
  const caller = callerCheck.kind === 'ok' ? world.agent(callerCheck.id) : undefined;
  const target = targetCheck.kind === 'ok' ? world.agent(targetCheck.id) : undefined;
  return { profile, fault: call.fault, ids: { agentid: callerCheck, workNo: targetCheck }, caller, auth: call.auth, target };
}
