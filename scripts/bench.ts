/**
 * `npm run bench`: performance figures of the mock gateway, each against a baseline measured in the same run.
 *
 * 1. Barge/cancel cycle throughput and latency at 32 connections (each connection owns one inspector/agent pair
 *    and alternates addinsert and cancel), on the mock and on a bare node:http server answering the same bytes.
 *    Goal: mock throughput ≥ 0.7 × bare, mock p99 ≤ 5 ms. The same bare server writing its replies at the end of
 *    the event-loop turn, as the mock does, is measured too (like for like, no goal).
 * 2. Resident memory of the mock with all 59,899 IDs of the default range (101–59999) signed in through the
 *    public sign-in call. Goal: ≤ 150 MB RSS.
 * 3. The k6 load library's cost per call (`bench/k6-library.ts`): calls per second of a plain k6 script and of the
 *    harness's throughput scenario, the same calls, each alone with the mock; and the harness beside itself without
 *    validation, for the CPU per call that validation costs. Goals: harness ≥ 0.6 × plain k6; validation costs ≤ 10 %.
 *
 * The cycle runs in rounds (BENCH_ROUNDS, default 5): each round measures the two bare servers and then the mock,
 * all started once and kept running, so a slow spell of a shared machine falls on all; the figures are the medians
 * over the rounds, and each round's own ratios are printed to show the spread.
 *
 * Environment: BENCH_DURATION (seconds per measured run, default 10), BENCH_CONNECTIONS (default 32),
 * BENCH_ROUNDS (default 5), BENCH_K6_VUS (the k6 part's VUs, default 64), BENCH_ONLY=cycle|memory|k6 to run one part.
 * Figures only: it never fails on a goal (the machines are shared and noisy); it prints whether each was met.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startMockProcess, startServer, type RunningServer } from '../src/gateway/testing/mock-process.ts';
import { rssBytes } from './bench/rss.ts';
import { measureK6Library } from './bench/k6-library.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const CT = 'application/json; charset=UTF-8';
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const K6_VUS = Number(process.env['BENCH_K6_VUS'] ?? 64);
const ONLY = process.env['BENCH_ONLY'];
if (ONLY !== undefined && ONLY !== 'cycle' && ONLY !== 'memory' && ONLY !== 'k6') {
  console.error(`bench: BENCH_ONLY=${JSON.stringify(ONLY)} is not cycle, memory or k6`);
  process.exit(2);
}
for (const [name, value] of [['BENCH_DURATION', DURATION], ['BENCH_CONNECTIONS', CONNECTIONS], ['BENCH_ROUNDS', ROUNDS], ['BENCH_K6_VUS', K6_VUS]] as const) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: ${name}=${JSON.stringify(process.env[name])} is not a whole number ≥ 1`);
    process.exit(2);
  }
}

interface CycleFigures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  mismatches: number;
}

async function admin(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}/__admin${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`admin ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Runs the cycle against `url`; `guids` maps inspector IDs to Guids (the bare server ignores them). */
function cycle(url: string, pairs: Array<{ inspector: string; agent: string; guid: string }>, seconds: number): Promise<CycleFigures> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        setupClient(client) {
          const p = pairs[next++ % pairs.length]!;
          const headers = { 'Content-Type': CT, Guid: p.guid };
          client.setRequests([
            { method: 'PUT', path: `/agentgateway/resource/qualitycontrol/${p.inspector}/addinsert/${p.agent}`, headers },
            { method: 'DELETE', path: `/agentgateway/resource/qualitycontrol/${p.inspector}/${p.agent}`, headers },
          ]);
        },
        verifyBody: (body: string) => body.includes('"retcode":"0"'),
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors: r.errors + r.non2xx, mismatches: r.mismatches ?? 0 });
      },
    );
  });
}

