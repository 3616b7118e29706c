/**
 * A provider verification as the harness reports every run: its cases wrapped in a {@link RunSummary} with one
 * `contracts` phase, and that summary as JUnit XML through src/report/junit.ts. The harness's renderer is used
 * rather than the Pact verifier's own JUnit output because pact-js does not expose the latter, and because the
 * harness's report redacts passwords and Guids, keeps skipped interactions (with their reason) apart from passed
 * ones, and matches every other report of the harness (`ccgw compare` reads the same summary).
 */
import { createRequire } from 'node:module';
import { HARNESS_VERSION } from '../../src/paths.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { redactSummary } from '../../src/report/redact.ts';
import type { Case, RunSummary, RunTarget } from '../../src/report/run-summary.ts';

const PACT_VERSION = (createRequire(import.meta.url)('@pact-foundation/pact/package.json') as { version: string }).version;

/** The result of a provider verification. */
export interface GatewayVerification {
  /** `failed` when any case failed; skipped cases never count as passed, and do not fail the run. */
  readonly outcome: 'passed' | 'failed';
  /** One case per interaction of the pact, in the pact's order. */
  readonly cases: readonly Case[];
  /** The run summary (redacted), with one `contracts` phase. */
  readonly summary: RunSummary;
  /** The summary as JUnit XML. */
  readonly junit: string;
}

/** Wraps the cases into a summary and renders the JUnit XML, redacting the given secrets everywhere. */
export function contractReport(cases: readonly Case[], target: RunTarget, startedAtMs: number, secrets: readonly string[] = []): GatewayVerification {
  const finished = Date.now();
  const outcome = cases.some((c) => c.outcome === 'failed') ? 'failed' : 'passed';
  const allSkipped = cases.length > 0 && cases.every((c) => c.outcome === 'skipped');
  const stamp = new Date(startedAtMs).toISOString();
  const raw: RunSummary = {
    schemaVersion: 1,
    runId: `${stamp.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${target.kind}-contracts`,
    startedAt: stamp,
    finishedAt: new Date(finished).toISOString(),
    durationMs: finished - startedAtMs,
    target,
    tool: { version: HARNESS_VERSION, node: process.version, pact: PACT_VERSION, platform: `${process.platform}-${process.arch}` },
    outcome,
    phases: [{ name: 'contracts', outcome: allSkipped ? 'skipped' : outcome, durationMs: finished - startedAtMs, cases }],
  };
  const summary = redactSummary(raw, { secrets });
  return { outcome, cases: summary.phases[0]!.cases, summary, junit: renderJunit(summary, { secrets }) };
}
