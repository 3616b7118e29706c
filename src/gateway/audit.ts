/**
 * An independent check of the invariants after every change of state: at most one inspector inserted into an
 * agent; barge links are mutual; both parties of a barge are signed in. It keeps its own index of who barges
 * whom, so a race or a wrong rule that breaks an invariant is seen even if the rules think all is well. After a
 * decision it checks the agents it changed and the agents their inspectors stopped barging (an inspector signed
 * out with its target still pointing at it).
 */
import type { AgentSession } from '../domain/agent.ts';
import type { SessionChange, WorldView } from '../domain/decision.ts';

export interface Violation {
  readonly at: string;
  readonly invariant: 'one-inspector-per-agent' | 'mutual-barge-link' | 'barge-parties-signed-in';
  readonly detail: string;
}

const MAX_KEPT = 1000;

export class Audit {
  /** Inspectors inserted into each agent (a short array: it holds one, unless something is wrong). */
  readonly #bargers = new Map<string, string[]>();
  /** The agent each inspector barges into; undefined once it stopped. */
  readonly #barging = new Map<string, string | undefined>();
  /** Agents an inspector stopped barging during the decision being applied (see `checkLinks`). */
  readonly #formerTargets: string[] = [];
  #violations: Violation[] = [];
  #count = 0;
  #checks = 0;

  constructor(readonly clock: () => number = Date.now) {}

  /** Records that `agentId` now has `session` and checks the invariants it touches. */
  observe(agentId: string, session: AgentSession | null, world: WorldView): void {
    this.#checks++;
    const before = this.#barging.get(agentId);
    const after = session?.barging ?? undefined;
    if (before === after) return;
    // Entries are updated in place, never deleted: an agent barges and stops many times, and a map whose entries
    // come and go has to be rebuilt now and then.
    this.#barging.set(agentId, after);
    if (before !== undefined) {
      this.#formerTargets.push(before); // must no longer point back at agentId: checked with the decision's links
      const inspectors = this.#bargers.get(before);
      const at = inspectors ? inspectors.indexOf(agentId) : -1;
      if (at >= 0) {
        inspectors![at] = inspectors![inspectors!.length - 1]!;
        inspectors!.pop();
      }
    }
    if (after !== undefined) {
      let inspectors = this.#bargers.get(after);
      if (!inspectors) this.#bargers.set(after, (inspectors = []));
      if (!inspectors.includes(agentId)) inspectors.push(agentId);
      if (inspectors.length > 1) this.#violate('one-inspector-per-agent', `agent ${after} has ${inspectors.length} inspectors inserted: ${inspectors.join(', ')}`);
    }
    // Links are checked once the decision is fully applied; see `checkLinks`.
  }

  /**
   * Checks the barge links of the agents a decision changed, and of the agents their inspectors stopped barging
   * (called once its changes are all applied).
   */
  checkLinks(changes: readonly SessionChange[], world: WorldView): void {
    for (const change of changes) this.#checkAgent(change.agent, world);
    for (const id of this.#formerTargets) if (!changedIn(changes, id)) this.#checkAgent(id, world);
    this.#formerTargets.length = 0;
  }

  #checkAgent(id: string, world: WorldView): void {
    const s = world.agent(id)?.session;
    const inspectors = this.#bargers.get(id);
    if (!s) {
      if (inspectors && inspectors.length > 0) this.#violate('barge-parties-signed-in', `agent ${id} is signed out but ${inspectors.join(', ')} still barge into it`);
      const barging = this.#barging.get(id);
      if (barging !== undefined) this.#violate('barge-parties-signed-in', `inspector ${id} is signed out but still barging ${barging}`);
      return;
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
    this.#formerTargets.length = 0;
  }
}

function changedIn(changes: readonly SessionChange[], id: string): boolean {
  for (const change of changes) if (change.agent === id) return true;
  return false;
}
