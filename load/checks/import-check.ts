/**
 * The k6 import check: proves that k6's own runtime loads `src/domain`, the generated validators and contract
 * table, and the pure load-library modules, and that they compute the same answers there as under Node.
 * No gateway is needed: it makes no HTTP request.
 *
 * It fails (exit code 99, thresholds crossed) when a check fails or the iteration did not reach its end, and
 * k6 itself fails (exit code 107) when a module cannot be resolved or parsed.
 */
import { check } from 'k6';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import {
  DEFAULT_PROFILE,
  GatewayStatus,
  InMemoryWorld,
  checkAgentId,
  decideAddInsert,
  decideCancelInsert,
  decideSignIn,
  isListedFor,
  newSession,
  resolveProfile,
  type AgentAccount,
} from '../../src/domain/index.ts';
import { operations } from '../../src/generated/contract.ts';
import { responseValidators, validateAddInsertResponse, validateGetAgentEventResponse } from '../../src/generated/validators.js';
import { BargeLedger } from '../lib/invariant.ts';
import { executionTuple, ownedIndices } from '../lib/partition.ts';

/** Counts iterations that ran every check to the end; a crash before the end leaves it at 0 and fails the run. */
const completed = new Counter('import_check_completed');

/** Fails the run unless every check passed and the iteration reached its end. */
export const options: Options = {
  thresholds: {
    checks: ['rate==1'],
    import_check_completed: ['count>=1'],
  },
};

const INSPECTOR: AgentAccount = { id: '30169', vdn: 1, inspector: true, phone: '88830169', password: 'import-check' };
const AGENT: AgentAccount = { id: '30170', vdn: 1, inspector: false, phone: '88830170', password: 'import-check' };

function idleWorld(): InMemoryWorld {
  const world = new InMemoryWorld([INSPECTOR, AGENT]);
  for (const id of [INSPECTOR.id, AGENT.id]) world.setSession(id, newSession({ status: GatewayStatus.Idle, alwaysOffHook: false, loginTime: 0 }));
  return world;
}

export default function (): void {
  const now = Date.now();

  check(validateAddInsertResponse, {
    'validator accepts a good addinsert answer': (v) => v({ message: '', retcode: '0', result: {} }),
    'validator rejects an addinsert answer without result': (v) => !v({ message: '', retcode: '0' }),
    'validator rejects an unlisted addinsert retcode': (v) => !v({ message: '', retcode: '100-004', result: {} }),
    'validator reports where the bad answer fails': (v) => {
      v({ message: '', retcode: 0, result: {} });
      return v.errors?.[0]?.instancePath === '/retcode';
    },
    'an event-poll answer with an event validates': () =>
      validateGetAgentEventResponse({ message: '', retcode: '0', event: { eventType: 'AgentState_Busy', workNo: '30169', content: null } }),
    'every operation has a response validator': () => Object.keys(operations).every((op) => typeof (responseValidators as Record<string, unknown>)[op] === 'function'),
  });

  check(DEFAULT_PROFILE, {
    'checkAgentId accepts 30169': (p) => checkAgentId('30169', p.ids).kind === 'ok',
    'checkAgentId rejects a leading zero (path pattern)': (p) => checkAgentId('030169', p.ids).kind === 'pattern',
    'checkAgentId rejects 50 (range)': (p) => checkAgentId('50', p.ids).kind === 'range',
    'resolveProfile knows ccgw-2025': () => resolveProfile('ccgw-2025').ids.max === 999999,
    'the contract lists 900-005 for addInsert': () => isListedFor('addInsert', '900-005'),
  });

  const world = idleWorld();
  const barge = decideAddInsert(world, { agentid: INSPECTOR.id, workNo: AGENT.id, auth: 'valid' }, DEFAULT_PROFILE, now);
  world.apply(barge);
  const second = decideAddInsert(world, { agentid: INSPECTOR.id, workNo: AGENT.id, auth: 'valid' }, DEFAULT_PROFILE, now);
  const cancel = decideCancelInsert(world, { agentid: INSPECTOR.id, workNo: AGENT.id, auth: 'valid' }, DEFAULT_PROFILE, now);
  world.apply(cancel);
  const signIn = decideSignIn(new InMemoryWorld([INSPECTOR]), { agentid: INSPECTOR.id, body: { password: 'import-check', phonenum: '88830169' }, force: false }, DEFAULT_PROFILE, now);

  check(barge, {
    'decideAddInsert lets an idle inspector barge a signed-in agent': (d) => d.retcode === '0' && d.rule === 'addInsert.ok',
    'decideAddInsert sends Busy, PhoneAlerting, PhoneOffhook to the inspector': (d) =>
      d.deliveries.filter((x) => x.to === INSPECTOR.id).map((x) => x.event.eventType).join() === 'AgentState_Busy,AgentOther_PhoneAlerting,AgentOther_PhoneOffhook',
    'a second barge by the now-talking inspector is refused (900-005)': () => second.retcode === '900-005',
    'decideCancelInsert ends the barge': () => cancel.retcode === '0' && world.agent(INSPECTOR.id)?.session?.status === GatewayStatus.Idle,
    'InMemoryWorld iterates its agents': () => [...world.agents()].length === 2 && world.signedInCount === 2,
    'decideSignIn signs a configured agent in': () => signIn.retcode === '0' && signIn.signedIn === INSPECTOR.id,
  });

  const ledger = new BargeLedger();
  ledger.barge('30170', 'import-check');
  ledger.cancel('30170', 'import-check');
  check(null, {
    'partition stripes like k6': () => ownedIndices(executionTuple('1/2:1', '0,1/2,1'), 5).join() === '1,3',
    'the barge ledger balances a barge and its cancel': () => ledger.violations().length === 0 && ledger.open().length === 0,
  });

  completed.add(1);
}
