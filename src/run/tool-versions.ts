/**
 * The versions a run records: the harness, Node, k6 (when used) and pact-js.
 *
 * @example
 * ```ts
 * const tool = await toolVersions({ k6: '/usr/bin/k6' });
 * ```
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HARNESS_VERSION, REPO_ROOT } from '../paths.ts';
import type { ToolVersions } from '../report/run-summary.ts';

function packageVersion(name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

export async function toolVersions(options: { readonly k6?: string | undefined } = {}): Promise<ToolVersions> {
  let k6: string | undefined;
  if (options.k6) {
    const { stdout } = await promisify(execFile)(options.k6, ['version'], { timeout: 10_000 }).catch(() => ({ stdout: '' }));
    k6 = /k6 (v\d+\.\d+\.\d+)/.exec(stdout)?.[1];
  }
  const pact = packageVersion('@pact-foundation/pact');
  return {
    version: HARNESS_VERSION,
    node: process.version,
    ...(k6 ? { k6 } : {}),
    ...(pact ? { pact } : {}),
    platform: `${process.platform}-${process.arch}`,
  };
}
