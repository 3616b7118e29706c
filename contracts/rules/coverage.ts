/**
 * The rule coverage matrix of a suite run: one row per rule of every operation (and its success row), with what the
 * rule answers under the run's profile and what its cases found. A rule is `failed` when a case of it failed,
 * `passed` when at least one passed and none failed, `skipped` when every case was skipped (with their reasons).
 */
import type { Provenance } from '../../src/domain/provenance.ts';
import type { Profile } from '../../src/domain/profiles.ts';
import type { Case, RuleCoverage } from '../../src/report/run-summary.ts';
import type { SuiteRow } from './suite-plan.ts';

/** What a row answers under the profile: a retcode, `http-404`, `0` for success, or `injected fault`. */
export function expectedAnswer(row: SuiteRow, profile: Profile): string {
  const a = row.answer;
  if (a === undefined) return '0';
  if ('retcode' in a) return a.retcode;
  if ('setting' in a) return profile.answers[a.setting].value;
  return 'injected fault';
}

/** A source without its kind (the reports show the kind beside it): the document and sentence, or the reason. */
function sourceOf(p: Provenance): string {
  return p.kind === 'documented' ? `${p.source}: "${p.says}"` : `${p.reason}${p.basis ? ` (see ${p.basis})` : ''}`;
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim().startsWith('expected') || l.includes('should'))?.trim() ?? text.split('\n')[0]!;
}

/** The matrix: one row per suite row, in order. */
export function ruleCoverage(rows: readonly SuiteRow[], cases: readonly Case[], profile: Profile): RuleCoverage[] {
  return rows.map((row): RuleCoverage => {
    const mine = cases.filter((c) => c.rule === row.rule);
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const c of mine) counts[c.outcome]++;
    const outcome = counts.failed > 0 ? 'failed' : counts.passed > 0 ? 'passed' : 'skipped';
    const failed = mine.find((c) => c.outcome === 'failed');
    const reasons = [...new Set(mine.filter((c) => c.outcome === 'skipped').map((c) => c.skipReason!))];
    const detail = failed?.failure ? firstLine(failed.failure.message) : outcome === 'skipped' ? (reasons.join('; ') || 'the rule has no case') : undefined;
    const setting = row.answer && 'setting' in row.answer ? row.answer.setting : undefined;
    // The rule and its answer may stand on different ground: a documented rule whose retcode no document names.
    const answerProvenance = setting ? profile.answers[setting].provenance : undefined;
    const answerSource = answerProvenance ? `; its answer is the setting ${setting} (${answerProvenance.kind}: ${sourceOf(answerProvenance)})` : '';
    return {
      rule: row.rule,
      operation: row.operation,
      rank: row.rank,
      title: row.title,
      provenance: row.provenance.kind,
      source: `${sourceOf(row.provenance)}${answerSource}`,
      ...(setting ? { setting } : {}),
      expected: expectedAnswer(row, profile),
      outcome,
      caseIds: mine.map((c) => c.id),
      counts,
      ...(detail ? { detail } : {}),
    };
  });
}
