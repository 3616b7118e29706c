/** The event types of the contract, as the client hands them out. */
import type { ListedEventType } from '../domain/index.ts';
import type { components } from '../generated/openapi.ts';

/** One event as the gateway delivers it (`components['schemas']['AgentEvent']`). */
export type AgentEvent = components['schemas']['AgentEvent'];

/** An event type: one the contract lists (offered by autocompletion), or any other string the gateway may send. */
export type EventType = ListedEventType | (string & {});
