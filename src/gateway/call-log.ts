/**
 * One log line per call, with the documented log method name (`addInsert`, `login`, ...). Bodies are never
 * logged, so passwords cannot leak.
 */
export interface CallLine {
  readonly at: number;
  readonly logName: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly retcode?: string | undefined;
  readonly rule?: string | undefined;
  readonly ms: number;
}

export type CallLogger = (line: string) => void;

export function formatCallLine(l: CallLine): string {
  const retcode = l.retcode !== undefined && l.retcode !== '' ? ` retcode=${l.retcode}` : '';
  return `${new Date(l.at).toISOString()} ${l.logName} ${l.method} ${l.path} ${l.status}${retcode}${l.rule ? ` ${l.rule}` : ''} ${l.ms.toFixed(1)}ms`;
}
