import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.ts';

/**
 * The CLI runs from an esbuild bundle in node_modules/.cache/ccgw/ (bin/ccgw.js), where `import.meta.url` is the
 * bundle's, not the source file's: a path derived from it would point into node_modules. Code the CLI bundles
 * must take paths from src/paths.ts (REPO_ROOT). Allowed: paths.ts itself, "run as a script" guards, resolving a
 * package (createRequire), and files the CLI never bundles (tests, test helpers, vitest configs, scripts/).
 */
const BUNDLED_DIRS = ['src', 'contracts'];
const ALLOWED = [/fileURLToPath\(import\.meta\.url\)\s*===|===\s*fileURLToPath\(import\.meta\.url\)/, /createRequire\(import\.meta\.url\)/, /resolve\(process\.argv\[1\]\) === fileURLToPath\(import\.meta\.url\)/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' || name.startsWith('.') ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$|^vitest\..*config\.ts$/.test(name) ? [path] : [];
  });
}

describe('code the CLI bundles', () => {
  it('takes file paths from src/paths.ts, never from import.meta.url', () => {
    const offenders: string[] = [];
    for (const file of BUNDLED_DIRS.flatMap((d) => sources(join(REPO_ROOT, d)))) {
      if (file.endsWith(join('src', 'paths.ts'))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.includes('import.meta.url') && !ALLOWED.some((re) => re.test(line))) offenders.push(`${relative(REPO_ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
