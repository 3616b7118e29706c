/**
 * Fixtures for the tests of witnesses: one account for every role, an unconfigured ID, and parties that know every
 * account (so no witness is left out for want of a vouched-for ID).
 */
import type { AgentAccount } from '../agent.ts';
import type { WitnessParties } from '../expect-witness.ts';
import type { AgentRole } from '../roles.ts';

export const ACCOUNTS: Readonly<Record<AgentRole, AgentAccount>> = {
  inspector: { id: '30101', vdn: 1, inspector: true, phone: '88830101', password: 'pw-a' },
  otherInspector: { id: '30102', vdn: 1, inspector: true, phone: '88830102', password: 'pw-b' },
  target: { id: '30201', vdn: 1, inspector: false, phone: '88830201', password: 'pw-c' },
  nonInspector: { id: '30202', vdn: 1, inspector: false, phone: '88830202', password: 'pw-d' },
  otherVdnTarget: { id: '40201', vdn: 2, inspector: false, phone: '88840201', password: 'pw-e' },
};
const BY_ID = new Map(Object.values(ACCOUNTS).map((a) => [a.id, a]));

export const PARTIES: WitnessParties = { account: (role) => ACCOUNTS[role], unconfiguredId: '50000', isUnconfigured: (id) => !BY_ID.has(id), lookup: (id) => BY_ID.get(id), knowsEveryAccount: true };
