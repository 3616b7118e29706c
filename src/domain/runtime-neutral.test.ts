import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * k6 runs scripts in its own JavaScript runtime: no Node built-ins, no bare package imports. This walks the
 * import graph of `src/domain` and `src/generated/validators.js` and fails on anything k6 could not load.
 * (`load/` additionally runs a real k6 over the same modules.)
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
/** Directories and files that k6 scripts may import. */
const NEUTRAL = ['src/domain', 'src/generated', 'src/fixtures/parse-fixtures.ts', 'src/fixtures/fixtures-document.ts', 'src/fixtures/schema-problems.ts'];
const NODE_GLOBALS = /\b(?:require\s*\(|process\.|Buffer\.|__dirname|__filename|globalThis\.process)/;

function walk(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const text = readFileSync(entry, 'utf8');
  const problems: string[] = [];
  seen.set(entry, problems);
  if (NODE_GLOBALS.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ''))) problems.push(`uses a Node global (${NODE_GLOBALS.exec(text)?.[0]})`);
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (/^import\s+type\b|^export\s+type\b/.test(m[0].trim())) continue;
    if (!spec.startsWith('.')) {
      problems.push(`imports ${JSON.stringify(spec)}, which k6 cannot resolve`);
      continue;
    }
    const target = resolve(dirname(entry), spec);
    if (!NEUTRAL.some((root) => target.startsWith(resolve(ROOT, root)))) {
      problems.push(`imports ${spec}, outside the runtime-neutral modules (${NEUTRAL.join(', ')})`);
      continue;
    }
    walk(target, seen);
  }
  return seen;
}

describe('src/domain, the generated validators and the fixtures parser load without any Node built-in (k6-style import check)', () => {
  for (const entry of ['src/domain/index.ts', 'src/generated/validators.js', 'src/generated/document-validators.js', 'src/generated/contract.ts', 'src/fixtures/parse-fixtures.ts']) {
    it(`${entry} and everything it imports`, () => {
      const graph = walk(resolve(ROOT, entry));
      const bad = [...graph].filter(([, p]) => p.length > 0).map(([file, p]) => `${file.slice(ROOT.length)}: ${p.join('; ')}`);
      expect(bad).toEqual([]);
      expect(graph.size).toBeGreaterThan(0);
    });
  }
});
