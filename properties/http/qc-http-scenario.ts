/**
 * A QC scenario played over HTTP against a mock gateway: the situation is put in place through the admin API
 * (`PUT /__admin/agents/{id}/state`, faults), the call is made with the typed client (which checks every answer
 * against the contract), and the answer is returned as a retcode or `http-404`.
 *
 * The scenario's roles are demo accounts: inspectors 30101–30103 and agents 30201–30203 in VDN 1, inspector 40101
 * and agent 40201 in VDN 2, and IDs that are no account (12345, 23456).
 */
import { GatewayHttpError, type AgentSession } from '../../src/client/index.ts';
import { responseValidators } from '../../src/generated/validators.js';
import { operations } from '../../src/generated/contract.ts';
import { mangleId } from '../arbitraries/agent-id.ts';
import { callerIdOf, rawPathIds, targetIdOf, type QcRoles, type QcScenario } from '../arbitraries/qc-scenario.ts';
import type { InProcessGateway } from '../testing/in-process-gateway.ts';

/** The roles of a scenario on the demo accounts. */
export const DEMO_ROLES: QcRoles = {
  inspector: '30101',
  nonInspector: '30201',
  unconfiguredCaller: '12345',
  agent: '30202',
  inspectorTarget: '30102',
  otherVdnAgent: '40201',
  otherVdnInspector: '40101',
  unconfiguredTarget: '23456',
  otherInspector: '30103',
  bystander: '30203',
};

/** A signed-in demo account whose Guid serves as "another agent's Guid" when no other party is signed in. */
const GUID_DONOR = '30104';

/** What a QC call over HTTP answered. */
export interface HttpQcOutcome {
  /** The retcode, or `http-404`. */
  readonly answer: string;
  /** The raw path IDs and the Guid sent, for messages. */
  readonly sent: { readonly agentid: string; readonly workNo: string; readonly guid: string | undefined };
}

/**
 * Puts the scenario's situation in place, makes the call, and checks the answer against the contract.
 * @throws Error naming the call when the answer is not in the contract (the client throws GatewayContractError for a body the schema refuses)
 */
export async function playQcScenario(gw: InProcessGateway, op: 'addInsert' | 'cancelInsert', s: QcScenario, malformedGuid: string, roles: QcRoles = DEMO_ROLES): Promise<HttpQcOutcome> {
  const { admin } = gw;
  await admin.reset();
  const callerId = callerIdOf(s, roles);
  const targetId = targetIdOf(s, roles);
  const configuredCaller = s.callerKind !== 'unconfigured';
  const guids = new Map<string, string>();
  const put = async (id: string, body: Parameters<typeof admin.putState>[1]) => {
    const g = await admin.putState(id, body);
    if (g !== null) guids.set(id, g);
    else guids.delete(id);
  };
  let stale: string | undefined;
  if (s.guid === 'expired' && configuredCaller) stale = (await admin.putState(callerId, { signedIn: true, status: 4 })) ?? undefined;
  if (s.targetBargedBy === 'other-inspector') await put(roles.otherInspector, { signedIn: true, status: 4 });
  if (s.caller) await put(callerId, { signedIn: true, status: s.callerBarging === 'nothing' ? s.caller.status : 4, alwaysOffHook: s.caller.alwaysOffHook });
  else if (stale !== undefined) await put(callerId, { signedIn: false });
  if (s.target && s.targetKind !== 'self' && s.targetKind !== 'unconfigured') {
    const bargedBy = s.targetBargedBy === 'caller' ? callerId : s.targetBargedBy === 'other-inspector' ? roles.otherInspector : undefined;
    await put(targetId, { signedIn: true, status: s.target.status, alwaysOffHook: s.target.alwaysOffHook, ...(bargedBy ? { bargedBy } : {}) });
  }
  if (s.callerBarging === 'bystander') await put(roles.bystander, { signedIn: true, status: 4, bargedBy: callerId });
  let guid: string | undefined;
  switch (s.guid) {
    case 'own':
      guid = guids.get(callerId);
      break;
    case 'missing':
      guid = undefined;
      break;
    case 'malformed':
      guid = malformedGuid;
      break;
    case 'expired':
      guid = stale ?? malformedGuid;
      break;
    case 'other-agent': {
      const other = [...guids].find(([id]) => id !== callerId)?.[1];
      if (other !== undefined) guid = other;
      else {
        await put(GUID_DONOR, { signedIn: true, status: 4 });
        guid = guids.get(GUID_DONOR);
      }
      break;
    }
  }
  if (s.fault) await admin.setFaults([{ operation: op, retcode: s.fault }]);
  const raw = rawPathIds(s, roles, mangleId);
  const session: AgentSession = gw.client.agent(raw.agentid).useGuid(guid);
  const sent = { ...raw, guid };
  try {
    const reply = op === 'addInsert' ? await session.addInsert(raw.workNo) : await session.cancelInsert(raw.workNo);
    if (!responseValidators[op](reply.body)) throw new Error(`${op} ${JSON.stringify(sent)} answered a body outside the contract: ${JSON.stringify(reply.body)}`);
    if (!operations[op].retcodes.some((r) => r.code === reply.retcode)) throw new Error(`${op} ${JSON.stringify(sent)} answered retcode ${reply.retcode}, which the contract does not list for ${op}`);
    return { answer: reply.retcode, sent };
  } catch (e) {
    if (e instanceof GatewayHttpError && e.status === 404) return { answer: 'http-404', sent };
    throw e;
  }
}
