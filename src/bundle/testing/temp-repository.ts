/**
 * A throwaway repository for bundle tests: a temporary directory holding copies of this harness's
 * package.json, OpenAPI document and redocly.yaml, and optionally pact files in `contracts/pacts/`.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HARNESS_ROOT } from '../bundle.ts';

/** A temporary repository and how to remove it. */
export interface TempRepository {
  readonly root: string;
  /** Another temporary directory for outputs, removed with the repository. */
  readonly scratch: string;
  remove(): Promise<void>;
}

/**
 * Creates a temporary repository. `pacts` maps file names to their JSON (objects are stringified, strings written as is).
 */
export async function tempRepository({ pacts }: { pacts?: Readonly<Record<string, unknown>> } = {}): Promise<TempRepository> {
  const root = await mkdtemp(join(tmpdir(), 'ccgw-bundle-repo-'));
  const scratch = await mkdtemp(join(tmpdir(), 'ccgw-bundle-out-'));
  await mkdir(join(root, 'openapi'));
  await copyFile(join(HARNESS_ROOT, 'package.json'), join(root, 'package.json'));
  await copyFile(join(HARNESS_ROOT, 'redocly.yaml'), join(root, 'redocly.yaml'));
  await copyFile(join(HARNESS_ROOT, 'openapi', 'ccgw-agentgateway.yaml'), join(root, 'openapi', 'ccgw-agentgateway.yaml'));
  if (pacts) {
    await mkdir(join(root, 'contracts', 'pacts'), { recursive: true });
    for (const [name, json] of Object.entries(pacts)) {
      await writeFile(join(root, 'contracts', 'pacts', name), typeof json === 'string' ? json : `${JSON.stringify(json, null, 2)}\n`);
    }
  }
  return {
    root,
    scratch,
    remove: async () => {
      await rm(root, { recursive: true, force: true });
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * A minimal Pact V4 file: one addinsert interaction, with a sign-in body whose password is `password`
 * (default the placeholder `********`).
 */
export function minimalPact({ password = '********' }: { password?: string } = {}): Record<string, unknown> {
  return {
    consumer: { name: 'ccgw-harness' },
    provider: { name: 'cc-gateway' },
    interactions: [
      {
        type: 'Synchronous/HTTP',
        description: 'a sign-in of inspector 30169',
        providerStates: [{ name: 'inspector 30169 is configured and signed out' }],
        request: {
          method: 'PUT',
          path: '/agentgateway/resource/onlineagent/30169',
          headers: { 'Content-Type': ['application/json'] },
          body: { content: { password, phonenum: '88880001' }, contentType: 'application/json', encoded: false },
        },
        response: { status: 200, body: { content: { message: '', retcode: '0', result: {} }, contentType: 'application/json', encoded: false } },
      },
      {
        type: 'Synchronous/HTTP',
        description: 'a barge by a signed-in idle inspector',
        providerStates: [{ name: 'inspector 30169 and agent 30170 are signed in, the inspector idle' }],
        request: { method: 'PUT', path: '/agentgateway/resource/qualitycontrol/30169/addinsert/30170', headers: { Guid: ['00000000-0000-0000-0000-000000000000.AgentGateway1'] } },
        response: { status: 200, body: { content: { message: '', retcode: '0', result: {} }, contentType: 'application/json', encoded: false } },
      },
    ],
    metadata: { pactSpecification: { version: '4.0' } },
  };
}
