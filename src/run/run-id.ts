/** Run ids: sortable, readable, and safe as directory names, e.g. `20261125T100000Z-mock-smoke`. */
export function newRunId(at: Date, parts: readonly string[]): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return [stamp, ...parts.map((p) => p.replace(/[^A-Za-z0-9-]+/g, '-'))].join('-');
}