/** Cancels each pair's barge, ignoring the answer (none is open unless a run stopped mid-cycle). */
async function endOpenBarges(url: string, pairs: Array<{ inspector: string; agent: string; guid: string }>): Promise<void> {
  await Promise.all(
    pairs.map((p) => fetch(`${url}/agentgateway/resource/qualitycontrol/${p.inspector}/${p.agent}`, { method: 'DELETE', headers: { 'Content-Type': CT, Guid: p.guid } }).then((r) => r.arrayBuffer())),
  );
}

type Pairs = Array<{ inspector: string; agent: string; guid: string }>;

/** The inspector/agent pairs of the cycle, signed in on the mock (the bare server ignores the Guids). */
async function cyclePairs(server: RunningServer, isMock: boolean): Promise<Pairs> {
  const pairs = Array.from({ length: CONNECTIONS }, (_, i) => ({ inspector: String(30101 + i), agent: String(30201 + i), guid: 'none' }));
  if (isMock) {
    const { guids } = await admin(server.url, 'POST', '/agents/sign-in', { ids: pairs.flatMap((p) => [p.inspector, p.agent]) });
    for (const p of pairs) p.guid = guids[p.inspector];
  }
  return pairs;
}

async function measureCycle(server: RunningServer, pairs: Pairs): Promise<CycleFigures> {
  await cycle(server.url, pairs, 2); // warm-up
  await endOpenBarges(server.url, pairs); // a run may stop between an addinsert and its cancel
  const figures = await cycle(server.url, pairs, DURATION);
  await endOpenBarges(server.url, pairs);
  return figures;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The medians of each figure over the rounds (errors are summed: any error in any round counts). */
function medianFigures(runs: CycleFigures[]): CycleFigures {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    mismatches: runs.reduce((n, r) => n + r.mismatches, 0),
  };
}

interface CycleResults {
  /** The goal's baseline: a bare node:http server answering at once. */
  baseline: CycleFigures;
  /** The same bare server writing its replies at the end of the event-loop turn, as the mock does. */
  baselineEndOfTurn: CycleFigures;
  mocked: CycleFigures;
  /** Each round's mock / bare ratio. */
  roundRatios: number[];
  /** Each round's mock / bare-end-of-turn ratio. */
  roundRatiosEndOfTurn: number[];
}

