/**
 * The k6 library part of `npm run bench` (`BENCH_ONLY=k6`): what the harness's load library costs per call.
 *
 * In rounds, k6 runs of the same VUs and duration, each a closed model (`k6 run --vus N --duration …`, every VU
 * looping its iteration as fast as it can, so nobody pays for k6's dropped-iteration bookkeeping):
 * - **What the harness can drive, against plain k6**: one after the other against the same mock (the order turns
 *   from round to round), plain k6 (`load/bench/plain-throughput.ts`, the throughput iteration's calls with `k6/http`
 *   alone) and the harness (`load/scenarios/throughput.ts`, its pacing: no pause between polls, every answer
 *   validated). Each alone on the machine with the mock, as a user would run it: calls per second is the figure.
 * - **What validation costs**: the harness and the harness with `CCGW_VALIDATE=0`, side by side with half the VUs
 *   each, each against its own mock (the mocks swap from round to round). Both run the same code but for the
 *   validator, so a slow spell of the shared machine falls on both alike, and the cost is read from k6's CPU time
 *   per call: 1 − (CPU per call without validation) / (CPU per call with it). Measured one after the other, the
 *   noise of this machine between two runs (±15 % and more) would hide a cost of a few per cent.
 * Each run's figures come from a window of D seconds in its steady state (see `measureRuns`): k6's `http_reqs` per
 * second, and the k6 process's CPU time per call.
 *
 * Goals: harness ≥ 0.6 × plain k6 (calls per second); validation costs ≤ 10 %.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureK6 } from '../../src/tools/ensure-k6.ts';
import { startMockProcess } from '../../src/gateway/testing/mock-process.ts';

/** One k6 run's figures, over the measured window. */
export interface K6RunFigures {
  readonly calls: number;
  readonly callsPerSecond: number;
  /** CPU time of the k6 process per call in the window, µs (Linux: /proc/<pid>/stat); undefined elsewhere. */
  readonly cpuMicrosPerCall: number | undefined;
}

/** The runs of every round, and their medians. */
export interface K6LibraryResults {
  /** Plain k6 and the harness, each alone with the mock. */
  readonly plain: K6RunFigures;
  readonly harness: K6RunFigures;
  /** The harness with and without validation, side by side. */
  readonly validated: K6RunFigures;
  readonly unvalidated: K6RunFigures;
  /** Per round: harness / plain in calls per second. */
  readonly roundRatios: readonly number[];
  /** Per round: what validation cost in the side-by-side pair (see {@link validationCost}), on one basis. */
  readonly roundValidationCosts: readonly number[];
  /** The median of the rounds' validation costs. */
  readonly validationCost: number;
  /** What the costs were read from: CPU time per call, or calls per second where the CPU time is not readable. */
  readonly validationCostFrom: 'cpu' | 'calls/s';
}

type Kind = 'plain' | 'harness' | 'unvalidated';

interface Setup {
  readonly k6: string;
  readonly root: string;
  readonly vus: number;
  readonly seconds: number;
  readonly dir: string;
}

/** Seconds before the window opens: every VU signed in, k6 and the mock warm (two k6 starting at once take longer). */
const SETTLE_SECONDS = 3;
const SETTLE_SECONDS_SIDE_BY_SIDE = 5;

/** `n` distinct free ports: all held open until each is known, so two k6 started together never get the same one. */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function cpuSeconds(pid: number): Promise<number | undefined> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(')')[1]!.trim().split(/\s+/);
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in clock ticks of 1/100 s (USER_HZ)
  } catch {
    return undefined;
  }
}

