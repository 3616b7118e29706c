/**
 * Signs out agents that have not polled for the no-poll limit (120 s by default, EN/cec_07_1202), as a forced
 * sign-out would (ending their barges). Sweeps on a timer that does not keep the process alive.
 */
import { decideNoPollSignOut } from '../domain/sign-out.ts';
import type { GatewayState } from './gateway-state.ts';

/** Runs one sweep now; returns the agents signed out. */
export function sweepSilentAgents(state: GatewayState, limitMs: number, now: number = state.clock()): string[] {
  const out: string[] = [];
  for (const [id, seen] of state.lastSeen) {
    if (now - seen < limitMs) continue;
    const decision = decideNoPollSignOut(state.world, id, state.profile, now);
    if (decision) {
      state.perform(decision, now);
      out.push(id);
    } else {
      state.lastSeen.delete(id);
    }
  }
  return out;
}

/** Sweeps every `min(limit/4, 5 s)`; returns a function that stops it. */
export function startNoPollWatchdog(state: GatewayState, limitMs: number, onSignOut?: (ids: string[]) => void): () => void {
  const every = Math.max(50, Math.min(Math.floor(limitMs / 4), 5000));
  const timer = setInterval(() => {
    const ids = sweepSilentAgents(state, limitMs);
    if (ids.length > 0) onSignOut?.(ids);
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
