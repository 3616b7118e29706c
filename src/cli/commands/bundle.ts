/**
 * `ccgw bundle`: writes the vendor bundle of the addinsert contract, a directory and a .tar.gz archive that is
 * byte-identical from run to run at the same commit (and the same `--run`, whose rule coverage ends rules.md).
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { BundleError, BundleTargetError, HARNESS_ROOT, PACT_DIR, buildBundle, hasRuleCoverage, writeBundle } from '../../bundle/index.ts';
import { RunSummaryError } from '../../report/parse-run-summary.ts';
import { coverageSections, totalsText } from '../../report/rule-coverage.ts';
import type { RunSummary } from '../../report/run-summary.ts';
import { readRun, RunReadError } from '../../report/write-run.ts';
import type { Command } from '../command.ts';
import type { CommandIo } from '../../io/command-io.ts';
import { UsageError } from '../../io/errors.ts';
import { parseOptions } from '../../io/options.ts';

const NAME = 'bundle';

/** Default bundle directory, relative to the repository. */
export const DEFAULT_OUT = 'dist/vendor-bundle';
/** Default archive, relative to the repository. */
export const DEFAULT_ARCHIVE = 'dist/ccgw-addinsert-contract.tar.gz';

const USAGE = `Usage: ccgw bundle [--out DIR] [--archive FILE] [--allow-missing-pact] [--run DIR]

Writes the bundle Huawei receives: a directory and a .tar.gz archive holding the OpenAPI document
(openapi/ccgw-agentgateway.yaml) and its HTML rendering by Redocly CLI (openapi/index.html, opens offline),
the pact file(s) of ${PACT_DIR}/, the retcode table (retcodes.md, retcodes.csv), the rules and profiles
(rules.md), README.md, VERSIONS.txt and SHA256SUMS.

The archive is byte-identical from run to run at the same commit: sorted entries, uid/gid 0, fixed modes, and
one file time: SOURCE_DATE_EPOCH when set, else the commit time of HEAD, else 0. (The uncompressed tar is the
same on every machine; the gzip bytes are the same for the same Node zlib build.)

Options:
  --out DIR             bundle directory (default: ${DEFAULT_OUT}/ in the repository); a previous bundle
                        there is replaced, a directory holding anything else is refused
  --archive FILE        archive (default: ${DEFAULT_ARCHIVE} in the repository); must not be inside --out
  --allow-missing-pact  make the bundle even when ${PACT_DIR}/ holds no pact; its README then says so
  --run DIR             end rules.md with the rule coverage matrix of this run (a directory written by
                        ccgw run, or its summary.json): the run id and times, the gateway kind and profile,
                        and per operation each rule passed, failed (expected vs observed) or skipped (why).
                        The gateway's address and any password are left out; the run must have the rules phase
  -h, --help            show this help

Relative paths are taken from the current directory. A pact holding a password-like value (a "password"
field that is not a placeholder such as "********") is refused, never scrubbed.

Environment:
  SOURCE_DATE_EPOCH     file time of the archive entries, in seconds since 1970

Exit codes: 0 written; 1 the bundle cannot be made (no pact, a password in a pact, Redocly failed); 2 a usage
error, or --out or --archive cannot be written there (a file, a directory holding something else, no permission).

Examples:
  ccgw bundle
  ccgw bundle --out /tmp/vendor --archive /tmp/ccgw-addinsert-contract.tar.gz
  SOURCE_DATE_EPOCH=0 ccgw bundle --allow-missing-pact
  ccgw bundle --run runs/20261126T080000Z-live`;

/** Where a bundle command reads from; tests point it at a temporary repository. */
export interface BundleCommandDefaults {
  /** The repository to bundle (default: this harness's checkout). Default --out and --archive are inside it. */
  readonly root?: string;
  /** Where node_modules with Redocly CLI and Pact lives (default: this harness's checkout). */
  readonly toolsRoot?: string;
}

/** A `bundle` command for the repository `defaults.root`. */
export function createBundleCommand(defaults: BundleCommandDefaults = {}): Command {
  const root = defaults.root ?? HARNESS_ROOT;
  return {
    name: NAME,
    usage: USAGE,
    run: async (argv, io) => {
      const { values } = parseOptions(NAME, argv, {
        out: { type: 'string' },
        archive: { type: 'string' },
        'allow-missing-pact': { type: 'boolean' },
        run: { type: 'string' },
      });
      const outDir = target(io, '--out', values.out, join(root, DEFAULT_OUT));
      const archivePath = target(io, '--archive', values.archive, join(root, DEFAULT_ARCHIVE));
      const run = values.run === undefined ? undefined : await coverageRun(target(io, '--run', values.run, ''), values.run);
      try {
        const bundle = await buildBundle({ root, toolsRoot: defaults.toolsRoot, allowMissingPact: values['allow-missing-pact'] ?? false, env: io.env, run });
        const written = await writeBundle(bundle, { outDir, archivePath });
        const { git, pacts, pactDirShown } = bundle.inputs;
        io.out(`ccgw bundle: wrote ${shown(io, written.outDir)}/ (${bundle.files.length} files) and ${shown(io, written.archivePath)}`);
        io.out(`  archive sha256 ${written.archiveSha256} (uncompressed tar sha256 ${written.tarSha256}; Node zlib ${process.versions.zlib})`);
        io.out(`  from ${git ? `git commit ${git.commit}${git.clean ? '' : ' with local changes to tracked files'}` : 'a directory that is not a git checkout'}`);
        if (pacts.length === 0) io.err(`ccgw bundle: warning: no pact in ${pactDirShown}; the bundle's README says the pact is missing (run npm run pact:update, then bundle again)`);
        for (const p of pacts) io.out(`  pact/${p.name}: Pact ${p.specification ?? '(specification not stated)'}, ${p.interactions} interactions`);
        if (run) io.out(`  rules.md ends with the rule coverage of run ${run.runId}: ${coverageSections(run).map((c) => totalsText(c.totals)).join('; ')}`);
        return 0;
      } catch (e) {
        if (e instanceof BundleTargetError) throw new UsageError(NAME, e.message);
        if (!(e instanceof BundleError)) throw e;
        io.err(`ccgw bundle: ${e.message}`);
        return 1;
      }
    },
  };
}

/** `ccgw bundle` for this harness's checkout. */
export const bundleCommand: Command = createBundleCommand();

function target(io: CommandIo, flag: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  if (raw.trim() === '') throw new UsageError(NAME, `${flag} ${JSON.stringify(raw)} is empty; give a path, e.g. ${flag} /tmp/vendor`);
  return resolve(io.cwd, raw);
}

/** The run of `--run`, read and checked; anything wrong with it is a usage error naming the path. */
async function coverageRun(path: string, raw: string): Promise<RunSummary> {
  let run: RunSummary;
  try {
    run = await readRun(path);
  } catch (e) {
    if (e instanceof RunReadError || e instanceof RunSummaryError) throw new UsageError(NAME, `--run ${JSON.stringify(raw)}: ${e.message}`);
    throw e;
  }
  if (!hasRuleCoverage(run)) {
    throw new UsageError(NAME, `--run ${JSON.stringify(raw)}: run ${run.runId} (${path}) has no rule coverage, no phase with a coverage matrix; pass a run whose ccgw run included the rules phase`);
  }
  return run;
}

function shown(io: CommandIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
