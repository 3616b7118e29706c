/**
 * Globals of the k6 runtime that `@types/k6` does not declare. k6 provides `console` (its output goes to k6's log
 * with `source=console`); the harness uses log, info, warn and error.
 */
declare global {
  interface K6Console {
    log(...data: unknown[]): void;
    info(...data: unknown[]): void;
    warn(...data: unknown[]): void;
    error(...data: unknown[]): void;
    debug(...data: unknown[]): void;
  }
  var console: K6Console;
}
export {};
