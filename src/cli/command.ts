/**
 * The shape of a `ccgw` command.
 *
 * @example
 * ```ts
 * export const mockCommand: Command = { name: 'mock', summary: 'Start the mock gateway', usage: '...', run: async (argv, io) => 0 };
 * ```
 */
import type { CommandIo } from './io.ts';

export interface Command {
  readonly name: string;
  /** One line for `ccgw --help`. */
  readonly summary: string;
  /** The full `--help` text, with at least one example. */
  readonly usage: string;
  /** Runs the command; resolves to the exit code (0 ok, 1 contract failure, 2 usage error). */
  run(argv: string[], io: CommandIo): Promise<number>;
}
