/**
 * Sending a call with a chosen kind of Guid (its own, none, malformed, another agent's, an expired one): the
 * model commands and the conformance property both do it, on the Guids the driver has seen.
 */
import type { AgentSession } from '../../src/client/index.ts';
import type { GuidKind } from '../arbitraries/guid.ts';
import type { GatewayDriver } from './gateway-driver.ts';

/** A Guid that no gateway issues. */
export const MALFORMED_GUID = 'not-a-guid';

/**
 * The Guid a call of `kind` by `id` sends: null for the session's own, undefined for none. Another agent's or an
 * expired Guid falls back to `malformed` while the driver has seen none.
 */
export function guidToSend(driver: GatewayDriver, id: string, kind: GuidKind, malformed = MALFORMED_GUID): string | undefined | null {
  switch (kind) {
    case 'own':
      return null;
    case 'missing':
      return undefined;
    case 'malformed':
      return malformed;
    case 'other-agent':
      return driver.otherGuids(id)[0] ?? malformed;
    case 'expired':
      return driver.staleGuid(id) ?? malformed;
  }
}

/** Runs `act` with `session` sending `guid` (null: its own), then restores its own unless a Set-GUID replaced it. */
export async function withGuid<T>(session: AgentSession, guid: string | undefined | null, act: () => Promise<T>): Promise<T> {
  if (guid === null) return act();
  const own = session.guid;
  session.useGuid(guid);
  try {
    return await act();
  } finally {
    if (session.guid === guid) session.useGuid(own);
  }
}
