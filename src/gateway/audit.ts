/**
 * An independent check of the invariants after every change of state: at most one inspector inserted into an
 * agent; barge links are mutual; both parties of a barge are signed in. It keeps its own index of who barges
 * whom, so a race or a wrong rule that breaks an invariant is seen even if the rules think all is well.
 *
 * @example
 * ```ts
 * audit.observe('30169', session, world); // after each setSession
 * audit.report(); // { checks: 1, violations: [] }
 * ```
 */
import type { AgentSession } from '../domain/agent.ts';
import type { WorldView } from '../domain/decision.ts';

export interface Violation {
  readonly at: string;
  readonly invariant: 'one-inspector-per-agent' | 'mutual-barge-link' | 'barge-parties-signed-in';
  readonly detail: string;
}

const MAX_KEPT = 1000;

export class Audit {
  /** Inspectors inserted into each agent (a short array: it holds one, unless something is wrong). */
  readonly #bargers = new Map<string, string[]>();
  readonly #barging = new Map<string, string>();
  #violations: Violation[] = [];
  #count = 0;
  #checks = 0;

  constructor(readonly clock: () => number = Date.now) {}

  /** Records that `agentId` now has `session` and checks the invariants it touches. */
  observe(agentId: string, session: AgentSession | null, world: WorldView): void {
    this.#checks++;
    const before = this.#barging.get(agentId);
    const after = session?.barging ?? undefined;
    if (before !== after) {
      if (before !== undefined) {
        const inspectors = this.#bargers.get(before);
        const at = inspectors ? inspectors.indexOf(agentId) : -1;
        if (at >= 0) inspectors!.splice(at, 1);
        this.#barging.delete(agentId);
      }
      if (after !== undefined) {
        let inspectors = this.#bargers.get(after);
        if (!inspectors) this.#bargers.set(after, (inspectors = []));
        if (!inspectors.includes(agentId)) inspectors.push(agentId);
        this.#barging.set(agentId, after);
        if (inspectors.length > 1) this.#violate('one-inspector-per-agent', `agent ${after} has ${inspectors.length} inspectors inserted: ${inspectors.join(', ')}`);
      }
    }
    // Links are checked once the decision is fully applied; see `checkLinks`.
  }

  /** Checks the barge links of the given agents (called after a decision's changes are all applied). */
  checkLinks(agentIds: Iterable<string>, world: WorldView): void {
    for (const id of agentIds) {
      const s = world.agent(id)?.session;
      const inspectors = this.#bargers.get(id);
      if (!s) {
        if (inspectors && inspectors.length > 0) this.#violate('barge-parties-signed-in', `agent ${id} is signed out but ${inspectors.join(', ')} still barge into it`);
        if (this.#barging.has(id)) this.#violate('barge-parties-signed-in', `inspector ${id} is signed out but still barging ${this.#barging.get(id)}`);
        continue;
      }
      if (s.barging !== null) {
        const t = world.agent(s.barging)?.session;
        if (!t) this.#violate('barge-parties-signed-in', `inspector ${id} barges into ${s.barging}, which is not signed in`);
        else if (t.bargedBy !== id) this.#violate('mutual-barge-link', `inspector ${id} barges into ${s.barging}, whose bargedBy is ${t.bargedBy}`);
      }
      if (s.bargedBy !== null) {
        const i = world.agent(s.bargedBy)?.session;
        if (!i || i.barging !== id) this.#violate('mutual-barge-link', `agent ${id} is barged by ${s.bargedBy}, who barges into ${i?.barging ?? '(not signed in)'}`);
      }
    }
  }

  #violate(invariant: Violation['invariant'], detail: string): void {
    this.#count++;
    if (this.#violations.length < MAX_KEPT) this.#violations.push({ at: new Date(this.clock()).toISOString(), invariant, detail });
  }

  report(): { checks: number; violationCount: number; violations: Violation[] } {
    return { checks: this.#checks, violationCount: this.#count, violations: [...this.#violations] };
  }

  /** Clears the record (the index is rebuilt from observations). */
  reset(): void {
    this.#violations = [];
    this.#count = 0;
    this.#checks = 0;
    this.#bargers.clear();
    this.#barging.clear();
  }
}
