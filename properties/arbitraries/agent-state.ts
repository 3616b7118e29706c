/**
 * Agent states: signed out, or signed in with a CC-Gateway status (3 busy, 4 idle, 5 wrap-up, 7 talking, 8 rest;
 * EN/cec_07_0581) and a phone that is always off-hook or not (sign-in `releasephone`).
 */
import * as fc from 'fast-check';

/** A status a signed-in agent can have. */
export type SignedInStatus = 3 | 4 | 5 | 7 | 8;

/** A signed-in agent's state. */
export interface SessionFacts {
  readonly status: SignedInStatus;
  readonly alwaysOffHook: boolean;
}

/** Statuses, idle most often (the state in which barges happen). */
export function statusArb(): fc.Arbitrary<SignedInStatus> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant<SignedInStatus>(4) }, { weight: 2, arbitrary: fc.constantFrom<SignedInStatus>(3, 5, 7, 8) });
}

/** A signed-in agent's state. */
export function sessionFactsArb(status: fc.Arbitrary<SignedInStatus> = statusArb()): fc.Arbitrary<SessionFacts> {
  return fc.record({ status, alwaysOffHook: fc.boolean() });
}

/** Signed out (null) or signed in; signed in most often. */
export function agentStateArb(): fc.Arbitrary<SessionFacts | null> {
  return fc.option(sessionFactsArb(), { nil: null, freq: 4 });
}

/** A signed-in, idle agent. */
export function idleSessionArb(): fc.Arbitrary<SessionFacts> {
  return sessionFactsArb(fc.constant(4));
}

/** A signed-in agent that is not idle (busy, wrap-up, talking to a customer, or resting). */
export function notIdleSessionArb(): fc.Arbitrary<SessionFacts> {
  return sessionFactsArb(fc.constantFrom<SignedInStatus>(3, 5, 7, 8));
}
