import { describe, expect, it } from 'vitest';
import { EXAMPLE_AGENTS, EXAMPLE_GUIDS, STATES, stateParams } from '../provider-states.ts';
import { agentPath, callerHeaders, envelope, JSON_RESPONSE_HEADERS } from './matchers.ts';
import { newPact, withClient } from './pact.ts';

const pact = newPact();
const cancelPath = agentPath('/agentgateway/resource/qualitycontrol/', 'inspector', '/', 'target');

describe('cancel (DELETE qualitycontrol/{agentid}/{workNo})', () => {
  it("ends the inspector's barge: retcode 0", async () => {
    // Arrange
    const interaction = pact
      .addInteraction()
      .given(STATES.barged.name, stateParams(STATES.barged, ['inspector', 'target']))
      .uponReceiving("a cancel of the inspector's barge")
      .comment({ key: 'caseId', value: 'cancelinsert.ok' })
      .withRequest('DELETE', cancelPath, (req) => req.headers(callerHeaders('inspector')))
      .willRespondWith(200, (res) => res.headers(JSON_RESPONSE_HEADERS).jsonBody(envelope('0', '')));

    await interaction.executeTest((server) =>
      withClient(server, async (client) => {
        // Act
        const reply = await client.agent(EXAMPLE_AGENTS.inspector).useGuid(EXAMPLE_GUIDS.inspector).cancelInsert(EXAMPLE_AGENTS.target);

        // Assert
        expect(reply.ok).toBe(true);
      }),
    );
  });

  it('answers 900-005 when no barge of this inspector on this agent is in progress', async () => {
    // Arrange
    const interaction = pact
      .addInteraction()
      .given(STATES.readyToBarge.name, stateParams(STATES.readyToBarge, ['inspector', 'target']))
      .uponReceiving('a cancel without a barge in progress')
      .comment({ key: 'caseId', value: 'cancelinsert.no-barge' })
      .comment('The prerequisite (a listen/insert in progress) is documented; 900-005 for its absence is inferred (profile setting cancelWithoutBarge).')
      .withRequest('DELETE', cancelPath, (req) => req.headers(callerHeaders('inspector')))
      .willRespondWith(200, (res) => res.headers(JSON_RESPONSE_HEADERS).jsonBody(envelope('900-005', 'status error')));

    await interaction.executeTest((server) =>
      withClient(server, async (client) => {
        // Act
        const reply = await client.agent(EXAMPLE_AGENTS.inspector).useGuid(EXAMPLE_GUIDS.inspector).cancelInsert(EXAMPLE_AGENTS.target);

        // Assert
        expect(reply.retcode).toBe('900-005');
      }),
    );
  });
});
