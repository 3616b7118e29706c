/**
 * Reading k6's CSV samples (`k6 run --out csv=samples.csv.gz`): per operation the latencies of `ccgw_op_duration`
 * and the retcodes of the calls (one `ccgw_contract_ok` sample per call, tagged with its retcode; runs written before
 * that have a `ccgw_calls` counter instead, which is then used), and a per-second timeline of calls, p95 and
 * unexpected answers. k6's end-of-
 * test data has neither a time series nor the per-retcode submetrics, so the report takes them from here.
 *
 * @example
 * ```ts
 * const samples = await readK6Samples('runs/x/load/samples.csv.gz');
 * samples.retcodes.addInsert; // { '0': 120, '900-005': 480 }
 * ```
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** Aggregates of one k6 run's samples. */
export interface K6Samples {
  /** Latencies in ms per operation (from `ccgw_op_duration`). */
  readonly latencies: ReadonlyMap<string, number[]>;
  /** Calls per operation and retcode (from `ccgw_contract_ok`, or `ccgw_calls` in older runs). */
  readonly retcodes: Readonly<Record<string, Record<string, number>>>;
  /** One entry per second of the run that had samples. */
  readonly seconds: ReadonlyMap<number, { calls: number; durations: number[]; errors: number }>;
}

function tags(extra: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of extra.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
  }
  return out;
}

/** Streams a (gzip-compressed) k6 CSV file and aggregates it. */
export async function readK6Samples(path: string): Promise<K6Samples> {
  const source = createReadStream(path);
  const lines = createInterface({ input: path.endsWith('.gz') ? source.pipe(createGunzip()) : source, crlfDelay: Infinity });
  const latencies = new Map<string, number[]>();
  const retcodes: Record<string, Record<string, number>> = {};
  const olderRetcodes: Record<string, Record<string, number>> = {};
  const seconds = new Map<number, { calls: number; durations: number[]; errors: number }>();
  let columns: string[] | undefined;
  let iName = 0;
  let iTime = 1;
  let iValue = 2;
  let iExtra = -1;
  const second = (t: number) => {
    let s = seconds.get(t);
    if (!s) seconds.set(t, (s = { calls: 0, durations: [], errors: 0 }));
    return s;
  };
  for await (const line of lines) {
    if (!columns) {
      columns = line.split(',');
      iName = columns.indexOf('metric_name');
      iTime = columns.indexOf('timestamp');
      iValue = columns.indexOf('metric_value');
      iExtra = columns.indexOf('extra_tags');
      if (iName < 0 || iTime < 0 || iValue < 0 || iExtra < 0) throw new Error(`${path} is not a k6 CSV output (header ${line})`);
      continue;
    }
    const name = line.slice(0, line.indexOf(','));
    if (name !== 'ccgw_op_duration' && name !== 'ccgw_contract_ok' && name !== 'ccgw_calls' && name !== 'ccgw_unexpected_answer') continue;
    const cells = line.split(',');
    const t = Number(cells[iTime]);
    const value = Number(cells[iValue]);
    const tagged = tags(cells[iExtra] ?? '');
    const op = tagged['op'] ?? '(unknown)';
    if (name === 'ccgw_op_duration') {
      let list = latencies.get(op);
      if (!list) latencies.set(op, (list = []));
      list.push(value);
      const s = second(t);
      s.calls++;
      s.durations.push(value);
    } else if (name === 'ccgw_contract_ok' || name === 'ccgw_calls') {
      // Runs written before ccgw_contract_ok carried the retcode had it only on the ccgw_calls counter.
      if (name === 'ccgw_contract_ok' && tagged['retcode'] === undefined) continue;
      const code = tagged['retcode'] ?? (cells[columns.indexOf('status')] ? `http ${cells[columns.indexOf('status')]}` : '(none)');
      const byCode = ((name === 'ccgw_calls' ? olderRetcodes : retcodes)[op] ??= {});
      byCode[code] = (byCode[code] ?? 0) + (name === 'ccgw_calls' ? value : 1);
    } else if (value > 0) {
      second(t).errors++;
    }
  }
  if (!columns) throw new Error(`${path} is empty: k6 wrote no samples`);
  return { latencies, retcodes: Object.keys(olderRetcodes).length > 0 ? olderRetcodes : retcodes, seconds };
}

/** The nearest-rank percentile `q` (0–1) of ascending `sorted` values. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
