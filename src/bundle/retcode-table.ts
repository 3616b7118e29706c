/**
 * `retcodes.md` and `retcodes.csv`: for each operation, every retcode it may answer with its mark (documented,
 * general or inferred), when it is answered, its meaning and the sources. The data is the generated contract
 * tables (`x-ccgw-retcodes`, `x-ccgw-retcode-catalogue`), in contract order.
 */
import { operations, retcodeCatalogue } from '../generated/contract.ts';
import { OPERATION_IDS, catalogueEntry, describeRetcode, retcodesOf, type OperationId, type RetcodeStatus } from '../domain/index.ts';
import { code, escapeMarkdown, markdownTable } from './markdown.ts';
import { sourceLink, sourceList } from './sources.ts';

/** One retcode of one operation, flattened for the table. */
export interface RetcodeRow {
  readonly operationId: OperationId;
  readonly method: string;
  readonly path: string;
  readonly code: string;
  readonly mark: RetcodeStatus;
  readonly source: string;
  readonly when: string;
  readonly meaning: string;
  readonly meaningSource: string;
  /** H: official documentation; M: a Huawei sample or Huawei-derived client code. */
  readonly meaningConfidence: string;
}

/** What each mark means, as the documents say it. */
export const MARK_MEANINGS: Readonly<Record<RetcodeStatus, string>> = {
  documented: "the operation's own documentation page lists the code",
  general: "the official general error-code table gives the code a meaning that applies here, but the operation's page does not list it",
  inferred: 'no document says the operation answers this code; ccgw-harness assumes it (a profile setting may choose it). We ask Huawei to confirm or correct it',
};

/** Every retcode of every operation, operations and codes in contract order. */
export function retcodeRows(): RetcodeRow[] {
  return OPERATION_IDS.flatMap((operationId) =>
    retcodesOf(operationId).map((r): RetcodeRow => {
      const entry = catalogueEntry(r.code);
      return {
        operationId,
        method: operations[operationId].method,
        path: operations[operationId].path,
        code: r.code,
        mark: r.status,
        source: r.source,
        when: r.when,
        meaning: describeRetcode(r.code),
        meaningSource: entry?.source ?? '',
        meaningConfidence: entry?.confidence ?? '',
      };
    }),
  );
}

const CSV_HEADER = ['operation', 'method', 'path', 'retcode', 'mark', 'source', 'source_url', 'when', 'meaning', 'meaning_source', 'meaning_confidence'];

/**
 * `retcodes.csv`: RFC 4180 (comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted),
 * one header line, one line per row of `retcodeRows()`.
 */
export function retcodesCsv(rows: readonly RetcodeRow[] = retcodeRows()): string {
  const lines = [CSV_HEADER, ...rows.map((r) => [r.operationId, r.method, r.path, r.code, r.mark, r.source, sourceLink(r.source) ?? '', r.when, r.meaning, r.meaningSource, r.meaningConfidence])];
  return lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** `retcodes.md`: the marks explained, one table per operation, the catalogue of meanings, and the sources. */
export function retcodesMarkdown(rows: readonly RetcodeRow[] = retcodeRows()): string {
  const parts: string[] = [
    '# Retcodes per operation\n\n',
    'Every business answer of the CC-Gateway is HTTP 200 with `{message, retcode, result}`; `retcode` is `"0"` on success. ',
    'For each operation below, the codes it may answer and how we know:\n\n',
    ...(['documented', 'general', 'inferred'] as const).map((m) => `- **${m}**: ${MARK_MEANINGS[m]}.\n`),
    '\nThe same table is in `retcodes.csv`. "When" says in which situation the operation answers the code; ',
    '"Meaning" is the general meaning of the code (catalogue below). Sources are spelled out at the end.\n',
  ];
  for (const operationId of OPERATION_IDS) {
    const op = operations[operationId];
    const own = rows.filter((r) => r.operationId === operationId);
    parts.push(`\n## ${operationId}\n\n${code(`${op.method} ${op.path}`)}: ${escapeMarkdown(op.summary)}. Source: ${code(op.source)}.\n\n`);
    parts.push(
      markdownTable(
        ['Retcode', 'Mark', 'When', 'Meaning', 'Source'],
        own.map((r) => [code(r.code), r.mark, escapeMarkdown(r.when), escapeMarkdown(r.meaning), code(r.source)]),
      ),
    );
  }
  parts.push('\n## Catalogue of meanings\n\n');
  parts.push('Confidence H: official documentation; M: a Huawei sample or Huawei-derived client code.\n\n');
  parts.push(
    markdownTable(
      ['Retcode', 'Family', 'Confidence', 'Meaning', 'Source'],
      retcodeCatalogue.map((e) => [code(e.code), e.family, e.confidence, escapeMarkdown(e.meaning), code(e.source)]),
    ),
  );
  parts.push('\n## Sources\n\n');
  parts.push(sourceList([...rows.flatMap((r) => [r.source, r.meaningSource]), ...retcodeCatalogue.map((e) => e.source)].filter((s) => s !== '')));
  return parts.join('');
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
