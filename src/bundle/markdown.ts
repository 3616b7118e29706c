/**
 * Small Markdown helpers for the bundle's documents: escaping prose for table cells and writing tables.
 *
 * @example
 * ```ts
 * markdownTable(['Code', 'Meaning'], [['`900-002`', escapeMarkdown('no permission | right')]]);
 * // '| Code | Meaning |\n|---|---|\n| `900-002` | no permission \\| right |\n'
 * ```
 */

/**
 * `text` with the characters that would change Markdown's reading of it escaped (`\ | < > * \``), and line
 * breaks turned into spaces so it fits in a table cell.
 *
 * @example
 * ```ts
 * escapeMarkdown('content {qcType 9, qcAgentId <inspector>}'); // 'content {qcType 9, qcAgentId \\<inspector\\>}'
 * ```
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\|<>*`]/g, (c) => `\\${c}`);
}

/**
 * `text` as inline code (for identifiers, codes and paths).
 *
 * @example
 * ```ts
 * code('AgentState_Busy'); // '`AgentState_Busy`'
 * ```
 */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/**
 * A Markdown table. Cells are written as given: escape prose with `escapeMarkdown` first.
 *
 * @example
 * ```ts
 * markdownTable(['A'], [['1'], ['2']]); // '| A |\n|---|\n| 1 |\n| 2 |\n'
 * ```
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return `${line(headers)}|${headers.map(() => '---').join('|')}|\n${rows.map(line).join('')}`;
}
