/**
 * Makes the vendor bundle in memory: the files of the bundle directory (with SHA256SUMS) and the .tar.gz archive
 * of them under one top directory. Nothing here reads the clock or writes to disk; the same inputs give the
 * same bytes.
 */
import { REPO_ROOT } from '../paths.ts';
import type { RunSummary } from '../report/run-summary.ts';
import { sha256sums, type BundleFile } from './checksums.ts';
import { BundleError } from './errors.ts';
import { gzipDeterministic } from './gzip.ts';
import { OPENAPI_PATH, readBundleInputs, type BundleInputs } from './inputs.ts';
import { renderOpenApiHtml } from './openapi-html.ts';
import { readmeText } from './readme-file.ts';
import { retcodesCsv, retcodesMarkdown } from './retcode-table.ts';
import { rulesMarkdown } from './rules-document.ts';
import { hasRuleCoverage, runCoverageMarkdown } from './run-coverage.ts';
import { createTar } from './tar.ts';
import { versionsText } from './versions-file.ts';

/** The top directory of the archive: `tar -xzf` creates it. */
export const ARCHIVE_ROOT = 'ccgw-addinsert-contract';

/** This harness's checkout: the default repository and tools directory. */
export const HARNESS_ROOT = REPO_ROOT;

/** What to bundle. */
export interface BundleOptions {
  /** The repository: `openapi/`, `contracts/pacts/`, `package.json`, its git checkout. Default: this harness. */
  readonly root?: string | undefined;
  /** Where `node_modules` with Redocly CLI and Pact lives. Default: this harness. */
  readonly toolsRoot?: string | undefined;
  /** The pact directory. Default: `<root>/contracts/pacts`. */
  readonly pactDir?: string | undefined;
  /** Make the bundle without a pact when there is none (its README says so). */
  readonly allowMissingPact?: boolean | undefined;
  /** Environment variables; only `SOURCE_DATE_EPOCH` is read. Default: none. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** A run whose rule coverage matrix `rules.md` ends with (`ccgw bundle --run`); it must have one. Default: none. */
  readonly run?: RunSummary | undefined;
}

/** The bundle in memory. */
export interface Bundle {
  /** The files of the bundle directory, sorted by path, SHA256SUMS included. */
  readonly files: readonly BundleFile[];
  /** The uncompressed tar of `files` under `ARCHIVE_ROOT/`. */
  readonly tar: Buffer;
  /** `tar`, gzipped deterministically. */
  readonly archive: Buffer;
  readonly inputs: BundleInputs;
}

/**
 * Reads the inputs, renders every document and builds the archive.
 *
 * @throws MissingPactError when there is no pact and `allowMissingPact` is not set.
 * @throws PasswordInBundleError when a pact or the OpenAPI document holds a password-like value.
 * @throws BundleError for any other bad input (named, with the fix), e.g. a `run` without rule coverage.
 */
export async function buildBundle(options: BundleOptions = {}): Promise<Bundle> {
  if (options.run && !hasRuleCoverage(options.run)) {
    throw new BundleError(`run ${options.run.runId} has no rule coverage (no phase with a coverage matrix); pass a run whose ccgw run included the rules phase`);
  }
  const root = options.root ?? HARNESS_ROOT;
  const toolsRoot = options.toolsRoot ?? HARNESS_ROOT;
  const inputs = await readBundleInputs({ root, toolsRoot, pactDir: options.pactDir, allowMissingPact: options.allowMissingPact, env: options.env });
  const html = await renderOpenApiHtml({ specPath: inputs.openapi.path, toolsRoot, configPath: inputs.redoclyConfig });
  const text = (s: string) => Buffer.from(s, 'utf8');
  const content: BundleFile[] = [
    { path: 'README.md', bytes: text(readmeText(inputs, options.run)) },
    { path: 'VERSIONS.txt', bytes: text(versionsText(inputs)) },
    { path: OPENAPI_PATH, bytes: inputs.openapi.bytes },
    { path: 'openapi/index.html', bytes: html },
    ...inputs.pacts.map((p) => ({ path: `pact/${p.name}`, bytes: p.bytes })),
    { path: 'retcodes.md', bytes: text(retcodesMarkdown()) },
    { path: 'retcodes.csv', bytes: text(retcodesCsv()) },
    { path: 'rules.md', bytes: text(rulesMarkdown() + (options.run ? runCoverageMarkdown(options.run) : '')) },
  ];
  const files = [...content, { path: 'SHA256SUMS', bytes: text(sha256sums(content)) }].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const tar = createTar(
    files.map((f) => ({ path: `${ARCHIVE_ROOT}/${f.path}`, bytes: f.bytes })),
    { mtime: inputs.fileTime.seconds },
  );
  return { files, tar, archive: gzipDeterministic(tar), inputs };
}
