/**
 * `rules.md`: the gateway's rules as ccgw-harness models them, in prose for the vendor. For each operation its
 * precedence table under the default profile (the first situation that applies decides the answer) and the events
 * it triggers; then each profile with its ID range, group word and every configurable answer; then the list of
 * everything inferred, which we ask Huawei to confirm or correct. The data is `src/domain` and the generated
 * contract tables.
 */
import { operations } from '../generated/contract.ts';
import {
  DEFAULT_PROFILE,
  OPERATION_IDS,
  OPERATION_RULES,
  PROFILES,
  PROFILE_NAMES,
  describeProvenance,
  precedenceTable,
  type AnswerName,
  type OperationId,
  type Profile,
  type Provenance,
  type Rule,
} from '../domain/index.ts';
import { code, escapeMarkdown, markdownTable } from './markdown.ts';
import { sourceList } from './sources.ts';

/** A triggered event as the contract lists it. */
interface ListedEvent {
  readonly eventType: string;
  readonly to: string;
  readonly status: string;
  readonly source: string;
  readonly when?: string;
}

const RECIPIENTS: Readonly<Record<string, string>> = {
  inspector: 'the inspector (`agentid`)',
  target: 'the target agent (`workNo`)',
  self: 'the agent itself (`agentid`)',
};

/** The whole `rules.md`. */
export function rulesMarkdown(profiles: readonly Profile[] = PROFILE_NAMES.map((n) => PROFILES[n]), defaultProfile: Profile = DEFAULT_PROFILE): string {
  return [
    '# Rules and profiles\n\n',
    'How ccgw-harness expects a CC-Gateway to answer each call. Every rule says where it comes from:\n\n',
    '- **documented**: a document states it; its sentence is given as ccgw-harness records it (in English, closely following the page; Chinese pages translated) with its source.\n',
    '- **inferred**: no document we have states it; ccgw-harness assumes it, for the reason given. Where a gateway could plausibly answer differently, ',
    'the answer is a **profile setting** with its candidates.\n\n',
    'A call is checked against its operation\'s situations in rank order; the first that applies decides the answer, and a rejected call changes nothing. ',
    '**No document we have states the order in which the gateway makes these checks: the order is ours**, and we ask Huawei to confirm it ',
    '(a call that is wrong in two ways shows which check comes first).\n\n',
    `The tables use the default profile, ${code(defaultProfile.name)} (${escapeMarkdown(defaultProfile.title)}). `,
    '"HTTP 404" means no resource matches the path, so there is no retcode.\n',
    ...OPERATION_IDS.map((op) => operationSection(op, defaultProfile)),
    '\n## Profiles\n\n',
    'A profile is one gateway version\'s rules: the ID range and group word of its documents, two CTI switches, and the retcode of every case the documents leave open.\n',
    ...profiles.map(profileSection),
    confirmSection(profiles, defaultProfile),
    '\n## Sources\n\n',
    sourceList(citedSources(profiles)),
  ].join('');
}

/** One operation: its precedence table under `profile` and the events it triggers. */
export function operationSection(operationId: OperationId, profile: Profile): string {
  const op = operations[operationId];
  const rules = OPERATION_RULES[operationId];
  const rows = precedenceTable(operationId, rules, profile).map((row, i) => {
    const rule = rules[i]!;
    return [String(row.rank), escapeMarkdown(row.title), answerCell(row.answer), provenanceCell(row.provenance), answerBasis(rule, profile)];
  });
  const events = op.events as readonly ListedEvent[];
  const eventPart =
    events.length === 0
      ? 'None: it triggers no event.\n'
      : markdownTable(
          ['Event', 'To', 'Mark', 'When', 'Source'],
          events.map((e) => [code(e.eventType), RECIPIENTS[e.to] ?? escapeMarkdown(e.to), e.status, escapeMarkdown(e.when ?? 'always'), code(e.source)]),
        );
  return [
    `\n## ${operationId}\n\n`,
    `${code(`${op.method} ${op.path}`)}: ${escapeMarkdown(op.summary)}. Log name ${code(op.logName)}; source ${code(op.source)}.\n\n`,
    `### Precedence under ${code(profile.name)}\n\n`,
    markdownTable(['Rank', 'Situation', 'Answer', 'Why the call is rejected', 'Why this answer'], rows),
    '\n### Events on success\n\n',
    eventPart,
  ].join('');
}

/**
 * One profile: documents, ID range, group word, switches, and every configurable answer with its value,
 * candidates and why.
 */
export function profileSection(profile: Profile): string {
  const settings = (Object.keys(profile.answers) as AnswerName[]).map((name) => {
    const s = profile.answers[name];
    return [code(name), escapeMarkdown(s.description), answerCell(s.value), s.candidates.map(answerCell).join(', '), provenanceCell(s.provenance)];
  });
  return [
    `\n### ${profile.name}: ${escapeMarkdown(profile.title)}\n\n`,
    `- Documents: ${escapeMarkdown(profile.documents)}.\n`,
    `- ID range: ${profile.ids.min}–${profile.ids.max} for \`agentid\` and \`workNo\` (${provenanceCell(profile.ids.provenance)}).\n`,
    `- Path pattern of an ID: ${code(profile.ids.pathPattern.source)}; an ID that does not match gets HTTP 404 (${provenanceCell(profile.ids.pathPatternProvenance)}).\n`,
    `- Group word: both agents must be in the same **${profile.groupWord}**.\n`,
    `- CTI setting "Support QC on QC Inspectors": ${profile.qcOnInspectors ? 'Yes (an inspector may be barged into)' : 'No (barging into an inspector is refused)'}.\n`,
    `- Events carry \`eventGenTime\`: ${profile.eventGenTime ? 'yes' : 'no'}.\n\n`,
    'Configurable answers:\n\n',
    markdownTable(['Setting', 'Situation', 'Value', 'Candidates', 'Why'], settings),
  ].join('');
}

