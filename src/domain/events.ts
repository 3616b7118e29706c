/** Constructors for the events the modelled calls trigger, typed by the contract's event schemas. */
import type { components } from '../generated/openapi.ts';

type Schemas = components['schemas'];

/** Any event the gateway may send. */
export type AgentEvent = Schemas['AgentEvent'];
/** An event whose type the contract lists (not the catch-all, whose eventType is any string). */
export type ListedEvent = AgentEvent extends infer E ? (E extends { eventType: infer T } ? (string extends T ? never : E) : never) : never;
/** The event types the contract lists. */
export type ListedEventType = ListedEvent['eventType'];

/** qcType values of AgentOther_BeQcStart/BeQcStop (ZH/cec_07_0542). */
export const QcType = { Listen: 8, Insert: 9, Whisper: 20172, WhisperAlt: 20173 } as const;

/** Who and when: the agent the event is for, the clock, and whether events carry eventGenTime. */
export interface EventStamp {
  readonly workNo: string;
  readonly time: number;
  readonly withGenTime: boolean;
}

function envelope<T extends ListedEventType, C>(eventType: T, stamp: EventStamp, content: C) {
  return stamp.withGenTime
    ? { eventType, workNo: stamp.workNo, content, eventGenTime: stamp.time }
    : { eventType, workNo: stamp.workNo, content };
}

// Contents that never vary are one frozen object each, shared by every event that carries them: queued events
// then hold no object of their own beyond the envelope (a full queue of a load test keeps thousands of them).
const OFFHOOK_MAIN = Object.freeze({ type: 'main' as const });
const RELEASED_BY = { 2: Object.freeze({ phoneState: 2 as const }), 3: Object.freeze({ phoneState: 3 as const }) };

/** The events of the modelled calls. */
export const gatewayEvents = {
  inService: (s: EventStamp): Schemas['InServiceEvent'] => envelope('AgentOther_InService', s, null),
  ready: (s: EventStamp): Schemas['ReadyEvent'] => envelope('AgentState_Ready', s, null),
  busy: (s: EventStamp): Schemas['BusyEvent'] => envelope('AgentState_Busy', s, null),
  work: (s: EventStamp): Schemas['WorkEvent'] => envelope('AgentState_Work', s, null),
  setNotReady: (s: EventStamp, reason: number): Schemas['SetNotReadySuccessEvent'] =>
    envelope('AgentState_SetNotReady_Success', s, { reason: String(reason) }),
  phoneAlerting: (s: EventStamp): Schemas['PhoneAlertingEvent'] => envelope('AgentOther_PhoneAlerting', s, null),
  phoneOffhook: (s: EventStamp): Schemas['PhoneOffhookEvent'] => envelope('AgentOther_PhoneOffhook', s, OFFHOOK_MAIN),
  /** phoneState 3: released by the platform; 2: by the agent (EN/cec_07_0546). */
  phoneRelease: (s: EventStamp, phoneState: 2 | 3 = 3): Schemas['PhoneReleaseEvent'] => envelope('AgentOther_PhoneRelease', s, RELEASED_BY[phoneState]),
  beQcStart: (s: EventStamp, inspector: string, qcType: 8 | 9 = QcType.Insert): Schemas['BeQcStartEvent'] =>
    envelope('AgentOther_BeQcStart', s, { qcType, qcAgentId: Number(inspector) }),
  beQcStop: (s: EventStamp, inspector: string, qcType: 8 | 9 = QcType.Insert): Schemas['BeQcStopEvent'] =>
    envelope('AgentOther_BeQcStop', s, { qcType, qcAgentId: Number(inspector) }),
  shutdownService: (s: EventStamp, loginTime: number): Schemas['ShutdownServiceEvent'] =>
    envelope('AgentOther_ShutdownService', s, { loginTime: String(loginTime) }),
};
