/**
 * Rules every operation shares: IDs in the path, and the caller's sign-in and Guid.
 *
 * @example
 * ```ts
 * const rules = [...pathIdRules(['agentid', 'workNo']), ...callerRules('the inspector')];
 * ```
 */
import { type AgentView } from './agent.ts';
import type { AuthCheck } from './decision.ts';
import { checkAgentId, type IdCheck } from './ids.ts';
import type { Profile } from './profiles.ts';
import { documented, inferred } from './provenance.ts';
import type { Rule, RuleContext } from './rules.ts';
import type { Retcode } from './retcodes.ts';

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
export function pathIdRules<C extends PathContext>(params: readonly string[]): Rule<C>[] {
  const pattern = params.map(
    (param): Rule<C> => ({
      id: `pathMismatch.${param}`,
      title: `${param} does not match the gateway's path pattern`,
      provenance: inferred('RESTEasy path regexes reject such IDs before any resource runs', 'ccgw-endpoints.txt'),
      answer: { setting: 'pathMismatch' },
      applies: (c) => c.ids[param]?.kind === 'pattern',
      detail: (c) => describeBadId(param, c.ids[param]),
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
    }),
  );
  return [...pattern, ...range];
}

function describeBadId(param: string, check: IdCheck | undefined): string | undefined {
  if (!check || check.kind === 'ok') return undefined;
  return `${param} ${JSON.stringify(check.raw)} ${check.reason}`;
}

/** The caller is signed in and sent its own, current Guid. */
export function callerRules<C extends CallerContext>(who: string): Rule<C>[] {
  return [
    {
      id: 'notSignedIn',
      title: `${who} is not signed in`,
      provenance: documented('EN/cec_07_0580', 'The agent is not signed in.'),
      answer: { retcode: '100-006' },
      applies: (c) => c.caller?.session == null,
    },
    {
      id: 'guidMismatch',
      title: `the Guid is missing, unknown, expired or another agent's`,
      provenance: documented('EN/cec_07_0005', 'The gateway compares it with the value it issued. On mismatch it returns 100-006 or 000-003.'),
      answer: { setting: 'guidMismatch' },
      applies: (c) => c.auth !== 'valid',
      detail: (c) => (c.auth === 'missing' ? 'no Guid header was sent' : 'the Guid header does not match the one issued to this agent'),
    },
  ];
}

/** A CTI fault injected for this call (the mock's fault settings), applied after every state check. */
export function ctiFaultRule<C extends RuleContext>(): Rule<C> {
  return {
    id: 'ctiFault',
    title: 'the CTI failed (injected fault)',
    provenance: inferred('the gateway checks state first and then calls the CTI, which may fail', 'EN/cec_07_0580'),
    answer: { injectedFault: true },
    applies: (c) => c.fault !== undefined,
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

/**
 * The context of a call by `agentid` about `workNo`: the common context and the target agent. Built as one object
 * literal: a spread (`{ ...base, target }`) would call into V8's runtime on every call of the mock's hot path.
 *
 * @example
 * ```ts
 * const c = targetContext(profile, world, { agentid: '30169', workNo: '30170', auth: 'valid' });
 * c.target?.session?.bargedBy; // null
 * ```
 */
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
