/**
 * The README's part on the vendor's state-change service: for each provider state of the pact, which accounts it
 * involves (by role, with our example accounts and what each role requires), what the service must do to set it up
 * through the gateway's public calls, which states need the vendor's own fault injection, what it must answer (the
 * values the pact's requests take from the state) and how to tear it down. The steps follow the state specs of
 * contracts/provider-states.ts, which the harness's own live verification performs (contracts/provider/live-driver.ts).
 */
import { injectedKeys, ROLE_REQUIREMENTS, ROLES, STATES_BY_NAME, type ProviderStateSpec, type Role } from '../../contracts/provider-states.ts';
import { code, escapeMarkdown } from './markdown.ts';
import type { StateUse } from './pact-files.ts';

const STATUS_STEP: Readonly<Record<3 | 4, string>> = {
  3: 'signed in busy (sign-in with `"status": 3`, or `saybusy`)',
  4: 'signed in idle (sign-in with `"status": 4`, or `sayfree`)',
};

const CTI_FAULTS: Readonly<Record<'900-001' | '900-003', string>> = {
  '900-001': 'the CTI provider is unavailable (NOPROVIDER)',
  '900-003': 'a CTI resource is unavailable (ResourceUnavailableException)',
};

/** The section for the states of `uses`, in the order they first appear. */
export function providerStatesMarkdown(uses: readonly StateUse[]): string {
  const names = [...new Set(uses.map((u) => u.state))];
  const faults = names.filter((n) => STATES_BY_NAME.get(n)?.ctiFault !== undefined);
  return [
    '\n### What the state-change service must do\n\n',
    'Each provider state names its agents by **role**. The pact\'s parameters give our demo accounts as examples; map each role to a test ',
    'account of your gateway that fits the role (the same role always to the same account is simplest), and use only the gateway\'s public calls. ',
    'Every setup first makes sure the state\'s accounts are in no barge and signed in only as the state says; every teardown ',
    '(`"action": "teardown"`) ends the state\'s barge (cancel) and signs all its accounts out (`forcelogout`).\n\n',
    'The service answers the setup with a JSON object: the verifier puts these values into the interaction\'s request ',
    '(`fromProviderState`). For every role: its agent ID under the role\'s name (`inspector`); for a role the state signs in, ',
    'its current Guid (`inspectorGuid`); for a role the state leaves signed out, its phone number and password (`inspectorPhone`, ',
    '`inspectorPassword`: the pact itself holds only the placeholder `********`).\n\n',
    faults.length === 0
      ? ''
      : `**${faults.length === 1 ? 'One state needs' : `${faults.length} states need`} your own fault injection**: no public call of the gateway makes the CTI fail, so ` +
        'these can be produced only with a test switch of yours in the gateway or the CTI. Without one, report their interactions as not verified; ' +
        'ccgw-harness verifies them against its mock gateway only, and reports them as skipped (never passed) against a real gateway:\n\n' +
        faults.map((n) => `- ${code(n)}\n`).join(''),
    ...names.map((name) => stateMarkdown(name, uses.filter((u) => u.state === name))),
  ].join('');
}

function stateMarkdown(name: string, uses: readonly StateUse[]): string {
  const spec = STATES_BY_NAME.get(name);
  const params = mergedParams(uses);
  const roles = ROLES.filter((r) => typeof params[r] === 'string');
  const interactions = uses.map((u) => `- ${escapeMarkdown(u.description)}${extrasOf(u.params)}\n`).join('');
  const head = `\n#### ${code(name)}\n\nInteractions:\n\n${interactions}\n`;
  if (!spec) return `${head}This version of ccgw-harness does not describe this state; ask us for the bundle that matches the pact.\n`;
  const accounts = roles.map((r) => `- ${code(r)} (example ${code(String(params[r]))}): ${escapeMarkdown(ROLE_REQUIREMENTS[r])}\n`);
  if (params['vdn'] !== undefined) accounts.push(`- ${code('vdn')} ${code(String(params['vdn']))}: the inspector's VDN${params['targetVdn'] !== undefined ? `; ${code('targetVdn')} ${code(String(params['targetVdn']))}: the other VDN` : ''}\n`);
  return [head, 'Accounts:\n\n', ...accounts, '\nSetup:\n\n', ...steps(spec, roles).map((s, i) => `${i + 1}. ${s}\n`), '\nAnswer: ', answerOf(spec, roles), '\n'].join('');
}

function steps(spec: ProviderStateSpec, roles: readonly Role[]): string[] {
  const out: string[] = [];
  const signedOut = roles.filter((r) => spec.signedIn[r] === undefined);
  if (signedOut.length) out.push(`${list(signedOut)} signed out (\`forcelogin\` then \`forcelogout\` works whatever the account was doing).`);
  for (const r of roles) {
    const status = spec.signedIn[r];
    if (status !== undefined) out.push(`${code(r)} ${STATUS_STEP[status]}, with \`"releasephone": true\`.`);
  }
  if (spec.barge) {
    out.push(
      `Read (poll) the sign-in events of ${list(roles.filter((r) => spec.signedIn[r] !== undefined))}, so that their next poll answers the barge's first event.`,
      `${code(spec.barge.inspector)} barges into ${code(spec.barge.target)} with its own \`addinsert\`.`,
    );
    if (spec.barge.inspector === 'inspector') out.push('Read the inspector\'s events the parameter `inspectorEventsRead` lists (in order), when it lists any.');
  }
  if (spec.ctiFault) {
    out.push(`**Your own fault injection**: make the next \`addinsert\` of ${code('inspector')} fail with ${code(spec.ctiFault)}: ${CTI_FAULTS[spec.ctiFault]}. No public call of the gateway does this.`);
  }
  return out;
}

function answerOf(spec: ProviderStateSpec, roles: readonly Role[]): string {
  const entries = roles.flatMap((r) => {
    const k = injectedKeys(r);
    return spec.signedIn[r] !== undefined ? [`"${k.id}": "<agent ID>"`, `"${k.guid}": "<its Guid>"`] : [`"${k.id}": "<agent ID>"`, `"${k.phone}": "<its phone>"`, `"${k.password}": "<its password>"`];
  });
  return `\`{ ${entries.join(', ')} }\``;
}

/** The state's parameters over all its interactions (role IDs and VDNs are the same in each). */
function mergedParams(uses: readonly StateUse[]): Record<string, unknown> {
  return Object.assign({}, ...uses.map((u) => u.params)) as Record<string, unknown>;
}

/** The parameters of one interaction beyond the roles and VDNs, e.g. ` (inspectorEventsRead: ["AgentState_Busy"])`. */
function extrasOf(params: Readonly<Record<string, unknown>>): string {
  const extras = Object.entries(params).filter(([k]) => !(ROLES as readonly string[]).includes(k) && k !== 'vdn' && k !== 'targetVdn');
  return extras.length ? ` (${extras.map(([k, v]) => `${code(k)}: ${code(JSON.stringify(v))}`).join(', ')})` : '';
}

function list(roles: readonly Role[]): string {
  const words = roles.map((r) => code(r));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
