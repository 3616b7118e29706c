import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_AGENTS,
  EXAMPLE_GUIDS,
  STATES,
  stateParams,
  UNKNOWN_GUID,
  type ProviderStateSpec,
  type Role,
  type StateParams,
} from '../provider-states.ts';
import { agentPath, callerHeaders, envelope, fixedGuidHeaders, JSON_RESPONSE_HEADERS } from './matchers.ts';
import { newPact, withClient } from './pact.ts';

const pact = newPact();

/** What one addinsert interaction varies: the situation, who calls with which Guid, and the answer. */
interface AddInsertCase {
  readonly caseId: string;
  readonly description: string;
  readonly state: ProviderStateSpec;
  readonly params: StateParams;
  readonly caller: Role;
  readonly target: Role;
  /** The Guid sent: the caller's (from the provider state) unless a fixed one is given. */
  readonly fixedGuid?: string;
  readonly retcode: string;
  readonly messageExample: string;
  readonly comments?: readonly string[];
}

function addInsertInteraction(c: AddInsertCase) {
  let builder = pact.addInteraction().given(c.state.name, c.params).uponReceiving(c.description).comment({ key: 'caseId', value: c.caseId });
  for (const text of c.comments ?? []) builder = builder.comment(text);
  return builder
    .withRequest('PUT', agentPath('/agentgateway/resource/qualitycontrol/', c.caller, '/addinsert/', c.target), (req) =>
      req.headers(c.fixedGuid === undefined ? callerHeaders(c.caller) : fixedGuidHeaders(c.fixedGuid)),
    )
    .willRespondWith(200, (res) => res.headers(JSON_RESPONSE_HEADERS).jsonBody(envelope(c.retcode, c.messageExample)));
}

/** Calls addinsert through the project's client as `c.caller` would, and returns the reply. */
function callAddInsert(c: AddInsertCase) {
  return addInsertInteraction(c).executeTest((server) =>
    withClient(server, (client) => client.agent(EXAMPLE_AGENTS[c.caller]).useGuid(c.fixedGuid ?? EXAMPLE_GUIDS[c.caller]).addInsert(EXAMPLE_AGENTS[c.target])),
  );
}

const sameVdn = (state: ProviderStateSpec, ...roles: Role[]) => stateParams(state, roles);

