/**
 * The k6 library part of `npm run bench` (`BENCH_ONLY=k6`): what the harness's load library costs per call.
 *
 * Against one mock (a child process), in rounds, three k6 runs of the same VUs and duration, each a closed model
 * (`k6 run --vus N --duration D`, every VU looping its iteration as fast as it can, so nobody pays for k6's dropped-
 * iteration bookkeeping):
 * - plain k6: `load/bench/plain-throughput.ts`, the throughput iteration's calls with `k6/http` alone;
 * - the harness: `load/scenarios/throughput.ts` (its pacing: no pause between polls), every answer validated;
 * - the harness with `CCGW_VALIDATE=0`, to price the validation.
 * The order of the three turns from round to round, so that a slow spell of a shared machine does not fall on one.
 * Calls per second count the calls of the iterations only: plain k6's `http_reqs` (it has no setup or teardown),
 * the harness's `ccgw_calls` less its teardown's `ccgw_cleanup_calls`, over the duration D.
 *
 * Goals: harness ≥ 0.6 × plain k6; validation costs ≤ 10 % (1 − validated / unvalidated calls per second).
 *
 * @example
 * ```ts
 * const results = await measureK6Library({ vus: 64, seconds: 10, rounds: 5, root: ROOT });
 * ```
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureK6 } from '../../src/tools/ensure-k6.ts';
import { startChild } from './child-server.ts';

/** One k6 run's figures. */
export interface K6RunFigures {
  readonly calls: number;
  readonly callsPerSecond: number;
  readonly iterations: number;
}

/** The three runs of every round, and their medians. */
export interface K6LibraryResults {
  readonly plain: K6RunFigures;
  readonly harness: K6RunFigures;
  readonly unvalidated: K6RunFigures;
  /** Per round: harness / plain, and 1 − harness / unvalidated. */
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

function k6Run(s: Setup, kind: Kind, round: number): Promise<K6RunFigures> {
  const script = kind === 'plain' ? 'load/bench/plain-throughput.ts' : 'load/scenarios/throughput.ts';
  const exported = join(s.dir, `${kind}-${round}.json`);
  const env = {
    ...process.env,
    K6_NO_USAGE_REPORT: 'true',
    BASE_URL: s.url,
    CCGW_LOAD_VUS: String(s.vus),
    CCGW_VALIDATE: kind === 'unvalidated' ? '0' : '1',
    CCGW_REPORT_DIR: s.dir,
    CCGW_RUN_NAME: `${kind}-${round}-summary`,
  };
  const args = ['run', '--quiet', '--address=', '--vus', String(s.vus), '--duration', `${s.seconds}s`, '--summary-export', exported, script];
  return new Promise((resolve, reject) => {
    execFile(s.k6, args, { cwd: s.root, env, timeout: (s.seconds + 180) * 1000, maxBuffer: 64 * 2 ** 20 }, async (error, _stdout, stderr) => {
      // The harness exits 99 when a threshold is crossed; its figures still count, the bench prints the exit.
      if (error && (error as { code?: unknown }).code !== 99) return reject(new Error(`k6 ${kind} run failed (${error.message}): ${String(stderr).slice(-2000)}`));
      try {
        const summary = JSON.parse(await readFile(exported, 'utf8')) as { metrics: Record<string, { count?: number }> };
        const count = (name: string) => summary.metrics[name]?.count ?? 0;
        const calls = kind === 'plain' ? count('http_reqs') : count('ccgw_calls') - count('ccgw_cleanup_calls');
        resolve({ calls, callsPerSecond: calls / s.seconds, iterations: count('iterations') });
      } catch (e) {
        reject(new Error(`k6 ${kind} run wrote no readable summary ${exported}: ${(e as Error).message}`));
      }
    });
  });
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function medianFigures(runs: readonly K6RunFigures[]): K6RunFigures {
  return { calls: median(runs.map((r) => r.calls)), callsPerSecond: median(runs.map((r) => r.callsPerSecond)), iterations: median(runs.map((r) => r.iterations)) };
}

/**
 * Runs the rounds and returns the medians; `log` gets one line per round.
 *
 * @example
 * ```ts
 * const { plain, harness } = await measureK6Library({ vus: 64, seconds: 10, rounds: 5, root, log: console.log });
 * ```
 */
export async function measureK6Library(o: { vus: number; seconds: number; rounds: number; root: string; log?: (line: string) => void }): Promise<K6LibraryResults> {
  const k6 = await ensureK6();
  const dir = await mkdtemp(join(tmpdir(), 'ccgw-bench-k6-'));
  const mock = await startChild(process.execPath, ['bin/ccgw.js', 'mock', '--port', '0', '--quiet'], o.root);
  try {
    const setup: Setup = { k6, root: o.root, url: mock.url, vus: o.vus, seconds: o.seconds, dir };
    const runs: Record<Kind, K6RunFigures[]> = { plain: [], harness: [], unvalidated: [] };
    const order: Kind[] = ['plain', 'harness', 'unvalidated'];
    await k6Run({ ...setup, seconds: 2 }, 'harness', 0); // warm-up: the mock's JIT, k6's first compile
    for (let round = 1; round <= o.rounds; round++) {
      const figures: Partial<Record<Kind, K6RunFigures>> = {};
      for (let i = 0; i < order.length; i++) {
        const kind = order[(i + round - 1) % order.length]!;
        figures[kind] = await k6Run(setup, kind, round);
        runs[kind].push(figures[kind]);
      }
      const { plain, harness, unvalidated } = figures as Record<Kind, K6RunFigures>;
      o.log?.(
        `round ${round}/${o.rounds}: plain k6 ${plain.callsPerSecond.toFixed(0)} calls/s, harness ${harness.callsPerSecond.toFixed(0)} (${(harness.callsPerSecond / plain.callsPerSecond).toFixed(2)}×), harness without validation ${unvalidated.callsPerSecond.toFixed(0)} (validation costs ${((1 - harness.callsPerSecond / unvalidated.callsPerSecond) * 100).toFixed(1)} %)`,
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
