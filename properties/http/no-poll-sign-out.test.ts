import * as fc from 'fast-check';
import { describe } from 'vitest';
import type { AgentSession } from '../../src/client/index.ts';
import type { MockGateway } from '../../src/gateway/index.ts';
import { sweepSilentAgents } from '../../src/gateway/no-poll-watchdog.ts';
import type { AdminClient } from '../../src/client/admin-client.ts';
import { failure, traced, Wait, type ClockedModel, type ClockedReal } from '../model/clocked-commands.ts';
import { DOCUMENTED } from '../model/documented-rules.ts';
import { useInProcessGateway } from '../testing/in-process-gateway.ts';
import { propertyTest } from '../testing/property-test.ts';

// EN/cec_07_1202: "If there is no event poll for 2 minutes, the agent is signed out." The mock's watchdog sweeps
// on a timer; here the clock is the test's and the sweep is called at chosen moments, so every boundary is reached.
// The model is the sentence itself: the last poll (or the sign-in) of each agent, and who barges whom.
const LIMIT_MS = 120_000;
const INSPECTOR = { id: '30101', password: 'demo', phonenum: '88830101' };
const AGENTS = [
  { id: '30201', password: 'demo', phonenum: '88830201' },
  { id: '30202', password: 'demo', phonenum: '88830202' },
];
const EVERYONE = [INSPECTOR, ...AGENTS];

interface SilenceModel extends ClockedModel {
  /** Last poll or sign-in, of the agents the model holds signed in. */
  readonly lastSeen: Map<string, number>;
  /** The agent the inspector barges into, if any. */
  barging: string | null;
}

interface SilenceReal extends ClockedReal {
  readonly gw: MockGateway;
  readonly admin: AdminClient;
  readonly sessions: ReadonlyMap<string, AgentSession>;
}


/** Compares the mock's agents (who is signed in, who barges whom) and its audit with the model. */
async function expectSameState(m: SilenceModel, r: SilenceReal): Promise<void> {
  const snapshot = await r.admin.snapshot(true);
  for (const { id } of EVERYONE) {
    const agent = snapshot.find((a) => a.id === id);
    const expected = m.lastSeen.has(id);
    if (agent?.signedIn !== expected) throw failure(m, `expected agent ${id} ${expected ? 'signed in' : 'signed out'}, the mock has it ${agent?.signedIn ? 'signed in' : 'signed out'}`);
  }
  const barging = snapshot.find((a) => a.id === INSPECTOR.id)?.barging ?? null;
  if (barging !== m.barging) throw failure(m, `expected the inspector to barge into ${m.barging ?? 'nobody'}, the mock says ${barging ?? 'nobody'}`);
  const audit = await r.admin.audit();
  if (audit.violationCount !== 0) throw failure(m, `the audit saw ${audit.violationCount} violation(s): ${audit.violations[0]?.detail}`);
}

class Poll implements fc.AsyncCommand<SilenceModel, SilenceReal> {
  constructor(readonly agentId: string) {}
  check = () => true;
  async run(m: SilenceModel, r: SilenceReal): Promise<void> {
    await traced(m, this.toString(), async () => {
      const reply = await r.sessions.get(this.agentId)!.pollEvent();
      const expected = m.lastSeen.has(this.agentId) ? '0' : DOCUMENTED.notSignedIn;
      if (reply.retcode !== expected) throw failure(m, `expected ${expected} got ${reply.retcode}`);
      if (expected === '0') m.lastSeen.set(this.agentId, m.now);
    });
  }
  toString = () => `Poll(${this.agentId})`;
}

class Sweep implements fc.AsyncCommand<SilenceModel, SilenceReal> {
  check = () => true;
  async run(m: SilenceModel, r: SilenceReal): Promise<void> {
    await traced(m, this.toString(), async () => {
      const out = sweepSilentAgents(r.gw.state, LIMIT_MS, m.now).sort();
      const expected = [...m.lastSeen].filter(([, seen]) => m.now - seen >= LIMIT_MS).map(([id]) => id).sort();
      if (out.join() !== expected.join()) throw failure(m, `expected the sweep to sign out [${expected.join(', ')}], it signed out [${out.join(', ')}]`);
      for (const id of expected) m.lastSeen.delete(id);
      if (m.barging !== null && (!m.lastSeen.has(INSPECTOR.id) || !m.lastSeen.has(m.barging))) m.barging = null;
      await expectSameState(m, r);
    });
  }
  toString = () => 'Sweep';
}

const wait = fc
  .oneof(fc.constantFrom(0, LIMIT_MS - 1, LIMIT_MS, LIMIT_MS + 1, LIMIT_MS / 2), fc.integer({ min: 0, max: LIMIT_MS + 10_000 }))
  .map((ms) => new Wait<SilenceModel, SilenceReal>(ms));
const poll = fc.constantFrom(...EVERYONE.map((a) => new Poll(a.id)));
const commands = fc.commands([wait, poll, fc.constant(new Sweep())], { maxCommands: 25, size: 'max' });

describe('the no-poll sign-out on the mock gateway', () => {
  let clock = 1_764_000_000_000;
  const gateway = useInProcessGateway({ auth: 'static', signOutAfterMs: 10 ** 9, clock: () => clock });

  propertyTest({
    id: 'http.no-poll-sign-out',
    title: 'an agent is signed out once it has not polled for 2 minutes, not before, and its barge ends with it',
    defaultRuns: 100,
    property: fc.asyncProperty(fc.constantFrom(...AGENTS.map((a) => a.id)), commands, async (target, cmds) => {
      const { mock: gw, admin, client } = gateway();
      await admin.reset();
      const sessions = new Map<string, AgentSession>();
      for (const account of EVERYONE) {
        const session = client.agent(account.id);
        (await session.signIn({ password: account.password, phonenum: account.phonenum })).expectOk();
        sessions.set(account.id, session);
      }
      (await sessions.get(INSPECTOR.id)!.sayFree()).expectOk();
      (await sessions.get(INSPECTOR.id)!.addInsert(target)).expectOk();
      const model: SilenceModel = { now: clock, lastSeen: new Map(EVERYONE.map((a) => [a.id, clock])), barging: target, trace: [`SignIn(all) → AddInsert(${INSPECTOR.id}→${target})`] };
      await fc.asyncModelRun(() => ({ model, real: { gw, admin, sessions, setClock: (now: number) => (clock = now) } }), cmds);
    }),
  });
});