/**
 * Everything inferred, as a checklist for Huawei: the order of checks, the inferred profile answers, the inferred
 * rules, retcodes and events.
 */
export function confirmSection(profiles: readonly Profile[], defaultProfile: Profile): string {
  const parts: string[] = ['\n## What we ask Huawei to confirm or correct\n\n', 'Each item below is inferred. Please tell us whether the gateway behaves so, and if not, what it does.\n\n'];
  parts.push('1. **The order of the checks** in each precedence table above.\n');
  parts.push('2. **The inferred answers of the profiles**:\n');
  for (const name of Object.keys(defaultProfile.answers) as AnswerName[]) {
    const s = defaultProfile.answers[name];
    if (s.provenance.kind !== 'inferred') continue;
    const values = profiles.map((p) => `${p.name} ${answerCell(p.answers[name].value)}`).join(', ');
    const others = s.candidates.length > 1 ? `; other candidates ${s.candidates.filter((c) => c !== s.value).map(answerCell).join(', ')}` : '';
    parts.push(`   - ${code(name)}: ${escapeMarkdown(s.description)} We answer ${values}${others}. Why: ${escapeMarkdown(s.provenance.reason)}.\n`);
  }
  parts.push('3. **The inferred rules** (the situation is rejected at all, or how):\n');
  const seen = new Map<string, { title: string; reason: string; operations: string[] }>();
  for (const op of OPERATION_IDS) {
    for (const rule of OPERATION_RULES[op]) {
      if (rule.provenance.kind !== 'inferred') continue;
      const key = `${rule.id}\u0000${rule.provenance.reason}`;
      const entry = seen.get(key) ?? { title: rule.title, reason: rule.provenance.reason, operations: [] };
      entry.operations.push(op);
      seen.set(key, entry);
    }
  }
  for (const [key, e] of seen) {
    parts.push(`   - ${code(key.split('\u0000')[0]!)} (${e.operations.join(', ')}): ${escapeMarkdown(e.title)}. Why: ${escapeMarkdown(e.reason)}.\n`);
  }
  parts.push('4. **The inferred retcodes** (marked `inferred` in `retcodes.md`):\n');
  for (const op of OPERATION_IDS) {
    const inferred = operations[op].retcodes.filter((r) => r.status === 'inferred').map((r) => code(r.code));
    if (inferred.length > 0) parts.push(`   - ${op}: ${inferred.join(', ')}\n`);
  }
  const inferredEvents = OPERATION_IDS.flatMap((op) => (operations[op].events as readonly ListedEvent[]).filter((e) => e.status === 'inferred').map((e) => ({ op, e })));
  if (inferredEvents.length > 0) {
    parts.push('5. **The inferred events**:\n');
    for (const { op, e } of inferredEvents) parts.push(`   - ${op}: ${code(e.eventType)} to ${RECIPIENTS[e.to] ?? escapeMarkdown(e.to)}${e.when ? `, when ${escapeMarkdown(lowerFirst(e.when.replace(/\.$/, '')))}` : ''}.\n`);
  }
  return parts.join('');
}

function answerCell(answer: string): string {
  if (answer === 'http-404') return 'HTTP 404';
  return /^[0-9]+(-[0-9]+)?$/.test(answer) ? code(answer) : escapeMarkdown(answer);
}

function provenanceCell(p: Provenance): string {
  return escapeMarkdown(describeProvenance(p));
}

function answerBasis(rule: Rule<never>, profile: Profile): string {
  const a = rule.answer;
  if ('retcode' in a) return 'fixed: the rule itself names the code';
  if ('injectedFault' in a) return "whichever CTI failure occurred: 900-001 (no provider) or 900-003 (resource unavailable); the harness injects it";
  const s = profile.answers[a.setting];
  return `profile setting ${code(a.setting)} (candidates ${s.candidates.map(answerCell).join(', ')}): ${provenanceCell(s.provenance)}`;
}

function citedSources(profiles: readonly Profile[]): string[] {
  const out: string[] = [];
  const add = (p: Provenance) => {
    if (p.kind === 'documented') out.push(p.source);
    else if (p.basis) out.push(p.basis);
  };
  for (const op of OPERATION_IDS) {
    out.push(operations[op].source);
    for (const rule of OPERATION_RULES[op]) add(rule.provenance);
    for (const e of operations[op].events as readonly ListedEvent[]) out.push(e.source);
  }
  for (const profile of profiles) {
    add(profile.ids.provenance);
    add(profile.ids.pathPatternProvenance);
    for (const s of Object.values(profile.answers)) add(s.provenance);
  }
  return out;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
