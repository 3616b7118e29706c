/**
 * `ccgw compare`: compares two runs (typically the old and the new live gateway before an upgrade) and exits 1 when
 * the second regressed: a case or rule that now fails, a retcode or HTTP status the gateway now answers differently
 * in the same situation, an operation that is slower by a significant shift beyond the floor (Mann–Whitney U on
 * the raw samples), new invariant violations, crossed thresholds.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readRunLatencies } from '../../load-runner/run-latencies.ts';
import { compareRuns, DEFAULT_COMPARE_OPTIONS, MIN_ALPHA, type RunLatencies } from '../../report/compare.ts';
import { MIN_SAMPLES } from '../../report/compare-latency.ts';
import { renderComparisonHtml } from '../../report/compare-html.ts';
import { renderComparisonText } from '../../report/compare-text.ts';
import { RunSummaryError } from '../../report/parse-run-summary.ts';
import type { RunSummary } from '../../report/run-summary.ts';
import { readRun, RunReadError, summaryPathOf } from '../../report/write-run.ts';
import type { Command } from '../command.ts';
import type { CommandIo } from '../../io/command-io.ts';
import { UsageError } from '../../io/errors.ts';
import { parseOptions } from '../../io/options.ts';
import { makeDirectory } from '../../io/make-directory.ts';

const NAME = 'compare';

const D = DEFAULT_COMPARE_OPTIONS;

const USAGE = `Usage: ccgw compare RUN_A RUN_B [options]

Compares run B (the candidate, e.g. the new gateway) with run A (the baseline, e.g. the old gateway). RUN_A and
RUN_B are run directories written by \`ccgw run\` (or their summary.json). Cases are matched by id, rules of the
coverage matrix by rule id, load scenarios by name. Prints the differences and exits 1 when B regressed:
  - a case that passed (or was skipped, or is new) now fails; a rule that passed (or was skipped) now fails
  - the gateway answers another retcode or HTTP status for the same case
  - an operation is slower: the Mann–Whitney U test on the raw latency samples of both runs (k6's samples in
    the run directory) finds B slower at --alpha (one-sided), AND the shift (Hodges–Lehmann: the median of
    all differences) is at least --threshold percent of A's median AND at least --min-ms
  - a scenario's invariant is violated more often; a k6 threshold that was met is now crossed
Each latency verdict comes with both medians, the shift in ms and %, its (1 − 2·alpha) confidence interval
(${100 - 2 * 100 * D.alpha}% by default), the p-value and the number of calls. Fewer than ${MIN_SAMPLES} calls of an operation in either
run: "too few samples to judge". A run without raw samples (older runs, a deleted file): "not judged: no raw
samples", with its percentiles for information. Percentiles and throughput vary between two runs of one gateway
and never fail a comparison.
Improvements and other changes are listed too but do not fail. The same two runs always give the same output.

Options:
  --threshold PCT   a latency shift counts from PCT percent of A's median (default ${D.latencyThresholdPct}); throughput
                    changes beyond PCT percent are listed
  --min-ms MS       ...and from MS milliseconds (default ${D.minAbsoluteMs})
  --alpha P         significance level of the one-sided latency test, ${MIN_ALPHA} ≤ P < 0.5 (default ${D.alpha})
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

function alphaOption(raw: string | undefined): number {
  if (raw === undefined) return D.alpha;
  const value = /^[0-9]*\.?[0-9]+(e-[0-9]+)?$/i.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= MIN_ALPHA && value < 0.5)) throw new UsageError(NAME, `--alpha ${JSON.stringify(raw)} is not valid; use a number from ${MIN_ALPHA} to below 0.5, e.g. --alpha ${D.alpha}`);
  return value;
}

interface LoadedRun {
  readonly summary: RunSummary;
  readonly latencies: RunLatencies;
}

async function load(label: string, path: string, cwd: string): Promise<LoadedRun> {
  try {
    const summaryFile = await summaryPathOf(resolve(cwd, path));
    const summary = await readRun(summaryFile);
    return { summary, latencies: await readRunLatencies(dirname(summaryFile), summary) };
  } catch (e) {
    if (e instanceof RunReadError || e instanceof RunSummaryError) throw new UsageError(NAME, `${label}: ${e.message}`);
    throw e;
  }
}

/** The `ccgw compare` command. */
export const compareCommand: Command = {
  name: NAME,
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseOptions(
      NAME,
      argv,
      { html: { type: 'string' }, threshold: { type: 'string' }, 'min-ms': { type: 'string' }, alpha: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    if (positionals.length !== 2) {
      const got = positionals.length === 0 ? 'none' : positionals.map((p) => JSON.stringify(p)).join(', ');
      throw new UsageError(NAME, `needs two run directories, RUN_A (the baseline) and RUN_B (the candidate); got ${got}. Example: ccgw compare runs/old runs/new`);
    }
    const latencyThresholdPct = numberOption('--threshold', values.threshold, D.latencyThresholdPct);
    const minAbsoluteMs = numberOption('--min-ms', values['min-ms'], D.minAbsoluteMs);
    const alpha = alphaOption(values.alpha);
    const [pathA, pathB] = positionals as [string, string];
    const a = await load('RUN_A', pathA, io.cwd);
    const b = await load('RUN_B', pathB, io.cwd);
    const comparison = compareRuns(a.summary, b.summary, { latencyThresholdPct, minAbsoluteMs, alpha }, { a: a.latencies, b: b.latencies });
    io.out(values.json ? JSON.stringify(comparison, null, 2) : renderComparisonText(comparison));
    if (values.html !== undefined) {
      const file = resolve(io.cwd, values.html);
      try {
        await makeDirectory(dirname(file));
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
