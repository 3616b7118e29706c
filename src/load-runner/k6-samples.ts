/**
 * Reading k6's CSV samples (`k6 run --out csv=samples.csv.gz`): per operation the latencies of the calls and their
 * retcodes, and a per-second timeline of calls, p95 and unexpected answers. k6's end-of-test data has neither a time
 * series nor the per-retcode submetrics, so the report takes them from here.
 *
 * Where each comes from: a call's duration is k6's `http_req_duration` of a request named after its operation (the
 * `name` column; the setup probe and the mock's admin calls have other names), its retcode the `retcode` tag of its
 * `ccgw_contract_ok` sample. Runs written before kept a copy of the duration in `ccgw_op_duration` and counted the
 * retcodes in `ccgw_calls`; when a file has those, they are used instead (it has both, and would count twice).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { operations } from '../generated/contract.ts';

/** Aggregates of one k6 run's samples. */
export interface K6Samples {
  /** Latencies in ms per operation. */
  readonly latencies: ReadonlyMap<string, number[]>;
  /** Calls per operation and retcode. */
  readonly retcodes: Readonly<Record<string, Record<string, number>>>;
  /** One entry per second of the run that had samples. */
  readonly seconds: ReadonlyMap<number, { calls: number; durations: number[]; errors: number }>;
}

type Second = { calls: number; durations: number[]; errors: number };

/** Latencies and calls per second from one source (the current one or the older one). */
class Durations {
  readonly latencies = new Map<string, number[]>();
  readonly seconds = new Map<number, Second>();
  add(op: string, t: number, value: number): void {
    let list = this.latencies.get(op);
    if (!list) this.latencies.set(op, (list = []));
    list.push(value);
    const s = second(this.seconds, t);
    s.calls++;
    s.durations.push(value);
  }
}

function second(seconds: Map<number, Second>, t: number): Second {
  let s = seconds.get(t);
  if (!s) seconds.set(t, (s = { calls: 0, durations: [], errors: 0 }));
  return s;
}

function tags(extra: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of extra.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
  }
  return out;
}

const OPERATIONS: ReadonlySet<string> = new Set(Object.keys(operations));
const READ = new Set(['http_req_duration', 'ccgw_op_duration', 'ccgw_contract_ok', 'ccgw_calls', 'ccgw_unexpected_answer']);

/** Streams a (gzip-compressed) k6 CSV file and aggregates it. */
export async function readK6Samples(path: string): Promise<K6Samples> {
  const source = createReadStream(path);
  const lines = createInterface({ input: path.endsWith('.gz') ? source.pipe(createGunzip()) : source, crlfDelay: Infinity });
  const current = new Durations();
  const older = new Durations();
  const retcodes: Record<string, Record<string, number>> = {};
  const olderRetcodes: Record<string, Record<string, number>> = {};
  const errors = new Map<number, number>();
  let columns: string[] | undefined;
  let iTime = 1;
  let iValue = 2;
  let iExtra = -1;
  let iName = -1;
  let iStatus = -1;
  for await (const line of lines) {
    if (!columns) {
      columns = line.split(',');
      iTime = columns.indexOf('timestamp');
      iValue = columns.indexOf('metric_value');
      iExtra = columns.indexOf('extra_tags');
      iName = columns.indexOf('name');
      iStatus = columns.indexOf('status');
      if (columns.indexOf('metric_name') < 0 || iTime < 0 || iValue < 0 || iExtra < 0) throw new Error(`${path} is not a k6 CSV output (header ${line})`);
      continue;
    }
    const metric = line.slice(0, line.indexOf(','));
    if (!READ.has(metric)) continue;
    const cells = line.split(',');
    const t = Number(cells[iTime]);
    const value = Number(cells[iValue]);
    if (metric === 'http_req_duration') {
      const name = iName < 0 ? undefined : cells[iName];
      if (name !== undefined && OPERATIONS.has(name)) current.add(name, t, value);
      continue;
    }
    const tagged = tags(cells[iExtra] ?? '');
    const op = tagged['op'] ?? '(unknown)';
    if (metric === 'ccgw_op_duration') {
      older.add(op, t, value);
    } else if (metric === 'ccgw_contract_ok' || metric === 'ccgw_calls') {
      // Older runs tagged ccgw_contract_ok with the op alone and counted the retcodes in ccgw_calls.
      if (metric === 'ccgw_contract_ok' && tagged['retcode'] === undefined) continue;
      const code = tagged['retcode'] ?? (cells[iStatus] ? `http ${cells[iStatus]}` : '(none)');
      const byCode = ((metric === 'ccgw_calls' ? olderRetcodes : retcodes)[op] ??= {});
      byCode[code] = (byCode[code] ?? 0) + (metric === 'ccgw_calls' ? value : 1);
    } else if (value > 0) {
      errors.set(t, (errors.get(t) ?? 0) + 1);
    }
  }
  if (!columns) throw new Error(`${path} is empty: k6 wrote no samples`);
  const durations = older.latencies.size > 0 ? older : current;
  for (const [t, n] of errors) second(durations.seconds, t).errors += n;
  return { latencies: durations.latencies, retcodes: Object.keys(olderRetcodes).length > 0 ? olderRetcodes : retcodes, seconds: durations.seconds };
}

/** The nearest-rank percentile `q` (0–1) of ascending `sorted` values. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
