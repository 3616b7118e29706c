/**
 * Option parsing of the commands: every bad flag or value is named, with the fix, as a {@link UsageError} (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

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

/** The longest duration a flag takes: a day, well below the ~24.8 days a Node timer can wait (beyond, it fires at once). */
const MAX_DURATION_OPTION_MS = 24 * 3_600_000;

/** A duration such as `500ms`, `10s`, `2m` (or plain milliseconds) from a flag, in milliseconds, up to a day. */
export function durationOption(command: string, flag: string, raw: string | undefined, fallbackMs: number): number {
  if (raw === undefined) return fallbackMs;
  const m = /^([0-9]+)(ms|s|m|h)?$/.exec(raw);
  if (!m) throw new UsageError(command, `${flag} ${JSON.stringify(raw)} is not a duration; use e.g. 500ms, 10s, 2m`);
  const ms = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'ms') as 'ms'];
  if (ms > MAX_DURATION_OPTION_MS) throw new UsageError(command, `${flag} ${JSON.stringify(raw)} is longer than ${MAX_DURATION_OPTION_MS / 3_600_000} h; use e.g. 500ms, 10s, 2m`);
  return ms;
}

/** One of a fixed set of words from a flag. */
export function choiceOption<T extends string>(command: string, flag: string, raw: string | undefined, choices: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(command, `${flag} ${JSON.stringify(raw)} is not one of ${choices.join(', ')}`);
  return raw as T;
}
