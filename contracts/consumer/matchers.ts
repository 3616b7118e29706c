/**
 * Pact matchers for the CC-Gateway contract: regexes taken from `openapi/ccgw-agentgateway.yaml`, values injected
 * from the provider state where they differ between gateways (agent IDs, Guids, phone, password), exact values
 * where the contract is exact (retcode, eventType, qcType). Every example value passes the contract, since the
 * client checks the Pact mock server's answers with the generated validators.
 */
import { MatchersV3, type V3RegexMatcher } from '@pact-foundation/pact';
import { REQUEST_CONTENT_TYPE } from '../../src/client/index.ts';
import { EXAMPLE_AGENTS, EXAMPLE_GUIDS, injectedKeys, type Role } from '../provider-states.ts';

const { regex, string } = MatchersV3;

/**
 * A regex matcher whose value the verifier takes from the provider state (`expression`, e.g. `${inspectorGuid}`).
 * pact-js's `fromProviderState` matches by type only; this keeps the contract's pattern as well.
 */
export function injectedRegex(expression: string, pattern: string, example: string): V3RegexMatcher & { readonly expression: string } {
  if (!new RegExp(pattern).test(example)) throw new TypeError(`example ${JSON.stringify(example)} does not match ${pattern}; fix the example or the pattern`);
  return { 'pact:matcher:type': 'regex', 'pact:generator:type': 'ProviderState', regex: pattern, expression, value: example };
}

/** The Guid format (`components.headers.SetGuid` without `JSESSIONID=`). */
export const GUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\.AgentGateway[0-9]+$';

/** `Set-GUID` (`components.headers.SetGuid`). */
export const SET_GUID_PATTERN = '^JSESSIONID=[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\.AgentGateway[0-9]+$';

/** An agent ID in a path: 101–999999 without a leading zero (the 2024 and 2025 ranges together). */
const PATH_ID = '[1-9][0-9]{2,5}';

/** `EventWorkNo`: the agent an event is for. */
export const WORK_NO_PATTERN = '^[1-9][0-9]*$';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A path whose agent IDs come from the provider state: literal parts and roles, alternating. */
export function agentPath(...parts: readonly [string, Role, ...(string | Role)[]]): V3RegexMatcher {
  let expression = '';
  let example = '';
  let pattern = '^';
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      expression += part;
      example += part;
      pattern += escapeRegex(part);
    } else {
      const role = part as Role;
      expression += `\${${injectedKeys(role).id}}`;
      example += EXAMPLE_AGENTS[role];
      pattern += PATH_ID;
    }
  });
  return injectedRegex(expression, `${pattern}$`, example);
}

/** The `Guid` header of a call by `role`: the Guid its sign-in (or latest poll) issued, from the provider state. */
export function guidOf(role: Role): V3RegexMatcher {
  return injectedRegex(`\${${injectedKeys(role).guid}}`, GUID_PATTERN, EXAMPLE_GUIDS[role]);
}

/** `Content-Type` of every request: JSON in UTF-8, as the gateway's documents require (the client sends `application/json; charset=UTF-8`). */
export const JSON_REQUEST_TYPE = regex('^application/json(\\s*;\\s*charset=(UTF|utf)-8)?$', REQUEST_CONTENT_TYPE);

/** The headers of a call by a signed-in `role`: Content-Type and its Guid. */
export function callerHeaders(role: Role): Record<string, V3RegexMatcher> {
  return { 'Content-Type': JSON_REQUEST_TYPE, Guid: guidOf(role) };
}

/** The headers of a call that carries a fixed Guid (one the gateway did not issue, or no longer knows). */
export function fixedGuidHeaders(guid: string): Record<string, V3RegexMatcher | string> {
  return { 'Content-Type': JSON_REQUEST_TYPE, Guid: guid };
}

/** `Content-Type` of every answer: JSON (the gateway sends `application/json;charset=UTF-8`). */
export const JSON_RESPONSE_HEADERS = { 'Content-Type': regex('^application/json(\\s*;.*)?$', 'application/json;charset=UTF-8') };

/**
 * The answer envelope `{ message, retcode, result }` of addinsert and cancel: retcode exact, message any string
 * (consumers must not parse it), result the reserved empty object.
 */
export function envelope(retcode: string, messageExample: string): Record<string, unknown> {
  return { message: string(messageExample), retcode, result: {} };
}

/** A value the provider state supplies, matched by type. */
export function injected(key: string, example: string): ReturnType<typeof MatchersV3.fromProviderState<string>> {
  return MatchersV3.fromProviderState(`\${${key}}`, example);
}