describe('addinsert (PUT qualitycontrol/{agentid}/addinsert/{workNo})', () => {
  it('barges an idle inspector into a signed-in agent of the same VDN: retcode 0', async () => {
    // Arrange
    const c: AddInsertCase = {
      caseId: 'addinsert.ok',
      description: 'an addinsert into a signed-in agent of the same VDN',
      state: STATES.readyToBarge,
      params: sameVdn(STATES.readyToBarge, 'inspector', 'target'),
      caller: 'inspector',
      target: 'target',
      retcode: '0',
      messageExample: '',
    };

    // Act
    const reply = await callAddInsert(c);

    // Assert
    expect(reply?.ok).toBe(true);
    expect(reply?.result).toEqual({});
  });

  it('answers 100-006 when the inspector is not signed in', async () => {
    const c: AddInsertCase = {
      caseId: 'addinsert.not-signed-in',
      description: 'an addinsert by an inspector who is not signed in',
      state: STATES.inspectorSignedOut,
      params: sameVdn(STATES.inspectorSignedOut, 'inspector', 'target'),
      caller: 'inspector',
      target: 'target',
      fixedGuid: EXAMPLE_GUIDS.inspector,
      retcode: '100-006',
      messageExample: 'agent not login',
      comments: ['The Guid is one from an earlier sign-in of the inspector, who has signed out since.'],
    };

    const reply = await callAddInsert(c);

    expect(reply?.retcode).toBe('100-006');
  });

  it('answers 100-006 when the Guid is not one the gateway issued', async () => {
    const c: AddInsertCase = {
      caseId: 'addinsert.wrong-guid',
      description: 'an addinsert with a Guid the gateway did not issue',
      state: STATES.readyToBarge,
      params: sameVdn(STATES.readyToBarge, 'inspector', 'target'),
      caller: 'inspector',
      target: 'target',
      fixedGuid: UNKNOWN_GUID,
      retcode: '100-006',
      messageExample: 'agent not login',
      comments: ['EN/cec_07_0005 names 100-006 or 000-003 for a Guid mismatch; the contract expects 100-006 (profile setting guidMismatch).'],
    };

    const reply = await callAddInsert(c);

    expect(reply?.retcode).toBe('100-006');
  });

  it('answers 900-002 when the caller lacks the inspection right', async () => {
    const c: AddInsertCase = {
      caseId: 'addinsert.no-inspection-right',
      description: 'an addinsert by an agent without the inspection right',
      state: STATES.nonInspectorCaller,
      params: sameVdn(STATES.nonInspectorCaller, 'nonInspector', 'target'),
      caller: 'nonInspector',
      target: 'target',
      retcode: '900-002',
      messageExample: 'no permission',
    };

    const reply = await callAddInsert(c);

    expect(reply?.retcode).toBe('900-002');
  });

  it('answers 900-002 when the target belongs to another VDN', async () => {
    const c: AddInsertCase = {
      caseId: 'addinsert.other-vdn',
      description: 'an addinsert into an agent of another VDN',
      state: STATES.targetInOtherVdn,
      params: stateParams(STATES.targetInOtherVdn, ['inspector', 'otherVdnTarget']),
      caller: 'inspector',
      target: 'otherVdnTarget',
      retcode: '900-002',
      messageExample: 'no permission',
      comments: ['900-002 for a target in another VDN is inferred (profile setting otherVdn; 000-002 is the other candidate).'],
    };

    const reply = await callAddInsert(c);

    expect(reply?.retcode).toBe('900-002');
  });

  it('answers 900-005 when the inspector is not idle', async () => {
    const c: AddInsertCase = {
      caseId: 'addinsert.inspector-busy',
      description: 'an addinsert by a busy inspector',
      state: STATES.inspectorBusy,
      params: sameVdn(STATES.inspectorBusy, 'inspector', 'target'),
      caller: 'inspector',
      target: 'target',
      retcode: '900-005',
      messageExample: 'status error',
    };

    const reply = await callAddInsert(c);

    expect(reply?.retcode).toBe('900-005');
  });

  it('answers 900-005 when another inspector has already barged into the target', async () => {
    const c: AddInsertCase = {
      caseId: 'addinsert.target-already-barged',
      description: 'an addinsert into an agent another inspector has barged into',
      state: STATES.targetAlreadyBarged,
      params: sameVdn(STATES.targetAlreadyBarged, 'inspector', 'otherInspector', 'target'),
      caller: 'inspector',
      target: 'target',
      retcode: '900-005',
      messageExample: 'status error',
      comments: ['900-005 for a target already barged is inferred (profile setting targetAlreadyBarged; 900-003 is the other candidate).'],
    };

    const reply = await callAddInsert(c);

    expect(reply?.retcode).toBe('900-005');
  });

  it('answers 900-001 when the CTI provider is unavailable', async () => {
    const c: AddInsertCase = {
      caseId: 'addinsert.cti-provider-unavailable',
      description: 'an addinsert while the CTI provider is unavailable',
      state: STATES.ctiProviderUnavailable,
      params: sameVdn(STATES.ctiProviderUnavailable, 'inspector', 'target'),
      caller: 'inspector',
      target: 'target',
      retcode: '900-001',
      messageExample: 'NOPROVIDER',
      comments: ['No public call produces this state; a live verification reports it as skipped.'],
    };

    const reply = await callAddInsert(c);

    expect(reply?.retcode).toBe('900-001');
  });

  it('answers 900-003 when a CTI resource is unavailable', async () => {
    const c: AddInsertCase = {
      caseId: 'addinsert.cti-resource-unavailable',
      description: 'an addinsert while a CTI resource is unavailable',
      state: STATES.ctiResourceUnavailable,
      params: sameVdn(STATES.ctiResourceUnavailable, 'inspector', 'target'),
      caller: 'inspector',
      target: 'target',
      retcode: '900-003',
      messageExample: 'ResourceUnavailableException',
      comments: ['No public call produces this state; a live verification reports it as skipped.'],
    };

    const reply = await callAddInsert(c);

    expect(reply?.retcode).toBe('900-003');
  });
});
