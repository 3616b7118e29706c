/**
 * The event types of the contract, as the client hands them out.
 *
 * @example
 * ```ts
 * const wanted: EventType[] = ['AgentState_Busy', 'AgentOther_PhoneAlerting'];
 * const seen: AgentEvent[] = await session.waitForEvents(wanted);
 * ```
 */
import type { ListedEventType } from '../domain/index.ts';
import type { components } from '../generated/openapi.ts';

/**
 * One event as the gateway delivers it (`components['schemas']['AgentEvent']`).
 *
 * @example
 * ```ts
 * const e: AgentEvent = { eventType: 'AgentState_Ready', workNo: '30169', content: null };
 * ```
 */
export type AgentEvent = components['schemas']['AgentEvent'];

/**
 * An event type: one the contract lists (offered by autocompletion), or any other string the gateway may send.
 *
 * @example
 * ```ts
 * const t: EventType = 'AgentOther_BeQcStart';
 * ```
 */
export type EventType = ListedEventType | (string & {});
