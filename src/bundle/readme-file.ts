/**
 * The bundle's `README.md`: what Huawei receives, how to check, read, lint and verify it, and what "inferred"
 * means. It names the exact tool versions of VERSIONS.txt so the commands give the results we got.
 */
import type { RunSummary } from '../report/run-summary.ts';
import type { BundleInputs } from './inputs.ts';
import { OPENAPI_PATH } from './inputs.ts';
import { code, escapeMarkdown, markdownTable } from './markdown.ts';
import { providerStatesMarkdown } from './provider-states-section.ts';

/** The text of README.md. */
export function readmeText(inputs: BundleInputs, run?: RunSummary): string {
  const { harness, git, openapi, pacts, tools } = inputs;
  const from = git ? `commit ${code(git.commit)}${git.clean ? '' : ' (with local changes to tracked files)'}` : 'a directory that is not a git checkout';
  const pactRows =
    pacts.length === 0
      ? [['`pact/`', '**Missing**: see below.']]
      : pacts.map((p) => [
          code(`pact/${p.name}`),
          escapeMarkdown(
            `Pact file (specification ${p.specification ?? 'not stated'}): ${p.interactions} interaction${p.interactions === 1 ? '' : 's'} ` +
              `of consumer "${p.consumer ?? '?'}" with provider "${p.provider ?? '?'}".`,
          ),
        ]);
  return [
    '# CC-Gateway `addinsert` contract: bundle for Huawei\n\n',
    `This is the contract ${harness.name} ${harness.version} checks a Huawei CC-Gateway against, for the quality-control interface `,
    '`PUT /agentgateway/resource/qualitycontrol/{agentid}/addinsert/{workNo}` (an inspector barges into an agent\'s call) and the calls it ',
    `depends on (sign-in, state, event polling, cancel, sign-out). It was made by \`ccgw bundle\` from ${from}${git?.clean ? '; the same commit gives the same bytes' : ''}.\n\n`,
    '## Contents\n\n',
    markdownTable(
      ['File', 'What it is'],
      [
        [code(OPENAPI_PATH), escapeMarkdown(`The contract: OpenAPI ${openapi.openapiVersion}, "${openapi.title}", version ${openapi.infoVersion}. Extensions: x-ccgw-retcodes (the retcodes of each operation, marked), x-ccgw-triggered-events, x-ccgw-retcode-catalogue.`)],
        ['`openapi/index.html`', 'The same document rendered by Redocly CLI. It is self-contained: it opens in any browser without a network connection.'],
        ...pactRows,
        ['`retcodes.md`, `retcodes.csv`', 'For each operation, every retcode it may answer, marked documented, general or inferred, with its meaning and sources.'],
        [
          '`rules.md`',
          'For each operation, the order in which situations are checked and the answer to each, with the sentence it comes from or why we assume it; the events each call triggers; the profiles; and the list of what we ask you to confirm.' +
            (run ? ` It ends with the rule coverage of run ${code(run.runId)}: which rules that gateway passed, failed (expected vs observed) or could not be checked (why).` : ''),
        ],
        ['`VERSIONS.txt`', 'The harness version, git commit, OpenAPI and Pact versions, and the tool versions used.'],
        ['`SHA256SUMS`', 'The SHA-256 of every other file.'],
      ],
    ),
    '\n## Check the bundle\n\n',
    '```sh\nsha256sum -c SHA256SUMS          # on macOS: shasum -a 256 -c SHA256SUMS\n```\n',
    '\n## Read and lint the OpenAPI document\n\n',
    'Open `openapi/index.html` in a browser. To lint the document with the rules we apply (Redocly\'s `recommended-strict`, zero errors and zero warnings):\n\n',
    `\`\`\`sh\nnpx --yes @redocly/cli@${tools.redoclyCli} lint --extends recommended-strict ${OPENAPI_PATH}\n\`\`\`\n`,
    '\n## Verify a gateway against the pact\n\n',
    pacts.length === 0 ? missingPact(inputs.pactDirShown) : verifySection(inputs),
    '\n## Documented, general, inferred\n\n',
    'Every retcode, rule and event in this bundle says how we know it:\n\n',
    '- **documented**: a document states it (a Huawei page, in one case a client generated from the gateway); `rules.md` gives the sentence and the source.\n',
    '- **general**: the official general error-code table gives the code a meaning that applies, but the operation\'s own page does not list it.\n',
    '- **inferred**: no document we have states it. We assumed it, and `rules.md` says why. Where a gateway could plausibly answer otherwise, ',
    'the answer is a profile setting with its candidates (profiles `ccgw-2024`, the default, and `ccgw-2025` follow the two generations of the documents).\n\n',
    '**We ask Huawei to confirm or correct each inferred answer.** The section "What we ask Huawei to confirm or correct" of `rules.md` ',
    'lists them: the order of the checks, the inferred profile answers, rules, retcodes and events. For each, please tell us whether the gateway ',
    'behaves so and, if not, what it answers; we will change the contract and send a new bundle.\n',
  ].join('');
}

function verifySection({ pacts, tools }: BundleInputs): string {
  const pactCli = tools.pactCli ? `@pact-foundation/pact-cli@${tools.pactCli}` : '@pact-foundation/pact-cli';
  const states = [...new Set(pacts.flatMap((p) => p.providerStates))];
  return [
    `The pact was written by Pact JS ${tools.pact} from our consumer tests. Verify a gateway (or the NSLB in front of a cluster) with the Pact verifier:\n\n`,
    ...pacts.map(
      (p) =>
        '```sh\n' +
        `PACT_DO_NOT_TRACK=true npx --yes --package ${pactCli} -- pact-verifier \\\n` +
        `  --file pact/${p.name} --provider-name ${shellWord(p.provider ?? 'provider')} \\\n` +
        '  --transport https --hostname <gateway address> --port 8043 \\\n' +
        '  --state-change-url <URL of your state-change service>\n' +
        '```\n',
    ),
    '\nAdd `--disable-ssl-verification` only for a test gateway with a self-signed certificate. The verifier sends each interaction\'s request and ',
    'compares the gateway\'s answer with the pact; it exits non-zero when an answer differs.\n\n',
    '(`PACT_DO_NOT_TRACK=true` stops the Pact CLI sending anonymous usage statistics.)\n\n',
    'Each interaction starts from a **provider state**. Before each interaction the verifier POSTs `{"action": "setup", "state": "<name>", "params": { ... }}` to `--state-change-url` ',
    '(the parameters name the state\'s agents by role), and after it the same with `"action": "teardown"`; ',
    'that service must put the gateway under test into the state, as described below. ',
    'Without it, interactions that need signed-in agents fail.',
    states.length === 0 ? ' This pact names no provider state.\n' : `\n${providerStatesMarkdown(pacts.flatMap((p) => p.stateUses))}`,
  ].join('');
}

function missingPact(pactDirShown: string): string {
  return (
    `**The pact is missing from this bundle.** It was made with \`--allow-missing-pact\` while ${code(pactDirShown)} held no pact file ` +
    '(the Pact consumer tests had not written it yet). The OpenAPI document, retcodes and rules are complete; ask us for a bundle with the pact.\n'
  );
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,:/@+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
