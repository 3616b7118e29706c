import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports } from '../test/imports.ts';

const ROOT = join(import.meta.dirname, '..');
const SCENARIOS = join(ROOT, 'load', 'scenarios');

/** The modules a scenario script makes k6 evaluate: every value import, followed (type-only imports are erased). */
function valueImports(file: string): string[] {
  return relativeImports(readFileSync(file, 'utf8'))
    .filter((i) => !i.typeOnly)
    .map((i) => resolve(dirname(file), i.specifier));
}

function moduleGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    todo.push(...valueImports(file));
  }
  return seen;
}

// k6 does not tree-shake: every VU evaluates every module its script imports. A barrel such as src/domain/index.ts
// pulls in the whole domain (every rule table and its witnesses), about 3 MB per VU.
describe('the modules every k6 VU evaluates', () => {
  const scripts = readdirSync(SCENARIOS).filter((f) => f.endsWith('.ts'));

  it.each(scripts)('%s imports no barrel module (index.ts)', (script) => {
    const barrels = [...moduleGraph(join(SCENARIOS, script))].filter((f) => f.endsWith('index.ts')).map((f) => relative(ROOT, f));
    expect(barrels, 'import the module that defines the value instead').toEqual([]);
  });

  // The rule tables and their witnesses are about 190 KB of heap per VU; a VU needs answers (session-loss.ts), not rules.
  it.each(scripts)('%s evaluates no rule table', (script) => {
    const tables = [...moduleGraph(join(SCENARIOS, script))].map((f) => relative(ROOT, f)).filter((f) => ['src/domain/rules.ts', 'src/domain/common-rules.ts', 'src/domain/queries.ts', 'src/domain/witness.ts'].includes(f));
    expect(tables, 'import the answer or value the VU needs from a module without rule rows').toEqual([]);
  });

  it('the import scanner follows value imports and skips type-only ones', () => {
    const graph = [...moduleGraph(join(SCENARIOS, 'throughput.ts'))].map((f) => relative(ROOT, f));
    expect(graph).toContain('load/lib/gateway/client.ts');
    expect(graph).toContain('src/domain/profiles.ts');
    expect(graph).not.toContain('src/domain/add-insert.ts');
  });
});
