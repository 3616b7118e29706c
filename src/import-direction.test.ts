import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports } from '../test/imports.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * Imports flow one way: cli → run → checks (contracts, properties, load) → gateway/client → shared → domain →
 * generated. Every TypeScript file git tracks (tests included) is read for its relative imports.
 */
const FILES = execFileSync('git', ['ls-files', '*.ts'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter((f) => f !== '');
/** Every import, relative or not (`node:fs`, a package). */
const ANY_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative import as [importing file, imported file], both relative to the repository root. */
function imports(): [string, string][] {
  const edges: [string, string][] = [];
  for (const file of FILES) {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    for (const { specifier } of relativeImports(text)) edges.push([file, normalize(join(dirname(file), specifier))]);
  }
  return edges;
}

/** The imports from `from` (a folder prefix) into `into` (folder prefixes) that break the direction. */
function upward(edges: readonly [string, string][], from: (file: string) => boolean, into: readonly string[]): string[] {
  return edges.filter(([file, target]) => from(file) && into.some((dir) => target.startsWith(dir))).map(([file, target]) => `${file} imports ${target}`);
}

describe('imports flow one way', () => {
  const edges = imports();

  it('reads the imports of the whole tree', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(edges.some(([file, target]) => file === 'src/cli/main.ts' && target.startsWith('src/io/'))).toBe(true);
  });

  it('nothing outside src/cli imports from it (its IO and error types live in src/io)', () => {
    expect(upward(edges, (f) => !f.startsWith('src/cli/'), ['src/cli/'])).toEqual([]);
  });

  it('src/run imports no command; the checks, the gateway and the client import neither the run nor a command', () => {
    expect(upward(edges, (f) => /^(contracts|properties|load)\/|^src\/(gateway|client|shared|domain)\//.test(f), ['src/run/', 'src/cli/'])).toEqual([]);
  });

  it('the gateway, the client, src/shared and src/domain import none of the checks', () => {
    expect(upward(edges, (f) => /^src\/(gateway|client|shared|domain)\//.test(f) && !f.endsWith('.test.ts'), ['contracts/', 'properties/', 'load/'])).toEqual([]);
  });

  it('src/shared imports no Node built-in and no package (k6 loads it), and only itself, src/domain and src/generated', () => {
    const shared = FILES.filter((f) => f.startsWith('src/shared/') && !f.includes('.test.'));
    expect(shared.length).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const file of shared) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      for (const m of text.matchAll(ANY_IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3]!;
        if (!spec.startsWith('.')) problems.push(`${file} imports ${spec}`);
        else if (!/^src\/(shared|domain|generated)\//.test(normalize(join(dirname(file), spec)))) problems.push(`${file} imports ${spec}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('src/domain imports only itself and src/generated', () => {
    expect(edges.filter(([file, target]) => file.startsWith('src/domain/') && !/^src\/(domain|generated)\//.test(target) && !file.includes('.test.')).map(([f, t]) => `${f} imports ${t}`)).toEqual([]);
  });
});
