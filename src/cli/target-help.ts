/**
 * The help text of what every command that talks to a gateway shares (`run`, `verify`, `load`, `calibrate`): the
 * target options (TARGET_OPTIONS in src/config/settings.ts) and exit code 3. One text, so the commands cannot drift
 * apart; the defaults are read from where they are decided.
 */
import { PROFILE_NAMES } from '../domain/profiles.ts';
import { DEFAULT_LIVE_MAX_RPS } from '../shared/live-target.ts';

/**
 * The option lines of the target, aligned as the commands' own. `profile` says what the profile is for in this
 * command (default: the retcodes a gateway should give where the documents leave it open).
 */
export function targetOptionsHelp(profile = 'the retcode the gateway should give in undocumented cases'): string {
  return `  --gateway URL        a gateway (e.g. https://host:8043) instead of the embedded mock
  --fixtures FILE      the test accounts (src/fixtures/fixtures.schema.json; passwords from env or a secrets
                       file): required with --gateway, except for a ccgw mock on this machine, whose accounts
                       are read from its admin API (GET /__admin/fixtures)
  --live               allow traffic to a gateway that is not on this machine
  --max-rps N          request-rate cap (default ${DEFAULT_LIVE_MAX_RPS} against a live gateway)
  --ca FILE            CA of the gateway's certificate   --insecure  accept any certificate
  --profile NAME       ${PROFILE_NAMES.join(' | ')} (${profile})
  --config FILE        settings file (default ./ccgw.config.json when present)
  --out DIR            where run directories go (default runs/)`;
}

/** The sentence on exit code 3, ending the exit-code paragraph. */
export const UNREACHABLE_EXIT_HELP = `3 when the gateway cannot be reached (refused, name not resolved, TLS refused, no answer within CCGW_PROBE_TIMEOUT,
default 15s; checked before the first phase and after a failed one): one line with the cause and the fix.`;
