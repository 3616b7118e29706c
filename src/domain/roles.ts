/**
 * The parts agents play in the situations the rules describe: an inspector, a second inspector, an agent of the
 * inspector's VDN, a second such agent, an agent of another VDN, and an ID that has no account at all. Test accounts
 * of a fixtures file are cast to these roles; the rule rows' witnesses (src/domain/witness.ts) name them.
 */

/** The roles an account of a fixtures file can play. */
export const AGENT_ROLES = ['inspector', 'otherInspector', 'target', 'nonInspector', 'otherVdnTarget'] as const;

/** One role an account plays. */
export type AgentRole = (typeof AGENT_ROLES)[number];

/** What each role requires of its account, as a phrase for messages naming what a fixtures file lacks. */
export const ROLE_REQUIREMENTS: Readonly<Record<AgentRole, string>> = {
  inspector: 'an agent with the inspection right',
  otherInspector: "a second agent with the inspection right in the inspector's VDN",
  target: "an agent without the inspection right in the inspector's VDN",
  nonInspector: "a second agent without the inspection right in the inspector's VDN",
  otherVdnTarget: 'an agent without the inspection right in another VDN than the inspector',
};

/** A party of a call: an account playing a role, or `unconfigured`, an agent ID that has no account on the gateway. */
export type Party = AgentRole | 'unconfigured';

/** What the `unconfigured` party requires, for the same messages. */
export const UNCONFIGURED_REQUIREMENT = 'an agent ID in the profile\'s range that has no account on the gateway (fixtures "unconfiguredIds")';
