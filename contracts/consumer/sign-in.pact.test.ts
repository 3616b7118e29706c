import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_AGENTS, EXAMPLE_GUIDS, EXAMPLE_VDN, examplePhone, injectedKeys, PASSWORD_PLACEHOLDER, STATES, stateParams } from '../provider-states.ts';
import { agentPath, injected, JSON_REQUEST_TYPE, JSON_RESPONSE_HEADERS, SET_GUID_PATTERN, WORK_NO_PATTERN } from './matchers.ts';
import { newPact, withClient } from './pact.ts';

const { integer, regex, string } = MatchersV3;
const pact = newPact();
const inspector = injectedKeys('inspector');

describe('sign-in (PUT onlineagent/{agentid})', () => {
  it('signs a signed-out inspector in and hands out the Guid in Set-GUID', async () => {
    // Arrange: the password is a placeholder in the pact; the provider state supplies the account's real one.
    const state = STATES.inspectorSignedOut;
    const interaction = pact
      .addInteraction()
      .given(state.name, stateParams(state, ['inspector']))
      .uponReceiving('a sign-in of an inspector')
      .comment({ key: 'caseId', value: 'signin.ok' })
      .comment('The password and phone number come from the provider state; "********" is a placeholder, never a real password.')
      .withRequest('PUT', agentPath('/agentgateway/resource/onlineagent/', 'inspector'), (req) =>
        req.headers({ 'Content-Type': JSON_REQUEST_TYPE }).jsonBody({
          password: injected(inspector.password, PASSWORD_PLACEHOLDER),
          phonenum: injected(inspector.phone, examplePhone('inspector')),
          status: 4,
          releasephone: true,
        }),
      )
      .willRespondWith(200, (res) =>
        res
          .headers({ ...JSON_RESPONSE_HEADERS, 'Set-GUID': regex(SET_GUID_PATTERN, `JSESSIONID=${EXAMPLE_GUIDS.inspector}`) })
          .jsonBody({
            message: string(''),
            retcode: '0',
            result: {
              vdnid: integer(EXAMPLE_VDN),
              workno: regex(WORK_NO_PATTERN, EXAMPLE_AGENTS.inspector),
              loginTime: regex('^[0-9]+$', '1732521600000'),
              isForceChange: regex('^(true|false)$', 'false'),
            },
          }),
      );

    await interaction.executeTest((server) =>
      withClient(server, async (client) => {
        const session = client.agent(EXAMPLE_AGENTS.inspector);

        // Act
        const reply = await session.signIn({ password: PASSWORD_PLACEHOLDER, phonenum: examplePhone('inspector'), status: 4, releasephone: true });

        // Assert
        const ok = reply.expectOk();
        expect(ok.result.vdnid).toBe(EXAMPLE_VDN);
        expect(ok.result.workno).toBe(EXAMPLE_AGENTS.inspector);
        expect(session.guid).toBe(EXAMPLE_GUIDS.inspector);
      }),
    );
  });
});
