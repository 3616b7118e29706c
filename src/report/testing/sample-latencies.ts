/**
 * Raw latency samples for the comparison tests: deterministic pseudo-random calls around a median (a seeded
 * generator, so every test run sees the same values), as `RunLatencies` or as a k6 CSV samples file.
 */
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { RunLatencies } from '../compare.ts';

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` latencies in ms whose median is about `medianMs`, spread log-symmetrically by a factor of up to e^`spread`,
 * rounded to microseconds as k6 writes them.
 */
export function sampleLatencies(n: number, medianMs: number, seed: number, spread = 0.3): number[] {
  const next = generator(seed);
  return Array.from({ length: n }, () => Math.round(medianMs * Math.exp(spread * (next() + next() + next() - 1.5)) * 1000) / 1000);
}

/** One scenario's latencies per operation, as `readRunLatencies` gives them. */
export function latenciesOf(scenario: string, byOperation: Readonly<Record<string, readonly number[]>>): RunLatencies {
  return new Map([[scenario, { byOperation: new Map(Object.entries(byOperation)) }]]);
}

const HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';

/**
 * Writes latencies as k6 writes its samples (`--out csv=FILE.csv.gz`): one `http_req_duration` row per call, the
 * request named after its operation.
 */
export async function writeK6Samples(file: string, byOperation: Readonly<Record<string, readonly number[]>>): Promise<void> {
  const rows = Object.entries(byOperation).flatMap(([op, values]) => values.map((v, i) => `http_req_duration,${1_700_000_000 + i},${v},,,,true,,GET,${op},HTTP/1.1,storm,,200,,,http://127.0.0.1/x,,`));
  await writeFile(file, gzipSync([HEADER, ...rows].join('\n')));
}
