/**
 * Injected faults: per operation (or all), optionally per agent, at a rate: latency (without blocking other
 * requests), a retcode (applied after the state checks), an HTTP status, or a connection reset.
 *
 * @example
 * ```ts
 * const faults = parseFaults({ faults: [{ operation: 'addInsert', retcode: '900-001', rate: 0.1 }] });
 * const f = pickFault(faults, 'addInsert', '30169', Math.random);
 * ```
 */
import { isListedFor, OPERATION_IDS, type OperationId } from '../domain/retcodes.ts';

/** One fault setting, as the admin API takes it. */
export interface Fault {
  readonly operation: OperationId | '*';
  readonly agent?: string;
  readonly rate: number;
  readonly latencyMs?: number;
  readonly latencyJitterMs?: number;
  readonly retcode?: string;
  readonly http?: number;
  readonly reset?: boolean;
}

/** What happens to one call. */
export interface FaultEffect {
  latencyMs: number;
  retcode?: string;
  http?: number;
  reset?: boolean;
}

/** A fault setting that cannot be used; the message names the field and the fix. */
export class FaultError extends Error {
  override readonly name = 'FaultError';
}

const KEYS = new Set(['operation', 'agent', 'rate', 'latencyMs', 'latencyJitterMs', 'retcode', 'http', 'reset']);

/** Validates `{ faults: [...] }`. @throws FaultError */
export function parseFaults(body: unknown): Fault[] {
  const list = (body as { faults?: unknown } | null)?.faults;
  if (!Array.isArray(list)) throw new FaultError('the body must be { "faults": [ ... ] }');
  return list.map((raw, i) => parseFault(raw, `faults[${i}]`));
}

function parseFault(raw: unknown, at: string): Fault {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new FaultError(`${at} must be an object`);
  const f = raw as Record<string, unknown>;
  for (const key of Object.keys(f)) if (!KEYS.has(key)) throw new FaultError(`${at} has an unknown property ${JSON.stringify(key)}; use ${[...KEYS].join(', ')}`);
  const operation = f['operation'];
  if (operation !== '*' && !OPERATION_IDS.includes(operation as OperationId)) {
    throw new FaultError(`${at}.operation ${JSON.stringify(operation)} is not an operation; use "*" or one of ${OPERATION_IDS.join(', ')}`);
  }
  const rate = f['rate'] ?? 1;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new FaultError(`${at}.rate ${JSON.stringify(rate)} must be a number from 0 to 1`);
  const num = (key: string, max: number): number | undefined => {
    const v = f[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) throw new FaultError(`${at}.${key} ${JSON.stringify(v)} must be an integer from 0 to ${max}`);
    return v;
  };
  const latencyMs = num('latencyMs', 120_000);
  const latencyJitterMs = num('latencyJitterMs', 120_000);
  const http = num('http', 599);
  if (http !== undefined && (http < 400 || http > 599)) throw new FaultError(`${at}.http ${http} must be an HTTP error status from 400 to 599`);
  const retcode = f['retcode'];
  if (retcode !== undefined) {
    if (typeof retcode !== 'string' || retcode === '0') throw new FaultError(`${at}.retcode ${JSON.stringify(retcode)} must be an error retcode such as "900-001"`);
    const ops = operation === '*' ? OPERATION_IDS : [operation as OperationId];
    const unlisted = ops.filter((op) => !isListedFor(op, retcode));
    if (unlisted.length > 0) throw new FaultError(`${at}.retcode ${retcode} is not listed for ${unlisted.join(', ')} in the contract; pick a retcode the operation may answer`);
  }
  const reset = f['reset'];
  if (reset !== undefined && typeof reset !== 'boolean') throw new FaultError(`${at}.reset must be true or false`);
  const agent = f['agent'];
  if (agent !== undefined && (typeof agent !== 'string' || !/^[0-9]+$/.test(agent))) throw new FaultError(`${at}.agent ${JSON.stringify(agent)} must be an agent ID string`);
  if (latencyMs === undefined && latencyJitterMs === undefined && retcode === undefined && http === undefined && !reset) {
    throw new FaultError(`${at} has no effect; give latencyMs, latencyJitterMs, retcode, http or reset`);
  }
  return {
    operation: operation as Fault['operation'],
    rate,
    ...(agent !== undefined ? { agent: agent as string } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(latencyJitterMs !== undefined ? { latencyJitterMs } : {}),
    ...(retcode !== undefined ? { retcode: retcode as string } : {}),
    ...(http !== undefined ? { http } : {}),
    ...(reset ? { reset: true } : {}),
  };
}

/** The combined effect of every fault matching a call (each drawn at its rate); undefined when none applies. */
export function pickFault(faults: readonly Fault[], operationId: OperationId, agentId: string, random: () => number): FaultEffect | undefined {
  let effect: FaultEffect | undefined;
  for (const f of faults) {
    if (f.operation !== '*' && f.operation !== operationId) continue;
    if (f.agent !== undefined && f.agent !== agentId) continue;
    if (f.rate < 1 && random() >= f.rate) continue;
    effect ??= { latencyMs: 0 };
    effect.latencyMs += (f.latencyMs ?? 0) + (f.latencyJitterMs ? Math.floor(random() * (f.latencyJitterMs + 1)) : 0);
    if (f.retcode !== undefined && effect.retcode === undefined && isListedFor(operationId, f.retcode)) effect.retcode = f.retcode;
    if (f.http !== undefined && effect.http === undefined) effect.http = f.http;
    if (f.reset) effect.reset = true;
  }
  return effect;
}
