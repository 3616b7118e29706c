/**
 * Ending the barges an agent takes part in, when its session ends without a cancel (forced sign-out, a forced
 * sign-in elsewhere, or the two-minute no-poll sign-out). The other party is told as a cancel would tell it.
 */
import { GatewayStatus, sessionWith, type AgentSession } from './agent.ts';
import type { Delivery, SessionChange, WorldView } from './decision.ts';
import { gatewayEvents } from './events.ts';

/** Makes event stamps for one moment under one profile. */
export type StampFor = (workNo: string) => { workNo: string; time: number; withGenTime: boolean };

/** The changes and events that end every barge `agentId` is part of: for its partners only (its own session is left alone). */
export function endBargesOf(world: WorldView, agentId: string, stamp: StampFor): { changes: SessionChange[]; deliveries: Delivery[] } {
  const changes: SessionChange[] = [];
  const deliveries: Delivery[] = [];
  const session = world.agent(agentId)?.session;
  if (!session) return { changes, deliveries };
  if (session.barging !== null) {
    const target = world.agent(session.barging)?.session;
    if (target) {
      changes.push({ agent: session.barging, session: sessionWith(target, { bargedBy: null }) });
      deliveries.push({ to: session.barging, event: gatewayEvents.beQcStop(stamp(session.barging), agentId) });
    }
  }
  if (session.bargedBy !== null) {
    const inspectorId = session.bargedBy;
    const inspector = world.agent(inspectorId)?.session;
    if (inspector) {
      changes.push({ agent: inspectorId, session: releasedInspector(inspector) });
      if (!inspector.alwaysOffHook) deliveries.push({ to: inspectorId, event: gatewayEvents.phoneRelease(stamp(inspectorId), 3) });
      deliveries.push({ to: inspectorId, event: gatewayEvents.ready(stamp(inspectorId)) });
    }
  }
  return { changes, deliveries };
}

/** The inspector's session after its barge ended: idle, barging nothing. */
export function releasedInspector(inspector: AgentSession): AgentSession {
  return sessionWith(inspector, { status: GatewayStatus.Idle, barging: null });
}
