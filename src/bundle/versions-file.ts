/**
 * `VERSIONS.txt`: what the bundle was made from, one `key: value` per line. No timestamps: the same commit gives
 * the same file.
 */
import type { BundleInputs } from './inputs.ts';

/** The text of VERSIONS.txt. */
export function versionsText(inputs: BundleInputs): string {
  const { harness, git, openapi, pacts, tools, fileTime } = inputs;
  const lines: Array<[string, string]> = [
    ['harness', `${harness.name} ${harness.version}`],
    ['git-commit', git ? git.commit : 'unknown (not a git checkout)'],
    ['git-working-tree', git ? (git.clean ? 'clean' : 'tracked files differ from the commit') : 'unknown'],
    ['openapi-info-version', openapi.infoVersion],
    ['openapi-version', openapi.openapiVersion],
    ...(pacts.length === 0
      ? ([['pact-specification', 'none (no pact in this bundle)']] as Array<[string, string]>)
      : pacts.map((p): [string, string] => ['pact-specification', `${p.specification ?? 'not stated in the file'} (pact/${p.name})`])),
    ['redocly-cli', tools.redoclyCli],
    ['pact-foundation-pact', tools.pact],
    ...(tools.pactCli ? ([['pact-foundation-pact-cli', tools.pactCli]] as Array<[string, string]>) : []),
    ['archive-file-times', fileTimeSource(fileTime.from)],
  ];
  return lines.map(([k, v]) => `${k}: ${v}\n`).join('');
}

function fileTimeSource(from: BundleInputs['fileTime']['from']): string {
  if (from === 'SOURCE_DATE_EPOCH') return 'SOURCE_DATE_EPOCH';
  if (from === 'git commit time') return 'the commit time of git-commit';
  return '0 (no git checkout, no SOURCE_DATE_EPOCH)';
}
