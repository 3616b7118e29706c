/**
 * The CLI's error types (a usage error exits 2, a contract failure 1, an unreachable gateway 3) and option
 * parsing: every bad flag or value is named, with the fix, and exits 2.
 *
 * @example
 * ```ts
 * const { values } = parseOptions('mock', argv, { port: { type: 'string' } });
 * const port = portOption('mock', '--port', values.port, 8000);
 * ```
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was called. `main` prints it with the command's usage line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

/** A run that completed but found the gateway breaking the contract. `main` exits 1. */
export class ContractFailure extends Error {
  override readonly name = 'ContractFailure';
}

/**
 * The gateway did not answer at all (connection refused, a name that does not resolve, TLS refused, no answer in
 * time): no verdict on the contract. The message names the URL, the cause and the fix. `main` exits 3.
 */
export class GatewayUnreachable extends Error {
  override readonly name = 'GatewayUnreachable';
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with strict checking; its errors become UsageErrors that name the bad flag. */
export function parseOptions<O extends Options>(command: string, argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (e) {
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(command, message);
  }
}

/** A TCP port from a flag: an integer 0–65535 (0 = any free port). */
export function portOption(command: string, flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^[0-9]{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(command, `${flag} ${JSON.stringify(raw)} is not a port; use an integer from 0 to 65535`);
  return Number(raw);
}

/** A positive integer (or 0 when allowed) from a flag. */
export function integerOption(command: string, flag: string, raw: string | undefined, fallback: number, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number {
  if (raw === undefined) return fallback;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(command, `${flag} ${JSON.stringify(raw)} is not valid; use an integer from ${min} to ${max}`);
  }
  return Number(raw);
}

/** A duration such as `500ms`, `10s`, `2m` (or plain milliseconds) from a flag, in milliseconds. */
export function durationOption(command: string, flag: string, raw: string | undefined, fallbackMs: number): number {
  if (raw === undefined) return fallbackMs;
  const m = /^([0-9]+)(ms|s|m|h)?$/.exec(raw);
  if (!m) throw new UsageError(command, `${flag} ${JSON.stringify(raw)} is not a duration; use e.g. 500ms, 10s, 2m`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'ms') as 'ms'];
  return Number(m[1]) * unit;
}

/** One of a fixed set of words from a flag. */
export function choiceOption<T extends string>(command: string, flag: string, raw: string | undefined, choices: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(command, `${flag} ${JSON.stringify(raw)} is not one of ${choices.join(', ')}`);
  return raw as T;
}