interface Snapshot {
  readonly at: number;
  readonly calls: number;
  readonly cpu: number | undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A k6 run under way. */
interface Started {
  readonly kind: Kind;
  readonly child: ChildProcess;
  /** k6's REST API, on a free port. */
  readonly api: string;
  readonly exited: Promise<number>;
  /** Seconds from the start to the window. */
  readonly settle: number;
  stderr(): string;
}

/** Starts one k6 run of `kind` against the mock at `url` (its REST API on `port`), long enough for the window `measureRuns` takes. */
function startK6(s: Setup, kind: Kind, url: string, name: string, settle: number, port: number): Started {
  const script = kind === 'plain' ? 'load/bench/plain-throughput.ts' : 'load/scenarios/throughput.ts';
  const env = {
    ...process.env,
    K6_NO_USAGE_REPORT: 'true',
    BASE_URL: url,
    CCGW_LOAD_VUS: String(s.vus),
    CCGW_VALIDATE: kind === 'unvalidated' ? '0' : '1',
    CCGW_REPORT_DIR: s.dir,
    CCGW_RUN_NAME: name,
  };
  const duration = settle + s.seconds + 2;
  const args = ['run', '--quiet', '--address', `127.0.0.1:${port}`, '--vus', String(s.vus), '--duration', `${duration}s`, script];
  const child = spawn(s.k6, args, { cwd: s.root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr = (stderr + String(c)).slice(-4000)));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  return { kind, child, api: `http://127.0.0.1:${port}`, exited, settle, stderr: () => stderr };
}

async function snapshot(run: Started): Promise<Snapshot> {
  const res = await fetch(`${run.api}/v1/metrics/http_reqs`);
  const body = (await res.json()) as { data?: { attributes?: { sample?: { count?: number } } } };
  const calls = body.data?.attributes?.sample?.count;
  if (calls === undefined) throw new Error(`k6's REST API at ${run.api} gave no http_reqs count: ${JSON.stringify(body).slice(0, 300)}`);
  return { at: performance.now(), calls, cpu: await cpuSeconds(run.child.pid!) };
}

/** Longest wait for a k6 run to start counting requests: its init and setup, slower on a busy host. */
const START_TIMEOUT_MS = 60_000;

/**
 * Resolves once k6's REST API counts requests (the run's setup has begun its calls), so that the settle time counts
 * from there: k6 starts its `--duration` after init and setup too.
 */
async function untilCounting(run: Started): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  let exited = false;
  void run.exited.then(() => (exited = true));
  for (;;) {
    const res = await fetch(`${run.api}/v1/metrics/http_reqs`).catch(() => undefined);
    await res?.arrayBuffer().catch(() => undefined);
    if (res?.ok) return;
    if (exited) throw new Error(`k6 exited before it sent a request`);
    if (performance.now() > deadline) throw new Error(`k6's REST API at ${run.api} counted no request within ${START_TIMEOUT_MS / 1000} s`);
    await sleep(250);
  }
}

/**
 * The figures of runs started together, taken between two snapshots of each (k6's `http_reqs`, and the process's
 * CPU time), the runs' `settle` seconds after each counts its first request and `seconds` later: setup, the VUs' first sign-in, teardown
 * and the end-of-test summary fall outside. `http_reqs` counts every call of both scripts alike.
 */
