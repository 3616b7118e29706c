/**
 * The relative imports of a TypeScript source, read by pattern (no compiler): `import … from`, `export … from`,
 * side-effect `import '…'` and dynamic `import('…')`. For the tests that hold the import rules
 * (`src/import-direction.test.ts`, `load/module-graph.test.ts`).
 */
const RELATIVE_IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^;]*?\sfrom\s+['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** One relative import: its specifier, and whether it is `import type`/`export type` (erased, never evaluated). */
export interface RelativeImport {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Every relative import of `text`, in order. */
export function relativeImports(text: string): RelativeImport[] {
  return [...text.matchAll(RELATIVE_IMPORT)].map((m) => ({ specifier: (m[2] ?? m[3] ?? m[4])!, typeOnly: m[1] !== undefined }));
}
