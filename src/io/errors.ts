/**
 * The errors a command ends with, each with its exit code: a usage error 2, a contract failure 1, an unreachable
 * gateway 3 (`src/cli/main.ts` maps them). They live below the CLI so that the settings and the run can throw them.
 */

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
