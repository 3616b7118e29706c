/**
 * The k6 library part of `npm run bench` (`BENCH_ONLY=k6`): what the harness's load library costs per call.
 *
 * Against one mock (a child process), in rounds, three k6 runs of the same VUs and duration, each a closed model
 * (`k6 run --vus N --duration …`, every VU looping its iteration as fast as it can, so nobody pays for k6's dropped-
 * iteration bookkeeping):
 * - plain k6: `load/bench/plain-throughput.ts`, the throughput iteration's calls with `k6/http` alone;
 * - the harness: `load/scenarios/throughput.ts` (its pacing: no pause between polls), every answer validated;
 * - the harness with `CCGW_VALIDATE=0`, to price the validation.
 * The order of the three turns from round to round, so that a slow spell of a shared machine does not fall on one.
 * Each run's figures come from a window of D seconds in its steady state (see `k6Run`): k6's `http_reqs` per second,
 * and the k6 process's CPU time per call, which a busy shared machine disturbs far less than calls per second.
 *
 * Goals: harness ≥ 0.6 × plain k6; validation costs ≤ 10 % (1 − validated / unvalidated calls per second).
 */
import { spawn } from 'node:child_process';
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

/** The three runs of every round, and their medians. */
export interface K6LibraryResults {
  readonly plain: K6RunFigures;
  readonly harness: K6RunFigures;
  readonly unvalidated: K6RunFigures;
  /** Per round: harness / plain, and 1 − harness / unvalidated, in calls per second. */
  readonly roundRatios: readonly number[];
  readonly roundValidationCosts: readonly number[];
}

type Kind = 'plain' | 'harness' | 'unvalidated';

interface Setup {
  readonly k6: string;
  readonly root: string;
  readonly url: string;
  readonly vus: number;
  readonly seconds: number;
  readonly dir: string;
}

/** Seconds before the window opens: every VU signed in, k6 and the mock warm. */
const SETTLE_SECONDS = 3;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
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

async function snapshot(pid: number, api: string): Promise<Snapshot> {
  const res = await fetch(`${api}/v1/metrics/http_reqs`);
  const body = (await res.json()) as { data?: { attributes?: { sample?: { count?: number } } } };
  const calls = body.data?.attributes?.sample?.count;
  if (calls === undefined) throw new Error(`k6's REST API at ${api} gave no http_reqs count: ${JSON.stringify(body).slice(0, 300)}`);
  return { at: performance.now(), calls, cpu: await cpuSeconds(pid) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One k6 run; the figures are taken between two snapshots (k6's REST API on a free port, for its `http_reqs`, and
 * the process's CPU time), `SETTLE_SECONDS` after the start and `seconds` later: setup, the VUs' first sign-in,
 * teardown and the end-of-test summary fall outside. `http_reqs` counts every call of both scripts alike.
 */
async function k6Run(s: Setup, kind: Kind, round: number): Promise<K6RunFigures> {
  const script = kind === 'plain' ? 'load/bench/plain-throughput.ts' : 'load/scenarios/throughput.ts';
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    K6_NO_USAGE_REPORT: 'true',
    BASE_URL: s.url,
    CCGW_LOAD_VUS: String(s.vus),
    CCGW_VALIDATE: kind === 'unvalidated' ? '0' : '1',
    CCGW_REPORT_DIR: s.dir,
    CCGW_RUN_NAME: `${kind}-${round}`,
  };
  const duration = SETTLE_SECONDS + s.seconds + 2;
  const args = ['run', '--quiet', '--address', `127.0.0.1:${port}`, '--vus', String(s.vus), '--duration', `${duration}s`, script];
  const child = spawn(s.k6, args, { cwd: s.root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr = (stderr + String(c)).slice(-4000)));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  try {
    await sleep(SETTLE_SECONDS * 1000);
    const a = await snapshot(child.pid!, api);
    await sleep(s.seconds * 1000);
    const b = await snapshot(child.pid!, api);
    const code = await exited;
    // The harness exits 99 when a threshold is crossed (e.g. on a machine too busy for its latency bounds); its
    // calls still count.
    if (code !== 0 && code !== 99) throw new Error(`k6 ${kind} run exited ${code}: ${stderr}`);
    const calls = b.calls - a.calls;
    const cpuMicrosPerCall = a.cpu !== undefined && b.cpu !== undefined && calls > 0 ? ((b.cpu - a.cpu) / calls) * 1e6 : undefined;
    return { calls, callsPerSecond: calls / ((b.at - a.at) / 1000), cpuMicrosPerCall };
  } catch (e) {
    child.kill('SIGINT');
    await exited;
    throw new Error(`k6 ${kind} run: ${(e as Error).message}; k6 said: ${stderr}`);
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

/** Runs the rounds and returns the medians; `log` gets one line per round. */
export async function measureK6Library(o: { vus: number; seconds: number; rounds: number; root: string; log?: (line: string) => void }): Promise<K6LibraryResults> {
  const k6 = await ensureK6();
  const dir = await mkdtemp(join(tmpdir(), 'ccgw-bench-k6-'));
  const mock = await startMockProcess([], { cwd: o.root });
  try {
    const setup: Setup = { k6, root: o.root, url: mock.url, vus: o.vus, seconds: o.seconds, dir };
    const runs: Record<Kind, K6RunFigures[]> = { plain: [], harness: [], unvalidated: [] };
    const order: Kind[] = ['plain', 'harness', 'unvalidated'];
    await k6Run({ ...setup, seconds: 1 }, 'harness', 0); // warm-up: the mock's JIT
    for (let round = 1; round <= o.rounds; round++) {
      const figures: Partial<Record<Kind, K6RunFigures>> = {};
      for (let i = 0; i < order.length; i++) {
        const kind = order[(i + round - 1) % order.length]!;
        figures[kind] = await k6Run(setup, kind, round);
        runs[kind].push(figures[kind]);
      }
      const { plain, harness, unvalidated } = figures as Record<Kind, K6RunFigures>;
      const cpu = (f: K6RunFigures) => (f.cpuMicrosPerCall === undefined ? '' : `, ${f.cpuMicrosPerCall.toFixed(0)} µs CPU/call`);
      o.log?.(
        `round ${round}/${o.rounds}: plain k6 ${plain.callsPerSecond.toFixed(0)} calls/s${cpu(plain)}; harness ${harness.callsPerSecond.toFixed(0)}${cpu(harness)} (${(harness.callsPerSecond / plain.callsPerSecond).toFixed(2)}×); without validation ${unvalidated.callsPerSecond.toFixed(0)}${cpu(unvalidated)} (validation costs ${((1 - harness.callsPerSecond / unvalidated.callsPerSecond) * 100).toFixed(1)} %)`,
      );
    }
    return {
      plain: medianFigures(runs.plain),
      harness: medianFigures(runs.harness),
      unvalidated: medianFigures(runs.unvalidated),
      roundRatios: runs.harness.map((h, i) => h.callsPerSecond / runs.plain[i]!.callsPerSecond),
      roundValidationCosts: runs.harness.map((h, i) => 1 - h.callsPerSecond / runs.unvalidated[i]!.callsPerSecond),
    };
  } finally {
    await mock.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
