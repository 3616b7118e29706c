/** Assembling a run's summary from its phases, and writing the run directory. */
import { overridesOf } from '../domain/profiles.ts';
import type { Settings } from '../config/settings.ts';
import type { Phase, RunSummary, TargetKind, ToolVersions } from '../report/run-summary.ts';
import type { OpenTarget } from './target.ts';

export interface RunParts {
  readonly runId: string;
  readonly startedAt: Date;
  readonly target: OpenTarget;
  readonly settings: Settings;
  readonly tool: ToolVersions;
  readonly phases: readonly Phase[];
  readonly faults?: string;
}

export function runSummary(p: RunParts): RunSummary {
  const finishedAt = new Date();
  const overrides = overridesOf(p.settings.profile);
  return {
    schemaVersion: 1,
    runId: p.runId,
    startedAt: p.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - p.startedAt.getTime(),
    target: { kind: targetKindOf(p.target), url: p.target.url, profile: p.settings.profile.name, auth: p.target.auth,
      ...(p.faults ? { faults: p.faults } : {}),
      ...(Object.keys(overrides).length ? { profileOverrides: overrides } : {}),
    },
    tool: p.tool,
    // Nothing failed, and something was checked: a run whose every phase was skipped did not do what was asked.
    outcome: p.phases.every((ph) => ph.outcome !== 'failed') && p.phases.some((ph) => ph.outcome === 'passed') ? 'passed' : 'failed',
    phases: p.phases,
  };
}

/**
 * What kind of gateway the target is, for the run id and the summary: the embedded mock, a gateway on this machine
 * (a loopback URL without --live, e.g. a `ccgw mock` process), or a live gateway on another machine.
 */
export function targetKindOf(target: Pick<OpenTarget, 'kind' | 'loopback'>): TargetKind {
  if (target.kind === 'mock') return 'mock';
  return target.loopback ? 'gateway' : 'live';
}

/** The passwords of the fixtures, to scrub from everything written (besides the secret-field redaction). */
export function fixtureSecrets(target: OpenTarget): string[] {
  return [...new Set(target.fixtures.accounts.map((a) => a.password))];
}
