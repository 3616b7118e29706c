/**
 * Schemathesis (PyPI), a fuzzer the harness did not write, against a gateway described by the OpenAPI document:
 * every check on, all four phases (examples, coverage, fuzzing, and stateful through the document's links), bounded
 * in cases per operation and in wall-clock time. Its auth signs the path's agent in and sends its Guid (hooks.py).
 * Each failure it reports is matched against the classes the gateway's design explains (accepted-failures.json); the
 * others are the run's findings.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const OPENAPI_PATH = join(HERE, '..', 'ccgw-agentgateway.yaml');

/** How a class of failures is recognised: the check's code and the answer. */
export interface AcceptedClass {
  readonly id: string;
  readonly code: string;
  readonly match: { readonly status?: number; readonly retcodes?: readonly string[]; readonly retcodeNot?: string };
  readonly reason: string;
}

/** The classes of accepted-failures.json. */
export function acceptedClasses(): readonly AcceptedClass[] {
  return (JSON.parse(readFileSync(join(HERE, 'accepted-failures.json'), 'utf8')) as { classes: AcceptedClass[] }).classes;
}

/** One failure Schemathesis reported: the check, the call and the answer. */
export interface FailureRecord {
  readonly code: string;
  readonly title: string;
  readonly operation: string;
  readonly phase: string;
  /** The first lines of Schemathesis's message (which component was invalid, what it expected). */
  readonly message: string;
  readonly status: number | undefined;
  readonly retcode: string | undefined;
}

/** The class that explains a failure, or undefined. */
export function explain(record: FailureRecord, classes: readonly AcceptedClass[]): AcceptedClass | undefined {
  return classes.find(
    (c) =>
      c.code === record.code &&
      (c.match.status === undefined || c.match.status === record.status) &&
      (c.match.retcodes === undefined || (record.retcode !== undefined && c.match.retcodes.includes(record.retcode))) &&
      (c.match.retcodeNot === undefined || (record.retcode !== undefined && record.retcode !== c.match.retcodeNot)),
  );
}

