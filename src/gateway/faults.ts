/**
 * Injected faults: per operation (or all), optionally per agent, at a rate: latency (without blocking other
 * requests), a retcode (applied after the state checks), an HTTP status, or a connection reset.
 */
import { isListedFor, OPERATION_IDS, type OperationId } from '../domain/retcodes.ts';
import { validateFaultsBody } from '../generated/admin-validators.js';
import { AdminBodyError, checkedBody, type FaultSetting, type FaultsBody } from './admin-bodies.ts';

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

/**
 * Validates `{ faults: [...] }`: its shape and bounds by `admin-schemas/faults.schema.json`, then what the schema
 * cannot say (the operation exists, the retcode is one it lists, the fault has an effect). @throws FaultError
 */
export function parseFaults(body: unknown): Fault[] {
  let checked: FaultsBody;
  try {
    checked = checkedBody(validateFaultsBody, body, 'PUT /__admin/faults');
  } catch (e) {
    if (e instanceof AdminBodyError) throw new FaultError(e.message);
    throw e;
  }
  return checked.faults.map((f, i) => meaningOf(f, `faults[${i}]`));
}

function meaningOf(f: FaultSetting, at: string): Fault {
  const { operation, retcode } = f;
  if (operation !== '*' && !OPERATION_IDS.includes(operation as OperationId)) {
    throw new FaultError(`${at}.operation ${JSON.stringify(operation)} is not an operation; use "*" or one of ${OPERATION_IDS.join(', ')}`);
  }
  if (retcode !== undefined) {
    const ops = operation === '*' ? OPERATION_IDS : [operation as OperationId];
    const unlisted = ops.filter((op) => !isListedFor(op, retcode));
    if (unlisted.length > 0) throw new FaultError(`${at}.retcode ${retcode} is not listed for ${unlisted.join(', ')} in the contract; pick a retcode the operation may answer`);
  }
  if (f.latencyMs === undefined && f.latencyJitterMs === undefined && retcode === undefined && f.http === undefined && !f.reset) {
    throw new FaultError(`${at} has no effect; give latencyMs, latencyJitterMs, retcode, http or reset`);
  }
  return {
    operation: operation as Fault['operation'],
    rate: f.rate ?? 1,
    ...(f.agent !== undefined ? { agent: f.agent } : {}),
    ...(f.latencyMs !== undefined ? { latencyMs: f.latencyMs } : {}),
    ...(f.latencyJitterMs !== undefined ? { latencyJitterMs: f.latencyJitterMs } : {}),
    ...(retcode !== undefined ? { retcode } : {}),
    ...(f.http !== undefined ? { http: f.http } : {}),
    ...(f.reset ? { reset: true } : {}),
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
