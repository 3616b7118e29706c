/**
 * The section `ccgw bundle --run DIR` appends to `rules.md`: the rule coverage matrix of one run, so the vendor sees
 * which rules a gateway answered as expected, which it did not (expected vs observed) and which could not be
 * checked (and why). It says which run, when, against which kind of gateway and under which profile; it never
 * carries the gateway's address (nor so any credentials in it) or a password: the run is redacted again here.
 * The text depends only on the run summary, so the bundle stays byte-reproducible.
 */
import { profileLabel } from '../report/format.ts';
import { coverageMarkdown } from '../report/markdown.ts';
import { redactSummary } from '../report/redact.ts';
import { coverageSections } from '../report/rule-coverage.ts';
import type { RunSummary } from '../report/run-summary.ts';
import { code, escapeMarkdown } from './markdown.ts';

const GATEWAY: Readonly<Record<RunSummary['target']['kind'], string>> = {
  mock: 'the mock gateway of ccgw-harness',
  gateway: 'a gateway on the machine that ran the harness (e.g. a ccgw mock process or a CC-Gateway under test)',
  live: 'a live CC-Gateway',
};

const AUTH: Readonly<Record<RunSummary['target']['auth'], string>> = {
  static: 'static Guid from sign-in (AUTHMODE=1)',
  dynamic: 'dynamic Guid from event polling (AUTHMODE=2)',
};

/** Whether a run carries a rule coverage matrix (a phase with `coverage`), i.e. whether it can be bundled. */
export function hasRuleCoverage(run: RunSummary): boolean {
  return coverageSections(run).length > 0;
}

/** The `rules.md` section of a run's rule coverage, starting with a blank line and a level-2 heading. */
export function runCoverageMarkdown(input: RunSummary): string {
  const run = redactSummary(input);
  const t = run.target;
  return [
    `\n## Rule coverage of run ${code(run.runId)}\n\n`,
    'What one run of ccgw-harness found on a gateway for each rule above: **passed** (the gateway answered as the rule expects), ',
    '**failed** (with what was expected and what the gateway answered) or **skipped** (the rule could not be checked there, with the reason; never counted as passed).\n\n',
    `- Run ${code(run.runId)} by ccgw ${escapeMarkdown(run.tool.version)}, from ${escapeMarkdown(run.startedAt)} to ${escapeMarkdown(run.finishedAt)}; outcome **${run.outcome}**.\n`,
    `- Gateway: ${GATEWAY[t.kind]}, ${AUTH[t.auth]}${t.faults === undefined ? '' : `, injected faults ${code(t.faults)}`}. Its address is left out of this bundle.\n`,
    `- Profile: ${code(profileLabel(t))}. The tables above use the default profile; the expected answers below are those of the run's profile.\n\n`,
    coverageMarkdown(run, 3),
  ].join('');
}
