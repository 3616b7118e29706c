/**
 * A run: phases one after the other against one target, a summary, a run directory. A stop request (Ctrl-C,
 * SIGTERM) lets the current phase finish its clean-up, skips the others, and still writes the report.
 *
 * A gateway that does not answer when the target is opened ends the command before any phase (GatewayUnreachable,
 * exit 3). One that stops answering later is found by probing it again after a phase that failed (or threw):
 * when the probe fails, the phases after it are skipped with that reason, the run directory is still written, and
 * the run ends with GatewayUnreachable naming the URL, the cause, the fix and the phase it happened in. The failed
 * phase keeps the failures it saw (it finished its own clean-up); they may stem from the outage, which the message says.
 */
import type { CommandIo } from '../io/command-io.ts';
import { GatewayUnreachable } from '../io/errors.ts';
import type { Settings } from '../config/settings.ts';
import { redactSummary } from '../report/redact.ts';
import type { Phase } from '../report/run-summary.ts';
import { writeRun, type RunFiles } from '../report/write-run.ts';
import type { Progress } from './progress.ts';
import { newRunId } from './run-id.ts';
import { fixtureSecrets, runSummary, targetKindOf } from './run-summary.ts';
import type { Unreachable } from './reachability.ts';
import { openTarget, type OpenTarget } from './target.ts';
import { toolVersions } from './tool-versions.ts';
import { claimRunDirectory, releaseRunDirectory, type RunDirectory } from './run-directory.ts';
import { checkWritableDirectory } from './writable-paths.ts';

/** What a phase gets: the open target, the stop signal, and the run directory (for files of its own). */
export interface PhaseContext {
  readonly target: OpenTarget;
  readonly signal: AbortSignal;
  readonly dir: string;
}

/** One phase of a run. */
export interface PhaseStep {
  readonly name: string;
  /** Refuses the target before any phase runs (e.g. fixtures too small for the load asked). @throws UsageError */
  check?(target: OpenTarget): void;
  run(context: PhaseContext): Promise<Phase>;
}

export interface RunPhasesOptions {
  readonly command: string;
  readonly settings: Settings;
  readonly io: CommandIo;
  readonly progress: Progress;
  readonly steps: readonly PhaseStep[];
  /** Words for the run id after the target kind, e.g. ['verify']. */
  readonly idParts: readonly string[];
  /** The k6 binary when a load phase runs (for the tool versions). */
  readonly k6?: string;
  readonly json: boolean;
}

export interface RunResult {
  readonly outcome: 'passed' | 'failed';
  readonly files: RunFiles;
  readonly interrupted: string | undefined;
}

/**
 * Runs the steps against the target of the settings and writes the run directory.
 * @throws GatewayUnreachable when the gateway does not answer at the start (nothing written) or stops answering
 *   after a failed phase (the run directory is written first)
 */
export async function runPhases(o: RunPhasesOptions): Promise<RunResult> {
  const startedAt = new Date();
  const stop = new AbortController();
  let interrupted: string | undefined;
  void o.io.stopRequested.then((why) => {
    interrupted = why;
    o.progress.failure(`${why}: finishing the current phase (its clean-up runs), skipping the rest`);
    stop.abort(new Error(why));
  });
  await checkWritableDirectory(o.command, '--out', o.settings.reportDir);
  const target = await openTarget(o.command, o.settings, o.io.env);
  try {
    for (const step of o.steps) step.check?.(target);
  } catch (e) {
    await target.close();
    throw e;
  }
  if (target.accountsNote) o.progress.step(target.accountsNote);
  let claimed: RunDirectory;
  try {
    claimed = await claimRunDirectory(o.settings.reportDir, newRunId(startedAt, [targetKindOf(target), ...o.idParts]));
  } catch (e) {
    await target.close();
    throw e;
  }
  const { id: runId, dir } = claimed;
  let written = false;
  const phases: Phase[] = [];
  let lost: { readonly during: string; readonly problem: Unreachable } | undefined;
  const probeAfter = async (during: string) => {
    const problem = await target.checkReachable();
    return problem ? { during, problem } : undefined;
  };
  try {
    for (const step of o.steps) {
      if (interrupted) {
        phases.push({ name: step.name, outcome: 'skipped', durationMs: 0, reason: `the run was interrupted (${interrupted}) before this phase`, cases: [] });
        continue;
      }
      if (lost) {
        phases.push({ name: step.name, outcome: 'skipped', durationMs: 0, reason: `the gateway stopped answering during the ${lost.during} phase: ${lost.problem.cause}`, cases: [] });
        continue;
      }
      const started = Date.now();
      let phase: Phase;
      try {
        phase = await step.run({ target, signal: stop.signal, dir });
      } catch (e) {
        lost = await probeAfter(step.name);
        if (!lost) throw e;
        const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
        phase = { name: step.name, outcome: 'failed', durationMs: Date.now() - started, reason: `the phase stopped (${why}) as the gateway stopped answering`, cases: [] };
      }
      phases.push(phase);
      if (!lost && phase.outcome === 'failed') lost = await probeAfter(step.name);
    }
    const summary = runSummary({ runId, startedAt, target, settings: o.settings, tool: await toolVersions({ k6: o.k6 }), phases });
    const secrets = fixtureSecrets(target);
    const files = await writeRun(dir, summary, { secrets });
    written = true;
    // What is printed is what summary.json holds: redacted the same way.
    if (o.json) o.io.out(JSON.stringify(redactSummary(summary, { secrets }), null, 2));
    const counts = phases.map((p) => `${p.name} ${p.outcome}${p.cases.length ? ` (${p.cases.filter((c) => c.outcome === 'passed').length}/${p.cases.length})` : ''}`);
    o.progress.result(`${summary.outcome === 'passed' ? 'PASSED' : 'FAILED'}: ${counts.join(', ')} against ${target.url}`);
    o.progress.result(`report: ${files.html}`);
    if (lost) {
      const skipped = phases.filter((p) => p.outcome === 'skipped' && p.reason?.startsWith('the gateway stopped')).map((p) => p.name);
      throw new GatewayUnreachable(
        target.url,
        `the gateway at ${target.url} stopped answering during the ${lost.during} phase (its failures may come from that): ${lost.problem.cause}. ` +
          `Fix: ${lost.problem.fix}.${skipped.length ? ` Skipped: ${skipped.join(', ')}.` : ''}`,
      );
    }
    return { outcome: summary.outcome, files, interrupted };
  } finally {
    if (!written) await releaseRunDirectory(claimed);
    await target.close();
  }
}
