/** Small Markdown helpers for the bundle's documents: escaping prose for table cells and writing tables. */

/**
 * `text` with the characters that would change Markdown's reading of it escaped (`\ | < > * \``), and line
 * breaks turned into spaces so it fits in a table cell.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\|<>*`]/g, (c) => `\\${c}`);
}

/** `text` as inline code (for identifiers, codes and paths). */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A Markdown table. Cells are written as given: escape prose with `escapeMarkdown` first. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return `${line(headers)}|${headers.map(() => '---').join('|')}|\n${rows.map(line).join('')}`;
}
