/**
 * Progress of a long run on stderr-like output: which phase, how far, what failed so far. `--quiet` prints only
 * failures and the result; `--json` prints nothing but the final summary JSON on stdout.
 */
import type { CommandIo } from '../io/command-io.ts';

export interface Progress {
  /** A phase starts. */
  phase(name: string, detail: string): void;
  /** Something happened inside a phase (a finished case, a k6 status line). */
  step(line: string): void;
  /** A failure, always shown unless --json. */
  failure(line: string): void;
  /** The final lines. */
  result(line: string): void;
}

export function createProgress(io: CommandIo, mode: { readonly quiet: boolean; readonly json: boolean }): Progress {
  const started = Date.now();
  const clock = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
  return {
    phase: (name, detail) => {
      if (!mode.quiet && !mode.json) io.err(`${clock()}  ▶ ${name}: ${detail}`);
    },
    step: (line) => {
      if (!mode.quiet && !mode.json) io.err(`${clock()}    ${line}`);
    },
    failure: (line) => {
      if (!mode.json) io.err(`${clock()}  ✗ ${line}`);
    },
    result: (line) => {
      if (!mode.json) io.out(line);
    },
  };
}
