import * as fc from 'fast-check';
import { describe } from 'vitest';
import type { AgentSession } from '../../src/client/index.ts';
import { DEFAULT_ANSWERS } from '../model/documented-rules.ts';
import { failure, traced, Wait, type ClockedModel, type ClockedReal } from '../model/clocked-commands.ts';
import { useInProcessGateway } from '../testing/in-process-gateway.ts';
import { propertyTest } from '../testing/property-test.ts';

// EN/cec_07_0005: under dynamic authentication the Guid is rotated every GUIDINTERVAL (60 s) and the new one is
// sent in Set-GUID on the event-poll answer; every Guid is valid for GUIDTIMEOUT (120 s) after it was issued.
const GUID_INTERVAL_MS = 60_000;
const GUID_TIMEOUT_MS = 120_000;
const AGENT = { id: '30101', password: 'demo', phonenum: '88830101' };

/** The test's model of one agent's Guids: the ones issued, when, and which one the client holds. */
interface GuidModel extends ClockedModel {
  /** Issued Guids, oldest first, with their issue time. */
  readonly issued: { readonly guid: string; readonly at: number }[];
  held: string;
}

interface GuidReal extends ClockedReal {
  readonly session: AgentSession;
}

const valid = (m: GuidModel, guid: string) => {
  const last = m.issued.length - 1;
  const i = m.issued.findIndex((x) => x.guid === guid);
  // Only the current Guid and the one before it are kept; each lasts GUIDTIMEOUT from its issue.
  return i >= last - 1 && i >= 0 && m.now < m.issued[i]!.at + GUID_TIMEOUT_MS;
};

class Poll implements fc.AsyncCommand<GuidModel, GuidReal> {
  check = () => true;
  async run(m: GuidModel, r: GuidReal): Promise<void> {
    await traced(m, this.toString(), () => this.#poll(m, r));
  }

  async #poll(m: GuidModel, r: GuidReal): Promise<void> {
    const ok = valid(m, m.held);
    const current = m.issued[m.issued.length - 1]!;
    const reply = await r.session.pollEvent();
    const expected = ok ? '0' : DEFAULT_ANSWERS.guidMismatch;
    if (reply.retcode !== expected) throw failure(m, `expected ${expected} got ${reply.retcode}`);
    if (!ok) return;
    if (m.now >= current.at + GUID_INTERVAL_MS) {
      const fresh = r.session.guid!;
      if (m.issued.some((x) => x.guid === fresh)) throw failure(m, `expected a new Guid in Set-GUID (the current one is ${(m.now - current.at) / 1000} s old) got ${m.held === fresh ? 'none' : 'an old one'}`);
      m.issued.push({ guid: fresh, at: m.now });
    } else if (r.session.guid !== current.guid) {
      throw failure(m, `expected the client to hold the current Guid after the poll (sent in Set-GUID when it polled with the previous one)`);
    }
    m.held = r.session.guid!;
  }
  toString = () => 'Poll';
}

class Status implements fc.AsyncCommand<GuidModel, GuidReal> {
  /** `held`: the Guid the client holds; `first`: the one issued at sign-in. */
  constructor(readonly which: 'held' | 'first') {}
  check = () => true;
  async run(m: GuidModel, r: GuidReal): Promise<void> {
    await traced(m, this.toString(), async () => {
      const guid = this.which === 'held' ? m.held : m.issued[0]!.guid;
      const expected = valid(m, guid) ? '0' : DEFAULT_ANSWERS.guidMismatch;
      const own = r.session.guid;
      r.session.useGuid(guid);
      try {
        const reply = await r.session.agentStatus();
        if (reply.retcode !== expected) throw failure(m, `expected ${expected} got ${reply.retcode}`);
      } finally {
        r.session.useGuid(own);
      }
    });
  }
  toString = () => `Status(${this.which === 'held' ? 'Guid held' : 'first Guid'})`;
}

const wait = fc
  .oneof(
    fc.constantFrom(0, 1_000, GUID_INTERVAL_MS - 1, GUID_INTERVAL_MS, GUID_INTERVAL_MS + 1, GUID_TIMEOUT_MS - 1, GUID_TIMEOUT_MS, GUID_TIMEOUT_MS + 1),
    fc.integer({ min: 0, max: GUID_TIMEOUT_MS + 10_000 }),
  )
  .map((ms) => new Wait<GuidModel, GuidReal>(ms));
const commands = fc.commands([wait, fc.constant(new Poll()), fc.constantFrom(new Status('held'), new Status('first'))], { maxCommands: 20, size: 'max' });

describe('Guids under dynamic authentication on the mock gateway', () => {
  let clock = 1_764_000_000_000;
  const gateway = useInProcessGateway({ auth: 'dynamic', guidIntervalMs: GUID_INTERVAL_MS, guidTimeoutMs: GUID_TIMEOUT_MS, signOutAfterMs: 10 ** 9, clock: () => clock });

  propertyTest({
    id: 'http.guid.lifecycle',
    title: 'a Guid is accepted until GUIDTIMEOUT after it was issued, a poll after GUIDINTERVAL brings a new one, and older ones are refused',
    defaultRuns: 200,
    property: fc.asyncProperty(commands, async (cmds) => {
      const { admin, client } = gateway();
      await admin.reset();
      const session = client.agent(AGENT.id);
      (await session.signIn({ password: AGENT.password, phonenum: AGENT.phonenum })).expectOk();
      const model: GuidModel = { now: clock, issued: [{ guid: session.guid!, at: clock }], held: session.guid!, trace: ['SignIn'] };
      await fc.asyncModelRun(() => ({ model, real: { session, setClock: (now: number) => (clock = now) } }), cmds);
    }),
  });
});
