/**
 * What a server that cannot listen tells its user: the address, what is wrong with it and the fix, instead of
 * Node's `listen EADDRINUSE` and a stack trace.
 */

/** Where the server tried to listen, and the flags that chose it (for the fix). */
export interface ListenAttempt {
  readonly host: string;
  readonly port: number;
  readonly portFlag: string;
  readonly hostFlag?: string;
}

/** One sentence for a listen error Node reports by code; undefined for an error that is not about the address. */
export function listenProblem(e: unknown, at: ListenAttempt): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const address = `${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.port}`;
  const hostFlag = at.hostFlag ?? '--host';
  switch (code) {
    case 'EADDRINUSE':
      return `${at.portFlag} ${at.port}: ${address} is already in use (another ccgw mock?); stop what listens there, or pass another ${at.portFlag} N (${at.portFlag} 0 takes any free port)`;
    case 'EACCES':
      return `${at.portFlag} ${at.port}: this user may not listen on ${address} (ports below 1024 need privileges); pass a port from 1024 to 65535, or ${at.portFlag} 0 for any free port`;
    case 'EADDRNOTAVAIL':
      return `${hostFlag} ${at.host} is not an address of this machine; use 127.0.0.1 (or 0.0.0.0 for every interface)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${hostFlag} ${at.host} does not resolve to an address of this machine; use an IP address such as 127.0.0.1`;
    default:
      return undefined;
  }
}