export interface SchemathesisOptions {
  /** The Schemathesis executable (ensureSchemathesis). */
  readonly binary: string;
  /** The gateway's base URL (a mock seeded with the demo fixtures: the hooks sign its demo accounts in). */
  readonly url: string;
  /** Where the reports and Schemathesis's output go (emptied first). */
  readonly workDir: string;
  /** Test cases per operation and phase (default 300). */
  readonly maxExamples?: number;
  /** Default 20261206, printed in the summary: the same seed replays the same run against the same mock. */
  readonly seed?: number;
  /** The run is stopped after this long (default 8 min). */
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** What one run found, by class. */
export interface SchemathesisSummary {
  readonly version: string;
  readonly seed: number;
  readonly maxExamples: number;
  readonly durationS: number;
  readonly operations: { readonly selected: number; readonly tested: number };
  readonly cases: number;
  /** Each phase and how it ended: success, failure (it found something), skip (with the reason). */
  readonly phases: Readonly<Record<string, string>>;
  /** Failures by class: accepted ones with their class, the others under `unexplained`. */
  readonly failuresByClass: readonly { readonly code: string; readonly title: string; readonly class: string; readonly count: number; readonly operations: number }[];
  readonly unexplained: readonly FailureRecord[];
  /** Errors Schemathesis reported (a broken schema, a hook that failed, a network error). */
  readonly errors: readonly string[];
}

/** Runs Schemathesis once and classifies what it found. Throws when it could not run or wrote no report. */
export async function runSchemathesis(options: SchemathesisOptions): Promise<SchemathesisSummary> {
  const maxExamples = options.maxExamples ?? 300;
  const seed = options.seed ?? 20261206;
  const timeoutMs = options.timeoutMs ?? 8 * 60_000;
  await rm(options.workDir, { recursive: true, force: true });
  await mkdir(options.workDir, { recursive: true });
  const jsonPath = join(options.workDir, 'report.json');
  const ndjsonPath = join(options.workDir, 'events.ndjson');
  const args = [
    '--config-file',
    join(HERE, 'schemathesis.toml'),
    'run',
    OPENAPI_PATH,
    '--url',
    options.url,
    '--checks',
    'all',
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-examples',
    String(maxExamples),
    '--seed',
    String(seed),
    '--report',
    'json,ndjson',
    '--report-json-path',
    jsonPath,
    '--report-ndjson-path',
    ndjsonPath,
  ];
  const env = { ...(options.env ?? process.env), CCGW_MOCK_URL: options.url, SCHEMATHESIS_HOOKS: join(HERE, 'hooks.py') };
  const code = await spawnToFile(options.binary, args, options.workDir, env, join(options.workDir, 'output.txt'), timeoutMs);
  if (code !== 0 && code !== 1) throw new Error(`schemathesis exited ${code}; see ${join(options.workDir, 'output.txt')}`);
  const report = JSON.parse(await readFile(jsonPath, 'utf8').catch(() => {
    throw new Error(`schemathesis wrote no report (${jsonPath}); see ${join(options.workDir, 'output.txt')}`);
  })) as JsonReport;
  const records = await failureRecords(ndjsonPath);
  const classes = acceptedClasses();
  const byClass = new Map<string, { code: string; title: string; class: string; count: number; operations: Set<string> }>();
  const unexplained: FailureRecord[] = [];
  for (const r of records) {
    const c = explain(r, classes);
    if (!c) unexplained.push(r);
    const key = `${r.code} ${c?.id ?? 'unexplained'}`;
    const entry = byClass.get(key) ?? { code: r.code, title: r.title, class: c?.id ?? 'unexplained', count: 0, operations: new Set<string>() };
    entry.count++;
    entry.operations.add(r.operation);
    byClass.set(key, entry);
  }
  return {
    version: report.schemathesis_version,
    seed,
    maxExamples,
    durationS: Math.round(report.running_time),
    operations: { selected: report.operations.selected, tested: report.operations.tested },
    cases: report.test_cases.generated,
    phases: Object.fromEntries(Object.entries(report.phases).map(([name, p]) => [name, p.skip_reason ? `${p.status} (${p.skip_reason})` : p.status])),
    failuresByClass: [...byClass.values()].map((e) => ({ code: e.code, title: e.title, class: e.class, count: e.count, operations: e.operations.size })),
    unexplained,
    errors: report.errors.map((e) => JSON.stringify(e).slice(0, 300)),
  };
}

/** The summary as Markdown: operations, cases, phases, failures by class with their reasons. */
export function formatSummary(s: SchemathesisSummary, classes: readonly AcceptedClass[] = acceptedClasses()): string {
  const reason = (id: string) => classes.find((c) => c.id === id)?.reason ?? 'no class explains it: a finding';
  return [
    `# Schemathesis ${s.version} against the mock gateway`,
    '',
    `- Operations: ${s.operations.tested} tested of ${s.operations.selected}`,
    `- Test cases: ${s.cases} (at most ${s.maxExamples} per operation and phase), seed ${s.seed}, ${s.durationS} s`,
    `- Phases: ${Object.entries(s.phases).map(([name, status]) => `${name} ${status}`).join(', ')}`,
    `- Failures outside the explained classes: ${s.unexplained.length}; errors: ${s.errors.length}`,
    '',
    '| Check | Class | Failing cases | Operations | Why |',
    '|---|---|---|---|---|',
    ...s.failuresByClass.map((f) => `| ${f.code} ${f.title} | ${f.class} | ${f.count} | ${f.operations} | ${reason(f.class).replace(/\|/g, '\\|')} |`),
    '',
    ...s.unexplained.slice(0, 20).map((r) => `- unexplained ${r.code} on ${r.operation} (${r.phase}): HTTP ${r.status ?? '-'} retcode ${r.retcode ?? '-'}: ${r.message}`),
    ...s.errors.map((e) => `- error: ${e}`),
    '',
  ].join('\n');
}

interface JsonReport {
  readonly schemathesis_version: string;
  readonly running_time: number;
  readonly operations: { readonly selected: number; readonly tested: number };
  readonly phases: Readonly<Record<string, { readonly status: string; readonly skip_reason: string | null }>>;
  readonly test_cases: { readonly generated: number };
  readonly errors: readonly unknown[];
}

interface ScenarioFinished {
  readonly phase: string;
  readonly recorder: {
    readonly label: string;
    readonly checks?: Readonly<Record<string, readonly { readonly status: string; readonly failure_info?: { readonly failure: { readonly code: string; readonly title: string; readonly operation: string; readonly message: string } } }[]>>;
    readonly interactions?: Readonly<Record<string, { readonly response?: { readonly status_code: number; readonly content?: { readonly $base64?: string } } | null }>>;
  };
}

/** Every failing check of the run, from the NDJSON event stream (one line per event). */
async function failureRecords(path: string): Promise<FailureRecord[]> {
  const out: FailureRecord[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const scenario = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished;
    for (const [caseId, checks] of Object.entries(scenario.recorder.checks ?? {})) {
      for (const check of checks) {
        const failure = check.failure_info?.failure;
        if (check.status !== 'failure' || !failure) continue;
        const response = scenario.recorder.interactions?.[caseId]?.response ?? undefined;
        out.push({
          code: failure.code,
          title: failure.title,
          operation: failure.operation,
          phase: scenario.phase,
          message: failure.message.split('\n').slice(0, 3).join(' ').slice(0, 300),
          status: response?.status_code,
          retcode: retcodeOf(response?.content?.$base64),
        });
      }
    }
  }
  return out;
}

function retcodeOf(base64: string | undefined): string | undefined {
  if (base64 === undefined) return undefined;
  try {
    const body = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as { retcode?: unknown };
    return typeof body.retcode === 'string' ? body.retcode : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a command with its output to a file (Schemathesis prints whole requests), killing it after `timeoutMs`. */
function spawnToFile(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, outPath: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(outPath);
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`schemathesis did not finish within ${timeoutMs / 1000} s (killed); lower the cases per operation or see ${outPath}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      out.end(() => resolve(code));
    });
  });
}
