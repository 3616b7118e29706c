/**
 * The run directory: `summary.json` (the data), `junit.xml` (for CI), `report.html` (for people), `summary.md` (for a
 * CI job page). `writeRun` checks the summary, redacts it and writes the four files; `readRun` loads a run back
 * for `ccgw compare`, with errors that name the file and the bad field.
 */
import { stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { parseRunSummary } from './parse-run-summary.ts';
import { redactSummary, type RedactOptions } from './redact.ts';
import { SUMMARY_FILE, type RunSummary } from './run-summary.ts';
import { makeDirectory } from '../io/make-directory.ts';
import { readErrorText, readTextFile } from '../io/read-text-file.ts';

/** The file names inside a run directory. */
export const RUN_FILES = {
  summary: SUMMARY_FILE,
  junit: 'junit.xml',
  html: 'report.html',
  markdown: 'summary.md',
} as const;

/** The absolute paths `writeRun` wrote. */
export interface RunFiles {
  readonly dir: string;
  readonly summary: string;
  readonly junit: string;
  readonly html: string;
  readonly markdown: string;
}

/**
 * A run directory (or its summary file) that cannot be read: missing, not a directory, not JSON. The message names
 * the path and the fix. A readable file with bad contents throws `RunSummaryError` instead.
 */
export class RunReadError extends Error {
  override readonly name = 'RunReadError';
  constructor(
    /** The path that could not be read. */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Writes the run directory (creating it and its parents) and returns the paths of the four files. The summary is
 * checked first (a bad summary throws `RunSummaryError` and nothing is written), then redacted: `summary.json`
 * holds the redacted data, so every file agrees with it.
 */
export async function writeRun(dir: string, summary: RunSummary, options: RedactOptions = {}): Promise<RunFiles> {
  const root = resolve(dir);
  parseRunSummary(summary, `the run summary for ${root}`);
  const safe = redactSummary(summary, options);
  const files: RunFiles = {
    dir: root,
    summary: join(root, RUN_FILES.summary),
    junit: join(root, RUN_FILES.junit),
    html: join(root, RUN_FILES.html),
    markdown: join(root, RUN_FILES.markdown),
  };
  await makeDirectory(root);
  await Promise.all([
    writeFile(files.summary, `${JSON.stringify(safe, null, 2)}\n`, 'utf8'),
    writeFile(files.junit, renderJunit(safe), 'utf8'),
    writeFile(files.html, renderHtml(safe), 'utf8'),
    writeFile(files.markdown, renderMarkdown(safe), 'utf8'),
  ]);
  return files;
}

/** Where the summary of `path` is: `path/summary.json` for a directory, `path` itself for a `.json` file. */
export async function summaryPathOf(path: string): Promise<string> {
  const target = resolve(path);
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new RunReadError(target, `run directory ${target} does not exist; pass a directory written by \`ccgw run\` (it holds ${SUMMARY_FILE})`);
  if (info.isDirectory()) {
    const file = join(target, SUMMARY_FILE);
    const inner = await stat(file).catch(() => undefined);
    if (!inner?.isFile()) throw new RunReadError(file, `${target} has no ${SUMMARY_FILE}, so it is not a run directory; pass a directory written by \`ccgw run\``);
    return file;
  }
  if (info.isFile() && target.endsWith('.json')) return target;
  throw new RunReadError(target, `${target} is not a run directory; pass a directory written by \`ccgw run\` (or its ${SUMMARY_FILE})`);
}

/**
 * Loads and checks the summary of a run directory (or of a `summary.json` given directly).
 * Throws `RunReadError` when it cannot be read or parsed, `RunSummaryError` when it is not a valid summary; both
 * name the file.
 */
export async function readRun(dir: string): Promise<RunSummary> {
  const file = await summaryPathOf(dir);
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (e) {
    throw new RunReadError(file, `cannot read ${file}: ${readErrorText(e)}; check its permissions`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new RunReadError(file, `${file} is not JSON (${(e as Error).message}); it should be the ${SUMMARY_FILE} that \`ccgw run\` wrote`);
  }
  return parseRunSummary(doc, file);
}
