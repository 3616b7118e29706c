/**
 * The "Rule coverage" section of `report.html`: for each phase with a coverage matrix (the `rules` phase), the totals
 * (rules passed, failed, skipped; documented and inferred) and per operation a collapsible table of its rules in
 * precedence order: rank, situation and rule name, documented/inferred (the source as a tooltip, the profile
 * setting as small text), the expected and the observed answer, an outcome badge, the expected-vs-observed line of a
 * failed rule or the reason of a skipped one, and links to the rule's cases further down. An operation with a
 * failed rule is open; the others are collapsed to one line of counts, so ~90 rules stay readable.
 *
 * Elements for tests and the browser check: each rule row is a `tr[data-rule]` with `data-outcome`, its answer cells
 * carry `data-expected` / `data-observed`, its line `data-detail`; each operation is a `details[data-operation]`.
 * Figures sit in `data-metric` elements: `coverage.<phase>.<total|passed|failed|skipped|documented|inferred>` and
 * `coverage.<phase>.<operation>.<passed|failed|skipped>`.
 */
import { escapeHtml as e } from './escape.ts';
import { profileLabel } from './format.ts';
import { badge, card, metric } from './html-page.ts';
import { answerText, coverageSections, countsText, firstCaseOf, rowDetail, type CoverageGroup, type CoverageSection } from './rule-coverage.ts';
import type { Phase, RuleCoverage, RunSummary } from './run-summary.ts';

/** The HTML id of a rule's row, unique in the page (phase names are unique, rule names unique within a phase). */
export function ruleAnchor(phase: string, rule: string): string {
  return `rule-${phase}-${rule}`;
}

function caseLinks(row: RuleCoverage): string {
  const prefix = `rules.${row.rule}.`;
  const links = row.caseIds.map((id) => {
    const label = id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : id;
    return `<a class="case-link mono" href="#case-${e(id)}" title="${e(id)}">${e(label)}</a>`;
  });
  return `<div class="small muted">${e(countsText(row.counts))}</div>${links.length > 0 ? `<div class="case-links">${links.join(' ')}</div>` : ''}`;
}

function provenanceCell(row: RuleCoverage): string {
  const setting = row.setting === undefined ? '' : `<div class="small muted">setting <code>${e(row.setting)}</code></div>`;
  return `<span class="prov ${row.provenance}" title="${e(row.source)}">${row.provenance}</span>${setting}<div class="small muted source">${e(row.source)}</div>`;
}

function ruleRow(phase: Phase, row: RuleCoverage): string {
  const shown = row.outcome === 'skipped' ? undefined : firstCaseOf(row, phase, row.outcome);
  const detail = rowDetail(row);
  const line =
    detail === ''
      ? ''
      : row.outcome === 'failed'
        ? `<div class="message" data-detail>${e(detail)}</div>`
        : `<div class="${row.outcome === 'skipped' ? 'reason' : 'muted'}" data-detail>${row.outcome === 'skipped' ? 'Skipped: ' : ''}${e(detail)}</div>`;
  return [
    `<tr class="${row.outcome}" id="${e(ruleAnchor(phase.name, row.rule))}" data-rule="${e(row.rule)}" data-outcome="${row.outcome}">`,
    `<td class="num">${row.rank}</td>`,
    `<td>${e(row.title)}<div class="muted mono">${e(row.rule)}</div>${line}</td>`,
    `<td>${provenanceCell(row)}</td>`,
    `<td class="mono" data-expected>${e(row.expected)}</td>`,
    `<td class="mono" data-observed>${e(answerText(shown?.observed))}</td>`,
    `<td>${badge(row.outcome)}</td>`,
    `<td class="cases">${caseLinks(row)}</td>`,
    '</tr>',
  ].join('');
}

function operationBlock(phase: Phase, g: CoverageGroup): string {
  const m = (k: 'passed' | 'failed' | 'skipped') => metric(`coverage.${phase.name}.${g.operation}.${k}`, g.totals[k], 'count');
  const head = '<thead><tr><th class="num">#</th><th>Situation and rule</th><th>Basis</th><th>Expected</th><th>Observed</th><th>Outcome</th><th>Cases</th></tr></thead>';
  return [
    `<details class="coverage-op" id="coverage-${e(phase.name)}-${e(g.operation)}" data-operation="${e(g.operation)}"${g.totals.failed > 0 ? ' open' : ''}>`,
    `<summary><code>${e(g.operation)}</code> · ${g.totals.total} rule${g.totals.total === 1 ? '' : 's'}: ${m('passed')} passed · ${m('failed')} failed · ${m('skipped')} skipped${g.totals.failed > 0 ? ` ${badge('failed')}` : ''}</summary>`,
    `<table class="coverage">${head}<tbody>`,
    ...g.rows.map((row) => ruleRow(phase, row)),
    '</tbody></table>',
    '</details>',
  ].join('\n');
}

function section(s: RunSummary, c: CoverageSection, several: boolean): string {
  const p = c.phase.name;
  const m = (k: keyof typeof c.totals) => metric(`coverage.${p}.${k}`, c.totals[k], 'count');
  return [
    `<section class="coverage" id="coverage-${e(p)}">`,
    `<h2>Rule coverage${several ? ` of <code>${e(p)}</code>` : ''} under <code>${e(profileLabel(s.target))}</code></h2>`,
    `<p class="muted">Each rule of the gateway as ccgw-harness models it, checked by the cases of phase <a href="#phase-${e(p)}">${e(p)}</a>. ` +
      'Documented rules are stated by a document; inferred rules are assumptions (a profile setting where the gateway may answer otherwise). ' +
      'A rule passes when a case passed and none failed; a rule none of whose cases could run is skipped, never passed.</p>',
    '<div class="cards">',
    card('Rules', m('total')),
    card('Passed', m('passed')),
    card('Failed', m('failed')),
    card('Skipped', m('skipped')),
    card('Documented', m('documented')),
    card('Inferred', m('inferred')),
    '</div>',
    c.groups.length === 0 ? '<p class="muted">No rule rows.</p>' : c.groups.map((g) => operationBlock(c.phase, g)).join('\n'),
    '</section>',
  ].join('\n');
}

/** The rule coverage sections of a (redacted) run, or `''` when no phase carries a matrix. */
export function coverageHtml(s: RunSummary): string {
  const sections = coverageSections(s);
  return sections.map((c) => section(s, c, sections.length > 1)).join('\n');
}
