/**
 * The load phase of a run: one k6 scenario against the target, reported as a phase with one case (the
 * scenario, failed when a threshold is crossed or the barge invariant breaks) and its load result.
 */
import { dirname, relative, sep } from 'node:path';
import type { Settings } from '../config/settings.ts';
import { runK6Scenario, type LoadScenario } from '../load-runner/run-k6-scenario.ts';
import type { Case, LoadAchieved, LoadAsked, Phase } from '../report/run-summary.ts';
import type { OpenTarget } from './target.ts';
import type { Progress } from './progress.ts';

export interface LoadPhaseOptions {
  readonly target: OpenTarget;
  readonly settings: Settings;
  readonly scenario: LoadScenario;
  /** Where k6's files go: a directory inside the run directory (its parent), e.g. `runs/x/load`. */
  readonly dir: string;
  readonly progress: Progress;
  readonly k6?: string;
  readonly signal?: AbortSignal;
  /**
   * Why nothing can be driven (fixtures that cannot give one unit of the scenario; `fixturesShortage`): the phase is
   * then skipped with this reason. A size the user asked for that they cannot give is refused before any phase.
   */
  readonly skipBecause?: string | undefined;
}

/** k6 status lines worth passing on as progress (not the banner or the summary table). */
const STATUS = /^(?:running|default|setup|teardown|smoke|storm|throughput|soak)\b|level=(?:error|warning)|✗/;

/** `asked 200 cycles/s, achieved 199.8 cycles/s, 1798 calls/s` (open) or `achieved 16 rounds/s, 200 calls/s` (closed). */
function drivenText(asked: LoadAsked | undefined, achieved: LoadAchieved | undefined): string | undefined {
  if (!asked || !achieved) return undefined;
  const unit = `${asked.unit}s/s`;
  return `${asked.model === 'open' ? `asked ${asked.rate} ${unit}, ` : ''}achieved ${achieved.perSecond} ${unit}, ${achieved.callsPerSecond} calls/s`;
}

export async function loadPhase(o: LoadPhaseOptions): Promise<Phase> {
  const started = Date.now();
  o.progress.phase('load', `k6 scenario ${o.scenario} against ${o.target.url}`);
  if (o.skipBecause !== undefined) {
    o.progress.step(`load ${o.scenario}: skipped: ${o.skipBecause}`);
    return { name: 'load', outcome: 'skipped', durationMs: Date.now() - started, reason: o.skipBecause, cases: [] };
  }
  const run = await runK6Scenario({
    scenario: o.scenario,
    baseUrl: o.target.url,
    live: o.target.kind === 'live' && !o.target.loopback,
    maxRequestsPerSecond: o.settings.maxRequestsPerSecond,
    fixturesPath: o.target.fixturesPath,
    profile: o.settings.profile,
    ...(o.target.tls ? { tls: o.target.tls } : {}),
    load: o.settings.load,
    outDir: o.dir,
    onLine: (line) => {
      if (STATUS.test(line.trim())) o.progress.step(`k6: ${line.trim()}`);
    },
    ...(o.k6 ? { k6: o.k6 } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const durationMs = Date.now() - started;
  const crossed = run.result?.thresholds.filter((t) => !t.ok) ?? [];
  const broken = (run.result?.invariant.violations ?? 0) > 0;
  const achieved = run.result?.achieved;
  const shortfall = achieved && !achieved.ok ? (achieved.notes ?? []) : [];
  const title = `load scenario ${o.scenario} meets its thresholds and keeps the barge invariant`;
  const scenarioCase: Case = run.passed
    ? { id: `load.${o.scenario}`, title, kind: 'scenario', outcome: 'passed', durationMs }
    : {
        id: `load.${o.scenario}`,
        title,
        kind: 'scenario',
        outcome: 'failed',
        durationMs,
        failure: {
          message: [
            ...shortfall,
            run.problem ?? `k6 exited ${run.exitCode}`,
            ...crossed.map((t) => `threshold crossed: ${t.metric} ${t.expression}${t.value !== undefined ? ` (measured ${t.value})` : ''}`),
            ...(broken ? run.result!.invariant.detail ?? [] : []),
            `k6 files: ${run.files.json}, ${run.files.junit}, ${run.files.dashboard}`,
          ].join('\n'),
        },
      };
  if (!run.passed) for (const line of shortfall.length > 0 ? shortfall : scenarioCase.failure!.message.split('\n').slice(0, 1)) o.progress.failure(`load ${o.scenario}: ${line}`);
  else o.progress.step(`load ${o.scenario}: passed (${drivenText(run.result?.asked, achieved) ?? `${run.result?.rps ?? 0} calls/s`}, p95 ${run.result?.latencyMs['all']?.p95 ?? '–'} ms)`);
  // Paths relative to the run directory, so that a moved or copied run still finds its files.
  const inRun = (file: string) => relative(dirname(o.dir), file).split(sep).join('/');
  return {
    name: 'load',
    outcome: run.passed ? 'passed' : 'failed',
    durationMs,
    cases: [scenarioCase],
    ...(run.result ? { load: [{ ...run.result, samples: inRun(run.files.samples), ...(run.dashboardWritten ? { dashboard: inRun(run.files.dashboard) } : {}) }] } : { reason: run.problem ?? 'k6 gave no result' }),
  };
}