async function measureRuns(runs: readonly Started[], seconds: number): Promise<K6RunFigures[]> {
  try {
    await Promise.all(runs.map(untilCounting));
    await sleep(Math.max(...runs.map((r) => r.settle)) * 1000);
    const a = await Promise.all(runs.map(snapshot));
    await sleep(seconds * 1000);
    const b = await Promise.all(runs.map(snapshot));
    const codes = await Promise.all(runs.map((r) => r.exited));
    runs.forEach((run, i) => {
      // The harness exits 99 when a threshold is crossed (e.g. on a machine too busy for its latency bounds); its
      // calls still count.
      if (codes[i] !== 0 && codes[i] !== 99) throw new Error(`k6 ${run.kind} run exited ${codes[i]}: ${run.stderr()}`);
    });
    return runs.map((_, i) => {
      const calls = b[i]!.calls - a[i]!.calls;
      const [cpuA, cpuB] = [a[i]!.cpu, b[i]!.cpu];
      const cpuMicrosPerCall = cpuA !== undefined && cpuB !== undefined && calls > 0 ? ((cpuB - cpuA) / calls) * 1e6 : undefined;
      return { calls, callsPerSecond: calls / ((b[i]!.at - a[i]!.at) / 1000), cpuMicrosPerCall };
    });
  } catch (e) {
    for (const run of runs) run.child.kill('SIGINT');
    await Promise.all(runs.map((r) => r.exited));
    throw new Error(`k6 ${runs.map((r) => r.kind).join(' and ')} run: ${(e as Error).message}; k6 said: ${runs.map((r) => r.stderr()).join('\n')}`);
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function medianFigures(runs: readonly K6RunFigures[]): K6RunFigures {
  const cpu = runs.map((r) => r.cpuMicrosPerCall).filter((x): x is number => x !== undefined);
  return { calls: median(runs.map((r) => r.calls)), callsPerSecond: median(runs.map((r) => r.callsPerSecond)), cpuMicrosPerCall: cpu.length === runs.length ? median(cpu) : undefined };
}

/**
 * What validating every answer cost in a side-by-side pair: 1 − (CPU per call without) / (CPU per call with), so
 * 0.05 when validation adds 5 % to k6's CPU per call; read `from` calls per second instead (1 − with / without)
 * where the CPU time is not readable.
 */
export function validationCost(validated: K6RunFigures, unvalidated: K6RunFigures, from: 'cpu' | 'calls/s'): number {
  if (from === 'calls/s') return 1 - validated.callsPerSecond / unvalidated.callsPerSecond;
  if (validated.cpuMicrosPerCall === undefined || unvalidated.cpuMicrosPerCall === undefined) throw new Error('validationCost: a run has no CPU time per call; read the cost from calls/s');
  return 1 - unvalidated.cpuMicrosPerCall / validated.cpuMicrosPerCall;
}

const hasCpu = (f: K6RunFigures) => f.cpuMicrosPerCall !== undefined;

/** Runs the rounds and returns the medians; `log` gets one line per round. */
export async function measureK6Library(o: { vus: number; seconds: number; rounds: number; root: string; log?: (line: string) => void }): Promise<K6LibraryResults> {
  const k6 = await ensureK6();
  const dir = await mkdtemp(join(tmpdir(), 'ccgw-bench-k6-'));
  const mocks = [await startMockProcess([], { cwd: o.root })];
  try {
    mocks.push(await startMockProcess([], { cwd: o.root }));
    const [first, second] = [mocks[0]!.url, mocks[1]!.url];
    const s: Setup = { k6, root: o.root, vus: o.vus, seconds: o.seconds, dir };
    // The pair shares the machine: half the VUs each, the same in all as a run alone.
    const pair: Setup = { ...s, vus: Math.max(1, Math.round(o.vus / 2)) };
    /** Starts the runs together, each on its own REST API port. */
    const start = async (...specs: readonly (readonly [Setup, Kind, string, string, number])[]) => {
      const ports = await freePorts(specs.length);
      return specs.map(([setup, kind, url, name, settle], i) => startK6(setup, kind, url, name, settle, ports[i]!));
    };
    const alone = async (kind: Kind, name: string) => (await measureRuns(await start([s, kind, first, name, SETTLE_SECONDS]), o.seconds))[0]!;
    // Warm-up: the mocks' JIT.
    const warm = { ...s, seconds: 1 };
    await measureRuns(await start([warm, 'harness', first, 'warm-up-1', SETTLE_SECONDS], [warm, 'harness', second, 'warm-up-2', SETTLE_SECONDS]), 1);
    const runs: Record<'plain' | 'harness' | 'validated' | 'unvalidated', K6RunFigures[]> = { plain: [], harness: [], validated: [], unvalidated: [] };
    for (let round = 1; round <= o.rounds; round++) {
      const order: Kind[] = round % 2 === 1 ? ['plain', 'harness'] : ['harness', 'plain'];
      const alones: Partial<Record<Kind, K6RunFigures>> = {};
      for (const kind of order) alones[kind] = await alone(kind, `${kind}-${round}`);
      const [plain, harness] = [alones.plain!, alones.harness!];
      const [validatedUrl, unvalidatedUrl] = round % 2 === 1 ? [first, second] : [second, first];
      const [validated, unvalidated] = await measureRuns(
        await start([pair, 'harness', validatedUrl, `validated-${round}`, SETTLE_SECONDS_SIDE_BY_SIDE], [pair, 'unvalidated', unvalidatedUrl, `unvalidated-${round}`, SETTLE_SECONDS_SIDE_BY_SIDE]),
        o.seconds,
      );
      runs.plain.push(plain);
      runs.harness.push(harness);
      runs.validated.push(validated!);
      runs.unvalidated.push(unvalidated!);
      const cost = validationCost(validated!, unvalidated!, hasCpu(validated!) && hasCpu(unvalidated!) ? 'cpu' : 'calls/s');
      const cpu = (f: K6RunFigures) => (f.cpuMicrosPerCall === undefined ? '' : `, ${f.cpuMicrosPerCall.toFixed(0)} µs CPU/call`);
      o.log?.(
        `round ${round}/${o.rounds}: plain k6 ${plain.callsPerSecond.toFixed(0)} calls/s${cpu(plain)}; harness ${harness.callsPerSecond.toFixed(0)}${cpu(harness)} (${(harness.callsPerSecond / plain.callsPerSecond).toFixed(2)}×); side by side, validating ${validated!.callsPerSecond.toFixed(0)}${cpu(validated!)} and not ${unvalidated!.callsPerSecond.toFixed(0)}${cpu(unvalidated!)} (validation costs ${(cost * 100).toFixed(1)} %)`,
      );
    }
    // One basis for every round: CPU time where every run of the pairs has it.
    const from = [...runs.validated, ...runs.unvalidated].every(hasCpu) ? 'cpu' : 'calls/s';
    const costs = runs.validated.map((v, i) => validationCost(v, runs.unvalidated[i]!, from));
    return {
      plain: medianFigures(runs.plain),
      harness: medianFigures(runs.harness),
      validated: medianFigures(runs.validated),
      unvalidated: medianFigures(runs.unvalidated),
      roundRatios: runs.harness.map((h, i) => h.callsPerSecond / runs.plain[i]!.callsPerSecond),
      roundValidationCosts: costs,
      validationCost: median(costs),
      validationCostFrom: from,
    };
  } finally {
    await Promise.all(mocks.map((m) => m.stop()));
    await rm(dir, { recursive: true, force: true });
  }
}
