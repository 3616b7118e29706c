/**
 * Errors of `ccgw bundle`. Each message names the bad input and how to fix it; the command prints the message
 * and exits 1.
 */

/** The bundle cannot be made from these inputs. The message says which input and what to do. */
export class BundleError extends Error {
  override readonly name: string = 'BundleError';
}

/** The bundle cannot be written where the user asked (`--out`, `--archive`): the command calls this a usage error. */
export class BundleTargetError extends BundleError {
  override readonly name = 'BundleTargetError';
}

/** No pact file was found and `--allow-missing-pact` was not given. */
export class MissingPactError extends BundleError {
  override readonly name = 'MissingPactError';
  constructor(readonly pactDir: string) {
    super(
      `no pact file in ${pactDir}: run npm run pact:update to write contracts/pacts/*.json (the Pact consumer tests write it), ` +
        'or pass --allow-missing-pact to make a bundle whose README says the pact is missing',
    );
  }
}

/** Where a password-like value sits: the file and a JSON path into it. The value itself is never kept. */
export interface PasswordLocation {
  readonly file: string;
  readonly path: string;
}

/**
 * A file meant for the vendor holds a password-like value. The message names the file and the JSON path, never the value.
 */
export class PasswordInBundleError extends BundleError {
  override readonly name = 'PasswordInBundleError';
  constructor(readonly locations: readonly PasswordLocation[]) {
    super(
      `refusing to bundle: ${locations.map((l) => `${l.file} has a password-like value at ${l.path}`).join('; ')} ` +
        '(the value is not shown). The bundle goes to the vendor and must carry no password: write a placeholder such as ' +
        '"********" in the consumer test (e.g. like("********")), then run npm run pact:update ...rewrite the pact.',
    );
  }
}
