/**
 * The shape of a `ccgw` command, and of its entry in the command list (which loads the command only when it is
 * invoked, so that `ccgw mock` does not load what `ccgw verify` needs).
 */
import type { CommandIo } from '../io/command-io.ts';

export interface Command {
  readonly name: string;
  /** The full `--help` text, with at least one example. */
  readonly usage: string;
  /** Runs the command; resolves to the exit code (0 ok, 1 contract failure, 2 usage error); an unreachable gateway throws GatewayUnreachable (exit 3). */
  run(argv: string[], io: CommandIo): Promise<number>;
}

/** A command as `ccgw --help` lists it; `load` imports its implementation. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `ccgw --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}
