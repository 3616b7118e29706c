/**
 * Everything the bundle is made from, read once: the harness's package.json, git HEAD, the archive's file time,
 * the OpenAPI document, the pact files, and the versions of the tools that render and verify them.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BundleError, PasswordInBundleError } from './errors.ts';
import { archiveFileTime, type FileTime } from './file-time.ts';
import { readGitCheckout, type GitCheckout } from './git-checkout.ts';
import { readPactFiles, type PactFile } from './pact-files.ts';
import { findPasswords } from './password-scan.ts';

/** Where the OpenAPI document lives in the repository and in the bundle. */
export const OPENAPI_PATH = 'openapi/ccgw-agentgateway.yaml';
/** Where the pact files live in the repository. */
export const PACT_DIR = 'contracts/pacts';

/** What to read. */
export interface InputOptions {
  /** The repository: `openapi/`, `contracts/pacts/`, `package.json`, and its git checkout. */
  readonly root: string;
  /** The directory whose `node_modules` holds @redocly/cli and @pact-foundation/pact. */
  readonly toolsRoot: string;
  /** The pact directory; default `<root>/contracts/pacts`. */
  readonly pactDir?: string | undefined;
  /** Bundle without a pact when there is none. */
  readonly allowMissingPact?: boolean | undefined;
  /** Environment variables; only `SOURCE_DATE_EPOCH` is read. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** The OpenAPI document and what VERSIONS.txt says about it. */
export interface OpenApiInput {
  readonly bytes: Buffer;
  readonly path: string;
  readonly openapiVersion: string;
  readonly infoVersion: string;
  readonly title: string;
}

/** Versions of the tools, from their package.json files. */
export interface ToolVersions {
  readonly redoclyCli: string;
  readonly pact: string;
  /** @pact-foundation/pact-cli, whose `pact-verifier` the README uses; undefined when not installed. */
  readonly pactCli: string | undefined;
}

/** Everything the bundle is made from. */
export interface BundleInputs {
  readonly harness: { readonly name: string; readonly version: string };
  readonly git: GitCheckout | undefined;
  readonly fileTime: FileTime;
  readonly openapi: OpenApiInput;
  /** The pact files, sorted by name; empty only with `allowMissingPact`. */
  readonly pacts: readonly PactFile[];
  /** How the pact directory is named in messages and the README. */
  readonly pactDirShown: string;
  readonly tools: ToolVersions;
  /** The repository's `redocly.yaml`, when it has one. */
  readonly redoclyConfig: string | undefined;
}

/**
 * Reads the inputs of a bundle.
 *
 * @throws MissingPactError, PasswordInBundleError or BundleError naming the bad input and the fix.
 */
export async function readBundleInputs(options: InputOptions): Promise<BundleInputs> {
  const { root, toolsRoot } = options;
  const pactDir = options.pactDir ?? join(root, PACT_DIR);
  const pactDirShown = `${shownPath(root, pactDir)}/`;
  const pacts = await readPactFiles(pactDir, pactDirShown, { allowMissing: options.allowMissingPact ?? false });
  const [harness, openapi, git, tools] = await Promise.all([readHarness(root), readOpenApi(root), readGitCheckout(root), readToolVersions(toolsRoot)]);
  const redoclyConfig = existsSync(join(root, 'redocly.yaml')) ? join(root, 'redocly.yaml') : undefined;
  return { harness, git, fileTime: archiveFileTime(options.env ?? {}, git), openapi, pacts, pactDirShown, tools, redoclyConfig };
}

async function readHarness(root: string): Promise<{ name: string; version: string }> {
  const pkg = await readJson(join(root, 'package.json'), 'package.json', 'restore it with git checkout -- package.json');
  if (typeof pkg['name'] !== 'string' || typeof pkg['version'] !== 'string') {
    throw new BundleError(`package.json in ${root} has no string "name" and "version"; restore it with git checkout -- package.json`);
  }
  return { name: pkg['name'], version: pkg['version'] };
}

async function readOpenApi(root: string): Promise<OpenApiInput> {
  const path = join(root, OPENAPI_PATH);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new BundleError(`${OPENAPI_PATH} is missing in ${root}; restore it with git checkout -- ${OPENAPI_PATH}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(bytes.toString('utf8'));
  } catch (e) {
    throw new BundleError(`${OPENAPI_PATH} is not valid YAML (${(e as Error).message}); fix it and run npx redocly lint`);
  }
  const d = (doc ?? {}) as { openapi?: unknown; info?: { version?: unknown; title?: unknown } };
  if (typeof d.openapi !== 'string' || typeof d.info?.version !== 'string' || typeof d.info.title !== 'string') {
    throw new BundleError(`${OPENAPI_PATH} lacks "openapi", "info.title" or "info.version"; fix it and run npx redocly lint`);
  }
  const found = findPasswords(doc);
  if (found.length > 0) throw new PasswordInBundleError(found.map((p) => ({ file: OPENAPI_PATH, path: p })));
  return { bytes, path, openapiVersion: d.openapi, infoVersion: d.info.version, title: d.info.title };
}

async function readToolVersions(toolsRoot: string): Promise<ToolVersions> {
  const version = async (pkg: string) => {
    const json = await readJson(join(toolsRoot, 'node_modules', ...pkg.split('/'), 'package.json'), `${pkg}/package.json`, 'run npm ci');
    if (typeof json['version'] !== 'string') throw new BundleError(`${pkg}/package.json has no "version"; run npm ci`);
    return json['version'];
  };
  const pactCliInstalled = existsSync(join(toolsRoot, 'node_modules', '@pact-foundation', 'pact-cli', 'package.json'));
  const [redoclyCli, pact, pactCli] = await Promise.all([version('@redocly/cli'), version('@pact-foundation/pact'), pactCliInstalled ? version('@pact-foundation/pact-cli') : undefined]);
  return { redoclyCli, pact, pactCli };
}

async function readJson(path: string, shown: string, fix: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new BundleError(`${shown} is missing (${path}); ${fix}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new BundleError(`${shown} is not a JSON object (${path}); ${fix}`);
}

/** `path` relative to `root` with forward slashes when inside it, else absolute. */
function shownPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path.split(sep).join('/');
}
