import { describe, expect, it } from 'vitest';
import { PROFILES } from '../domain/index.ts';
import { rulesMarkdown } from './rules-document.ts';

const md = rulesMarkdown();
const section = (heading: string) => {
  const start = md.indexOf(`\n## ${heading}\n`);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end === -1 ? undefined : end);
};

describe('rules.md', () => {
  it("gives addInsert's precedence under the default profile with the documented quotes and their sources", () => {
    const addInsert = section('addInsert');
    expect(addInsert).toContain('### Precedence under `ccgw-2024`');
    expect(addInsert).toContain('| 5 | the inspector is not signed in | `100-006` | documented in EN/cec_07_0580: "The agent is not signed in." |');
    expect(addInsert).toContain('| 11 | the inspector is not idle | `900-005` | documented in EN/cec_07_2401: "The inspector is in idle state." |');
    expect(addInsert).toContain('documented in EN/cec_07_2401: "The agent ID must belong to the same VDN as the value of agentid."');
    expect(addInsert).toContain('documented in EN/cec_07_2401: "An agent who has the inspection permission can barge into an agent who has signed in."');
  });

  it('says why an inferred answer is chosen, with its candidates', () => {
    expect(section('addInsert')).toMatch(/\| 12 \| the target is not signed in \| `900-005` \| .* \| profile setting `targetNotSignedIn` \(candidates `900-005`, `900-003`, `900-004`\): inferred: /);
  });

  it('lists the events addInsert triggers and to whom', () => {
    const addInsert = section('addInsert');
    expect(addInsert).toContain('| `AgentState_Busy` | the inspector (`agentid`) | documented |');
    expect(addInsert).toContain('| `AgentOther_BeQcStart` | the target agent (`workNo`) | documented |');
  });

  it('describes each profile: ID range, group word, and every configurable answer', () => {
    const profiles = section('Profiles');
    expect(profiles).toContain('### ccgw-2024:');
    expect(profiles).toContain('- ID range: 101–59999');
    expect(profiles).toContain('same **VDN**');
    expect(profiles).toContain('### ccgw-2025:');
    expect(profiles).toContain('- ID range: 101–999999');
    expect(profiles).toContain('same **VCC**');
    for (const name of Object.keys(PROFILES['ccgw-2024'].answers)) expect(profiles).toContain(`| \`${name}\` |`);
  });

  it('asks Huawei to confirm each inferred answer and the order of the checks', () => {
    const ask = section('What we ask Huawei to confirm or correct');
    expect(ask).toContain('**The order of the checks**');
    expect(ask).toContain('`targetNotSignedIn`');
    expect(ask).not.toContain('`guidMismatch`'); // documented: not asked
  });
});
