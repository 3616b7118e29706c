/** The versions a run records: the harness, Node, k6 (when used) and pact-js. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { HARNESS_VERSION } from '../paths.ts';
import type { ToolVersions } from '../report/run-summary.ts';

/** Resolved as Node resolves the package, so also when the harness is installed as a dependency (hoisted packages). */
function packageVersion(name: string): string | undefined {
  try {
    return (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
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
