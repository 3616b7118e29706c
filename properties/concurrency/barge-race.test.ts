import * as fc from 'fast-check';
import { describe } from 'vitest';
import type { AgentSession } from '../../src/client/index.ts';
import { operations } from '../../src/generated/contract.ts';
import { useInProcessGateway } from '../testing/in-process-gateway.ts';
import { propertyTest } from '../testing/property-test.ts';

const INSPECTORS = ['30101', '30102', '30103', '30104'];
const AGENTS = ['30201', '30202'];

/** One inspector's calls, made one after the other; the scheduler interleaves the inspectors. */
interface Script {
  readonly inspector: string;
  readonly calls: readonly { readonly op: 'addInsert' | 'cancelInsert'; readonly agent: string }[];
}

const raceArb = fc
  .record({ inspectors: fc.integer({ min: 2, max: INSPECTORS.length }), agents: fc.integer({ min: 1, max: AGENTS.length }) })
  .chain(({ inspectors, agents }) => {
    const call = fc.record({ op: fc.constantFrom<'addInsert' | 'cancelInsert'>('addInsert', 'addInsert', 'cancelInsert'), agent: fc.constantFrom(...AGENTS.slice(0, agents)) });
    return fc.tuple(...INSPECTORS.slice(0, inspectors).map((inspector) => fc.array(call, { minLength: 1, maxLength: 4 }).map((calls): Script => ({ inspector, calls }))));
  });

describe('concurrent barges and cancels on the mock gateway', () => {
  const getGateway = useInProcessGateway();

  propertyTest(
    {
      id: 'concurrency.barge-race',
      title: 'in any interleaving of barges and cancels by several inspectors, at most one inspector is ever inserted into an agent and the audit stays clean',
      defaultRuns: 300,
      property: fc.asyncProperty(fc.scheduler(), raceArb, async (s, scripts) => {
        const gw = getGateway();
        await gw.admin.reset();
        const ids = [...new Set([...scripts.map((x) => x.inspector), ...AGENTS])];
        const guids = await gw.admin.signIn({ ids, status: 4 });
        const sessions = new Map<string, AgentSession>(scripts.map((x) => [x.inspector, gw.client.agent(x.inspector).useGuid(guids[x.inspector])]));
        const net = new Map<string, number>(AGENTS.map((a) => [a, 0]));
        const barging = new Map<string, number>();
        const answers: string[] = [];
        const play = async (script: Script) => {
          for (const c of script.calls) {
            const label = `${c.op === 'addInsert' ? 'AddInsert' : 'Cancel'}(${script.inspector}→${c.agent})`;
            await s.schedule(Promise.resolve(label), label);
            const session = sessions.get(script.inspector)!;
            const reply = c.op === 'addInsert' ? await session.addInsert(c.agent) : await session.cancelInsert(c.agent);
            answers.push(`${label} ${reply.retcode}`);
            if (!operations[c.op].retcodes.some((r) => r.code === reply.retcode)) throw new Error(`${label} answered ${reply.retcode}, which the contract does not list for ${c.op}`);
            if (reply.retcode === '0') {
              const d = c.op === 'addInsert' ? 1 : -1;
              net.set(c.agent, net.get(c.agent)! + d);
              barging.set(script.inspector, (barging.get(script.inspector) ?? 0) + d);
            }
          }
        };
        await s.waitFor(Promise.all(scripts.map(play)));
        const problems: string[] = [];
        for (const [agent, n] of net) if (n !== 0 && n !== 1) problems.push(`agent ${agent}: ${n} successful barges more than successful cancels (must be 0 or 1)`);
        for (const [inspector, n] of barging) if (n !== 0 && n !== 1) problems.push(`inspector ${inspector}: ${n} successful barges more than successful cancels (must be 0 or 1)`);
        const snapshot = new Map((await gw.admin.snapshot()).map((a) => [a.id, a]));
        for (const [agent, n] of net) {
          const by = snapshot.get(agent)?.bargedBy ?? null;
          if ((by !== null) !== (n === 1)) problems.push(`agent ${agent} is barged by ${by ?? 'nobody'} after ${n} net successful barge(s)`);
          if (by !== null && snapshot.get(by)?.barging !== agent) problems.push(`agent ${agent} is barged by ${by}, who barges ${snapshot.get(by)?.barging ?? 'nobody'}`);
        }
        const audit = await gw.admin.audit();
        for (const v of audit.violations) problems.push(`audit: ${v.invariant}: ${v.detail}`);
        if (problems.length) throw new Error(`${problems.join('; ')}\nanswers in completion order: ${answers.join(', ')}`);
      }),
    },
    180_000,
  );
});
