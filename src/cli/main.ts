/**
 * `ccgw`: the harness's command line. `ccgw --help` lists the commands; each has `--help` with an example.
 * Exit codes: 0 success, 1 the gateway broke the contract (or a run failed), 2 a usage error (a bad flag or value,
 * or a file, directory or port that cannot be used), 3 the gateway could not be reached (refused, name not
 * resolved, TLS refused, no answer in time: one message with the cause and fix).
 */
import { HARNESS_VERSION as VERSION } from '../paths.ts';
import type { CommandEntry } from './command.ts';
import { processIo, type CommandIo } from '../io/command-io.ts';
import { ContractFailure, GatewayUnreachable, UsageError } from '../io/errors.ts';
import { COMMANDS } from './commands/index.ts';
import { pathErrorText } from '../run/writable-paths.ts';


function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `ccgw ${VERSION}: contract tests and load for the Huawei CC-Gateway addinsert interface`,
    '',
    'Usage: ccgw <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `ccgw <command> --help` for the options of a command.',
    '',
    'Exit codes: 0 passed, 1 the gateway broke the contract (or a check failed), 2 a usage error (a bad flag or',
    'value, or a file, directory or port that cannot be used), 3 the gateway could not be reached (refused, name',
    'not resolved, TLS refused, no answer in time). Each failure prints one message naming the value and the fix.',
  ].join('\n');
}

/** Runs `ccgw` with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return 0;
  }
  const entry: CommandEntry | undefined = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`ccgw: unknown command ${JSON.stringify(name)}; use one of ${COMMANDS.map((c) => c.name).join(', ')} (see ccgw --help)`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`ccgw ${e.command}: ${e.message}`);
      io.err(`Run \`ccgw ${e.command} --help\` for usage.`);
      return 2;
    }
    if (e instanceof ContractFailure) {
      io.err(`ccgw ${name}: ${e.message}`);
      return 1;
    }
    if (e instanceof GatewayUnreachable) {
      io.err(`ccgw ${name}: ${e.message}`);
      return 3;
    }
    const system = e as NodeJS.ErrnoException;
    if (typeof system?.code === 'string' && typeof system.syscall === 'string') {
      // A file or the network refused something the command needed: say what, without Node's stack.
      io.err(`ccgw ${name}: ${system.syscall}${system.path ? ` ${system.path}` : ''} failed (${pathErrorText(e)}); check the path or address and its permissions`);
      return system.path ? 2 : 1;
    }
    io.err(`ccgw ${name}: internal error (please report it with what follows): ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
