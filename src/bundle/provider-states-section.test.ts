import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMITTED_PACT } from '../../contracts/pact-names.ts';
import { describePact } from './pact-files.ts';
import { providerStatesMarkdown } from './provider-states-section.ts';

const pact = describePact('qc-console-cc-gateway.json', readFileSync(COMMITTED_PACT), 'contracts/pacts/qc-console-cc-gateway.json');
const section = providerStatesMarkdown(pact.stateUses);

/** The part of the section about one state. */
function stateText(name: string): string {
  const start = section.indexOf(`#### \`${name}\``);
  expect(start, `no section for ${name}`).toBeGreaterThan(-1);
  const next = section.indexOf('\n#### ', start + 1);
  return section.slice(start, next === -1 ? undefined : next);
}

describe('the README part on the state-change service, from the committed pact', () => {
  it('has one part per provider state, naming its interactions', () => {
    for (const state of pact.providerStates) expect(stateText(state)).toContain('Interactions:');
    expect(pact.providerStates).toHaveLength(9);
  });

  it('names each role\'s account with our example and what the role requires, and the VDNs', () => {
    const text = stateText('an idle inspector and a signed-in agent of another VDN');
    expect(text).toContain('- `inspector` (example `30101`): an agent with the inspection right\n');
    expect(text).toContain('- `otherVdnTarget` (example `40201`): an agent without the inspection right in another VDN than the inspector\n');
    expect(text).toContain("- `vdn` `1`: the inspector's VDN; `targetVdn` `2`: the other VDN\n");
  });

  it('gives the setup steps through public calls, the barge and the events to read first', () => {
    const text = stateText('an inspector has barged into an agent of the same VDN');
    expect(text).toContain('1. `inspector` signed in idle (sign-in with `"status": 4`, or `sayfree`), with `"releasephone": true`.');
    expect(text).toContain('3. Read (poll) the sign-in events of `inspector` and `target`, so that their next poll answers the barge\'s first event.');
    expect(text).toContain('4. `inspector` barges into `target` with its own `addinsert`.');
    expect(text).toContain("the inspector's second event poll after the barge (`inspectorEventsRead`: `[\"AgentState_Busy\"]`)");
    expect(text).toContain('Answer: `{ "inspector": "<agent ID>", "inspectorGuid": "<its Guid>", "target": "<agent ID>", "targetGuid": "<its Guid>" }`');
  });

  it('asks for the phone and password of the accounts a state leaves signed out', () => {
    expect(stateText('an inspector is signed out')).toContain('"inspectorPhone": "<its phone>", "inspectorPassword": "<its password>"');
  });

  it('says which states need the vendor\'s own fault injection, and that no public call produces them', () => {
    expect(section).toContain('**2 states need your own fault injection**: no public call of the gateway makes the CTI fail');
    expect(stateText('an idle inspector and a signed-in agent of the same VDN while the CTI provider is unavailable')).toContain(
      '3. **Your own fault injection**: make the next `addinsert` of `inspector` fail with `900-001`: the CTI provider is unavailable (NOPROVIDER). No public call of the gateway does this.',
    );
    expect(stateText('a busy inspector and a signed-in agent of the same VDN')).not.toContain('fault injection');
  });
});
