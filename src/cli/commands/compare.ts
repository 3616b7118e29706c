/**
 * `ccgw compare`: compares two runs (typically the old and the new live gateway before an upgrade) and exits 1 when
 * the second regressed: a case that now fails, a retcode or HTTP status the gateway now answers differently in the
 * same situation, slower latency percentiles, lower throughput, new invariant violations, crossed thresholds.
 *
 * @example
 * ```sh
 * ccgw compare runs/old-gateway runs/new-gateway --html runs/compare.html
 * ccgw compare runs/a runs/b --threshold 10 --json > compare.json
 * ```
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { compareRuns, DEFAULT_COMPARE_OPTIONS } from '../../report/compare.ts';
import { renderComparisonHtml } from '../../report/compare-html.ts';
import { renderComparisonText } from '../../report/compare-text.ts';
import { RunSummaryError } from '../../report/parse-run-summary.ts';
import type { RunSummary } from '../../report/run-summary.ts';
import { readRun, RunReadError } from '../../report/write-run.ts';
import type { Command } from '../command.ts';
import type { CommandIo } from '../io.ts';
import { parseOptions, UsageError } from '../usage.ts';

const NAME = 'compare';

const USAGE = `Usage: ccgw compare RUN_A RUN_B [options]

Compares run B (the candidate, e.g. the new gateway) with run A (the baseline, e.g. the old gateway). RUN_A and
RUN_B are run directories written by \`ccgw run\` (or their summary.json). Cases are matched by id, load
scenarios by name. Prints the differences and exits 1 when B regressed:
  - a case that passed (or was skipped, or is new) now fails
  - the gateway answers another retcode or HTTP status for the same case
  - a latency percentile (p50/p90/p95/p99, per scenario and operation) is slower by more than the threshold
  - a scenario's throughput (rps) dropped by more than the threshold
  - a scenario's invariant is violated more often; a k6 threshold that was met is now crossed
Improvements and other changes (cases skipped or gone, retcodes that appeared under load) are listed too but
do not fail.

Options:
  --threshold PCT   Latency and throughput changes count beyond PCT percent (default ${DEFAULT_COMPARE_OPTIONS.latencyThresholdPct})
  --min-ms MS       ...and latency changes only beyond MS milliseconds too (default ${DEFAULT_COMPARE_OPTIONS.minAbsoluteMs})
  --html FILE       Also write the comparison as a self-contained HTML page
  --json            Print the comparison as JSON instead of text

Exit codes: 0 no regression, 1 regression, 2 usage error (e.g. a directory that is not a run).

Example:
  ccgw compare runs/20261125T100000Z-old runs/20261125T113000Z-new --html runs/compare.html`;

function numberOption(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^[0-9]+(\.[0-9]+)?$/.test(raw)) throw new UsageError(NAME, `${flag} ${JSON.stringify(raw)} is not valid; use a number ≥ 0, e.g. ${flag} ${fallback}`);
  return Number(raw);
}

async function load(label: string, path: string, cwd: string): Promise<RunSummary> {
  try {
    return await readRun(resolve(cwd, path));
  } catch (e) {
    if (e instanceof RunReadError || e instanceof RunSummaryError) throw new UsageError(NAME, `${label}: ${e.message}`);
    throw e;
  }
}

/**
 * The `ccgw compare` command.
 *
 * @example
 * ```ts
 * const code = await compareCommand.run(['runs/a', 'runs/b', '--json'], processIo());
 * ```
 */
export const compareCommand: Command = {
  name: NAME,
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseOptions(
      NAME,
      argv,
      { html: { type: 'string' }, threshold: { type: 'string' }, 'min-ms': { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    if (positionals.length !== 2) {
      const got = positionals.length === 0 ? 'none' : positionals.map((p) => JSON.stringify(p)).join(', ');
      throw new UsageError(NAME, `needs two run directories, RUN_A (the baseline) and RUN_B (the candidate); got ${got}. Example: ccgw compare runs/old runs/new`);
    }
    const latencyThresholdPct = numberOption('--threshold', values.threshold, DEFAULT_COMPARE_OPTIONS.latencyThresholdPct);
    const minAbsoluteMs = numberOption('--min-ms', values['min-ms'], DEFAULT_COMPARE_OPTIONS.minAbsoluteMs);
    const [pathA, pathB] = positionals as [string, string];
    const a = await load('RUN_A', pathA, io.cwd);
    const b = await load('RUN_B', pathB, io.cwd);
    const comparison = compareRuns(a, b, { latencyThresholdPct, minAbsoluteMs });
    io.out(values.json ? JSON.stringify(comparison, null, 2) : renderComparisonText(comparison));
    if (values.html !== undefined) {
      const file = resolve(io.cwd, values.html);
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, renderComparisonHtml(comparison), 'utf8');
      } catch (e) {
        throw new UsageError(NAME, `--html ${JSON.stringify(values.html)} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); choose a writable file path`);
      }
      // With --json, stdout is the JSON document alone.
      (values.json ? io.err : io.out)(`HTML comparison written to ${file}`);
    }
    return comparison.regressed ? 1 : 0;
  },
};