/** Rounds of bare, bare-end-of-turn, then mock runs against three servers started once. */
async function measureCycleRounds(): Promise<CycleResults> {
  const servers: RunningServer[] = [];
  try {
    servers.push(await startServer(process.execPath, ['--import', 'tsx', 'scripts/bench/bare-server.ts'], { cwd: ROOT }));
    servers.push(await startServer(process.execPath, ['--import', 'tsx', 'scripts/bench/bare-server.ts', '--end-of-turn'], { cwd: ROOT }));
    // The cycle's agents never poll for events, and the poll is what renews a Guid and keeps an agent signed in:
    // with the defaults every call after 2 minutes would be a cheap 100-006 rejection. Longer limits keep the
    // rounds measuring barges and cancels.
    servers.push(await startMockProcess(['--sign-out-after', '1h', '--guid-timeout', '1h'], { cwd: ROOT }));
    const [bare, bareEot, mock] = servers as [RunningServer, RunningServer, RunningServer];
    const barePairs = await cyclePairs(bare, false);
    const mockPairs = await cyclePairs(mock, true);
    const bareRuns: CycleFigures[] = [];
    const eotRuns: CycleFigures[] = [];
    const mockRuns: CycleFigures[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const b = await measureCycle(bare, barePairs);
      const e = await measureCycle(bareEot, barePairs);
      const m = await measureCycle(mock, mockPairs);
      bareRuns.push(b);
      eotRuns.push(e);
      mockRuns.push(m);
      console.log(
        `round ${round}/${ROUNDS}: bare ${f1(b.rps)} req/s, bare end-of-turn ${f1(e.rps)} req/s, mock ${f1(m.rps)} req/s, ratio ${(m.rps / b.rps).toFixed(2)}× (${(m.rps / e.rps).toFixed(2)}× end-of-turn)`,
      );
    }
    return {
      baseline: medianFigures(bareRuns),
      baselineEndOfTurn: medianFigures(eotRuns),
      mocked: medianFigures(mockRuns),
      roundRatios: mockRuns.map((m, i) => m.rps / bareRuns[i]!.rps),
      roundRatiosEndOfTurn: mockRuns.map((m, i) => m.rps / eotRuns[i]!.rps),
    };
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}

async function measureMemory(): Promise<{ idleMb: number; signedInMb: number; agents: number; signInRps: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'ccgw-bench-'));
  const fixtures = join(dir, 'all-ids.json');
  await writeFile(fixtures, JSON.stringify({ name: 'bench: every ID of 101–59999', agents: [], ranges: [{ from: 101, to: 59999, vdn: 1, inspector: false, phone: '{id}', password: 'bench' }] }));
  const mock = await startMockProcess(['--fixtures', fixtures, '--sign-out-after', '1h'], { cwd: ROOT });
  try {
    const idle = await rssBytes((await admin(mock.url, 'GET', '/health')).pid);
    const ids = Array.from({ length: 59999 - 101 + 1 }, (_, i) => String(101 + i));
    const started = performance.now();
    let cursor = 0;
    const worker = async () => {
      while (cursor < ids.length) {
        const id = ids[cursor++]!;
        const res = await fetch(`${mock.url}/agentgateway/resource/onlineagent/${id}`, { method: 'PUT', headers: { 'Content-Type': CT }, body: JSON.stringify({ password: 'bench', phonenum: id }) });
        const body = (await res.json()) as { retcode: string };
        if (body.retcode !== '0') throw new Error(`sign-in of ${id} answered ${JSON.stringify(body)}`);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    const seconds = (performance.now() - started) / 1000;
    const health = await admin(mock.url, 'GET', '/health');
    const signedIn = await rssBytes(health.pid);
    return { idleMb: idle / 2 ** 20, signedInMb: signedIn / 2 ** 20, agents: health.signedIn, signInRps: ids.length / seconds };
  } finally {
    await mock.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const f1 = (n: number) => n.toFixed(1);

const spread = (ratios: number[]) => `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;

async function main(): Promise<void> {
  console.log(`ccgw-harness bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds`);
  const cycleResults = ONLY === undefined || ONLY === 'cycle' ? await measureCycleRounds() : undefined;
  const memory = ONLY === undefined || ONLY === 'memory' ? await measureMemory() : undefined;
  const k6 = ONLY === undefined || ONLY === 'k6' ? await measureK6Library({ vus: K6_VUS, seconds: DURATION, rounds: ROUNDS, root: ROOT, log: (line) => console.log(`k6 ${line}`) }) : undefined;
  const rows: Array<readonly [string, string, string, string, string, string, boolean | null]> = [];
  let ratio: number | undefined;
  let ratioEndOfTurn: number | undefined;
  if (cycleResults) {
    const { baseline, baselineEndOfTurn: eot, mocked } = cycleResults;
    ratio = mocked.rps / baseline.rps;
    ratioEndOfTurn = mocked.rps / eot.rps;
    rows.push(
      ['barge/cancel cycle (median of rounds)', 'req/s', f1(baseline.rps), f1(mocked.rps), `${ratio.toFixed(2)}×`, 'mock ≥ 0.70 × bare', ratio >= 0.7],
      ['', 'p50 ms', f1(baseline.p50), f1(mocked.p50), '', '', null],
      ['', 'p99 ms', f1(baseline.p99), f1(mocked.p99), '', 'mock p99 ≤ 5 ms', mocked.p99 <= 5],
      ['', 'errors', String(baseline.errors + baseline.mismatches), String(mocked.errors + mocked.mismatches), '', 'no errors, every retcode 0', mocked.errors + mocked.mismatches === 0],
      ['same, baseline writing at the end of the turn', 'req/s', f1(eot.rps), f1(mocked.rps), `${ratioEndOfTurn.toFixed(2)}×`, '(like for like; no goal)', null],
    );
  }
  if (memory) rows.push(['59,899 agents signed in', 'RSS MB', `${f1(memory.idleMb)} (idle)`, f1(memory.signedInMb), '', 'mock ≤ 150 MB', memory.signedInMb <= 150]);
  let k6Ratio: number | undefined;
  let validationCost: number | undefined;
  if (k6) {
    k6Ratio = k6.harness.callsPerSecond / k6.plain.callsPerSecond;
    validationCost = k6.validationCost;
    rows.push([`k6 throughput iteration, ${K6_VUS} VUs, each alone with the mock (median of rounds); baseline = plain k6`, 'calls/s', f1(k6.plain.callsPerSecond), f1(k6.harness.callsPerSecond), `${k6Ratio.toFixed(2)}×`, 'harness ≥ 0.60 × plain k6', k6Ratio >= 0.6]);
    const [cp, ch] = [k6.plain.cpuMicrosPerCall, k6.harness.cpuMicrosPerCall];
    if (cp !== undefined && ch !== undefined) rows.push(['same, k6 CPU per call', 'µs', f1(cp), f1(ch), `${(cp / ch).toFixed(2)}× calls per CPU-second`, '', null]);
    const [uv, vv] = k6.validationCostFrom === 'cpu' ? [k6.unvalidated.cpuMicrosPerCall!, k6.validated.cpuMicrosPerCall!] : [k6.unvalidated.callsPerSecond, k6.validated.callsPerSecond];
    rows.push([
      `the harness beside itself without validation, ${Math.max(1, Math.round(K6_VUS / 2))} VUs each against its own mock (median of rounds); baseline = without`,
      k6.validationCostFrom === 'cpu' ? 'µs CPU/call' : 'calls/s',
      f1(uv),
      f1(vv),
      `${(validationCost * 100).toFixed(1)} % cost (median of the rounds' pairs)`,
      'validation costs ≤ 10 %',
      validationCost <= 0.1,
    ]);
  }
  console.log('');
  console.log('| measure | unit | baseline | measured (mock, or the harness) | ratio | goal | met |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [m, u, b, k, r, g, ok] of rows) console.log(`| ${m} | ${u} | ${b} | ${k} | ${r} | ${g} | ${ok === null ? '' : ok ? 'yes' : 'NO'} |`);
  console.log('');
  if (cycleResults) {
    console.log(`(${cycleResults.mocked.requests} mock requests measured in the cycle; the rounds' own ratios ranged ${spread(cycleResults.roundRatios)}, end-of-turn ${spread(cycleResults.roundRatiosEndOfTurn)})`);
  }
  if (memory) console.log(`(${memory.agents} agents signed in through the public sign-in at ${f1(memory.signInRps)} sign-ins/s)`);
  if (k6) {
    const pct = (xs: readonly number[]) => `${(Math.min(...xs) * 100).toFixed(1)}–${(Math.max(...xs) * 100).toFixed(1)} %`;
    console.log(`(k6: the rounds' harness / plain ratios ranged ${spread([...k6.roundRatios])}, the validation cost ${pct(k6.roundValidationCosts)}; k6 and the mocks share this machine's CPUs)`);
  }
  console.log(
    JSON.stringify({
      node: process.version,
      connections: CONNECTIONS,
      durationS: DURATION,
      rounds: ROUNDS,
      baseline: cycleResults?.baseline,
      baselineEndOfTurn: cycleResults?.baselineEndOfTurn,
      mock: cycleResults?.mocked,
      ratio,
      ratioEndOfTurn,
      roundRatios: cycleResults?.roundRatios,
      roundRatiosEndOfTurn: cycleResults?.roundRatiosEndOfTurn,
      memory,
      k6: k6 && { vus: K6_VUS, ...k6, ratio: k6Ratio, validationCost },
    }),
  );
}

await main();
