/** `ccgw mock`: runs the mock CC-Gateway until SIGINT/SIGTERM. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readConfigFile } from '../../config/settings.ts';
import { isLoopbackUrl } from '../../shared/live-target.ts';
import { overridesOf, PROFILE_NAMES, ProfileError, resolveProfile, withOverrides } from '../../domain/profiles.ts';
import { GATEWAY_TIMING } from '../../domain/timing.ts';
import { demoFixtures, FixturesError, loadFixturesFile } from '../../fixtures/load-fixtures.ts';
import { DEFAULT_CONNECTION_TIMEOUTS, timeoutsProblem } from '../../gateway/connection-limits.ts';
import { startMockGateway } from '../../gateway/mock-gateway.ts';
import { readTlsFiles, type TlsMaterial } from '../../gateway/tls.ts';
import { checkWritableFile } from '../../run/writable-paths.ts';
import { listenProblem } from '../listen-problem.ts';
import type { Command } from '../command.ts';
import type { CommandIo } from '../../io/command-io.ts';
import { UsageError } from '../../io/errors.ts';
import { choiceOption, durationOption, integerOption, parseOptions, portOption } from '../../io/options.ts';

const USAGE = `Usage: ccgw mock [options]

Runs the mock CC-Gateway: the calls of openapi/ccgw-agentgateway.yaml under /agentgateway/resource/, decided by
src/domain, and the admin API under /__admin/ (see docs/mock-gateway.md). Stops on Ctrl-C or SIGTERM.

Options:
  --host ADDR            Address to listen on (default 127.0.0.1). Beyond loopback (e.g. 0.0.0.0) anyone on the
                         network can sign the demo accounts in and barge: a warning is printed
  --port N               Port (default 8000, or 8043 with --tls; 0 = any free port)
  --tls                  Serve HTTPS; with no --cert/--key a self-signed certificate is generated at start
  --cert FILE --key FILE PEM certificate and key for --tls
  --cert-out FILE        Write the certificate in use (PEM) to FILE, for clients to trust (--ca FILE)
  --fixtures FILE        Accounts (JSON, src/fixtures/fixtures.schema.json); default: the built-in demo accounts
  --profile NAME         Gateway rules: ${PROFILE_NAMES.join(', ')} (default ccgw-2024)
  --config FILE          Take gateway.profile and profileOverrides from a ccgw.config.json: a mock that answers
                         the undocumented cases as a given gateway does (see ccgw calibrate)
  --auth MODE            static | dynamic Guid (default dynamic, the gateway's default AUTHMODE 2)
  --poll-wait DURATION   Long-poll wait with no event (default 10s)
  --sign-out-after DUR   Sign out agents that do not poll for this long (default 120s)
  --guid-interval DUR    Dynamic auth: rotate the Guid this often (default 60s)
  --guid-timeout DUR     Dynamic auth: a Guid is valid this long (default 120s)
  --queue-capacity N     Events kept per agent (default 1000)
  --headers-timeout DUR  Time a client has to send a request's headers (default ${DEFAULT_CONNECTION_TIMEOUTS.headersMs / 1000}s); then 408
  --request-timeout DUR  Time a client has to send a whole request, body included (default
                         ${DEFAULT_CONNECTION_TIMEOUTS.requestMs / 1000}s, at least --headers-timeout); then 408 and the connection is closed
  --keep-alive-timeout DUR
                         Idle time after which a keep-alive connection is closed (default ${DEFAULT_CONNECTION_TIMEOUTS.keepAliveMs / 1000}s)
  --admin-token TOKEN    Require X-Admin-Token on admin calls (or CCGW_ADMIN_TOKEN). The admin API answers
                         loopback clients only, and refuses web-page origins and non-JSON state changes
  --quiet                Do not log a line per call

Example:
  ccgw mock --port 8000
  curl -s -X PUT http://127.0.0.1:8000/agentgateway/resource/onlineagent/30101 \\
       -H 'Content-Type: application/json' -d '{"password":"demo","phonenum":"88830101"}' -D -`;

export const mockCommand: Command = {
  name: 'mock',
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values } = parseOptions('mock', argv, {
      host: { type: 'string' },
      port: { type: 'string' },
      tls: { type: 'boolean' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'cert-out': { type: 'string' },
      fixtures: { type: 'string' },
      profile: { type: 'string' },
      config: { type: 'string' },
      auth: { type: 'string' },
      'poll-wait': { type: 'string' },
      'sign-out-after': { type: 'string' },
      'guid-interval': { type: 'string' },
      'guid-timeout': { type: 'string' },
      'queue-capacity': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'request-timeout': { type: 'string' },
      'keep-alive-timeout': { type: 'string' },
      'admin-token': { type: 'string' },
      quiet: { type: 'boolean' },
    });
    const config = values.config === undefined ? undefined : await readConfigFile('mock', resolve(io.cwd, values.config), true);
    const profileName = values.profile ?? io.env['CCGW_PROFILE'] ?? config?.gateway?.profile ?? 'ccgw-2024';
    if (!(PROFILE_NAMES as readonly string[]).includes(profileName)) throw new UsageError('mock', `--profile ${JSON.stringify(profileName)} is not a profile; use one of ${PROFILE_NAMES.join(', ')}`);
    let profile = resolveProfile(profileName);
    try {
      profile = withOverrides(profile, config?.profileOverrides ?? {});
    } catch (e) {
      if (e instanceof ProfileError) throw new UsageError('mock', `${values.config}: ${e.message}`);
      throw e;
    }
    if ((values.cert === undefined) !== (values.key === undefined)) throw new UsageError('mock', '--cert and --key go together; give both PEM files, or neither for a self-signed certificate');
    if (values.cert !== undefined && !values.tls) throw new UsageError('mock', '--cert/--key need --tls');
    const guidIntervalMs = durationOption('mock', '--guid-interval', values['guid-interval'], GATEWAY_TIMING.guidIntervalMs.value);
    const guidTimeoutMs = durationOption('mock', '--guid-timeout', values['guid-timeout'], GATEWAY_TIMING.guidTimeoutMs.value);
    if (guidIntervalMs >= guidTimeoutMs) throw new UsageError('mock', `--guid-interval (${guidIntervalMs} ms) must be shorter than --guid-timeout (${guidTimeoutMs} ms)`);
    const timeouts = {
      headersMs: durationOption('mock', '--headers-timeout', values['headers-timeout'], DEFAULT_CONNECTION_TIMEOUTS.headersMs),
      requestMs: durationOption('mock', '--request-timeout', values['request-timeout'], DEFAULT_CONNECTION_TIMEOUTS.requestMs),
      keepAliveMs: durationOption('mock', '--keep-alive-timeout', values['keep-alive-timeout'], DEFAULT_CONNECTION_TIMEOUTS.keepAliveMs),
    };
    const timeoutsWrong = timeoutsProblem(timeouts, { headersMs: '--headers-timeout', requestMs: '--request-timeout', keepAliveMs: '--keep-alive-timeout' });
    if (timeoutsWrong) throw new UsageError('mock', timeoutsWrong);
    let fixtures;
    try {
      fixtures = values.fixtures ? await loadFixturesFile(values.fixtures, { env: io.env, profile }) : demoFixtures(profile);
    } catch (e) {
      if (e instanceof FixturesError) throw new UsageError('mock', e.message);
      throw e;
    }
    let tls: TlsMaterial | 'self-signed' | undefined;
    try {
      tls = values.tls ? (values.cert ? await readTlsFiles(values.cert, values.key!) : 'self-signed') : undefined;
    } catch (e) {
      throw new UsageError('mock', (e as Error).message);
    }
    // An IPv6 address may come as in a URL ([::1]); an empty one would listen on every interface unasked.
    const host = (values.host ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
    if (host.trim() === '') throw new UsageError('mock', `--host ${JSON.stringify(values.host)} is empty; give an address such as 127.0.0.1 (or 0.0.0.0 for every interface)`);
    const port = portOption('mock', '--port', values.port, values.tls ? 8043 : 8000);
    const certOut = values['cert-out'] === undefined ? undefined : resolve(io.cwd, values['cert-out']);
    if (certOut !== undefined) await checkWritableFile('mock', '--cert-out', certOut);
    const gw = await startMockGateway({
      host,
      port,
      ...(tls ? { tls } : {}),
      fixtures,
      profile,
      auth: choiceOption('mock', '--auth', values.auth, ['static', 'dynamic'] as const, 'dynamic'),
      pollWaitMs: durationOption('mock', '--poll-wait', values['poll-wait'], GATEWAY_TIMING.pollWaitMs.value),
      signOutAfterMs: durationOption('mock', '--sign-out-after', values['sign-out-after'], GATEWAY_TIMING.signOutAfterNoPollMs.value),
      guidIntervalMs,
      guidTimeoutMs,
      queueCapacity: integerOption('mock', '--queue-capacity', values['queue-capacity'], 1000, { min: 1, max: 1_000_000 }),
      timeouts,
      ...((values['admin-token'] ?? io.env['CCGW_ADMIN_TOKEN']) ? { adminToken: (values['admin-token'] ?? io.env['CCGW_ADMIN_TOKEN'])! } : {}),
      ...(values.quiet ? {} : { log: (line: string) => io.out(line) }),
    }).catch((e: unknown) => {
      const problem = listenProblem(e, { host, port, portFlag: '--port' });
      if (problem) throw new UsageError('mock', problem);
      if (/^ERR_OSSL/.test((e as NodeJS.ErrnoException).code ?? '')) throw new UsageError('mock', `--cert ${values.cert} and --key ${values.key} cannot serve TLS (${(e as Error).message}); pass a certificate and its own private key, both PEM`);
      throw e;
    });
    if (certOut !== undefined && gw.certificate) {
      try {
        await writeFile(certOut, gw.certificate);
      } catch (e) {
        await gw.close();
        throw new UsageError('mock', `--cert-out ${certOut} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); choose a writable file path`);
      }
    }
    const changed = Object.entries(overridesOf(profile).answers ?? {}).map(([k, v]) => `${k}=${v}`);
    io.out(
      `mock gateway listening on ${gw.url} (profile ${profile.name}${changed.length ? ` with ${changed.join(', ')}` : ''}, ${values.auth ?? 'dynamic'} auth, ${fixtures.accounts.length} accounts from ${fixtures.source})`,
    );
    if (!isLoopbackUrl(gw.url)) {
      io.err(
        `ccgw mock: warning: listening on ${gw.url}, beyond loopback: anyone who can reach it can sign ${values.fixtures ? `the accounts of ${values.fixtures}` : 'the demo accounts (their passwords are public)'} in and barge into their calls. The admin API still answers loopback clients only. Use --host 127.0.0.1 unless other machines must reach the mock.`,
      );
    }
    if (gw.certificate) io.out(values['cert-out'] ? `certificate written to ${values['cert-out']}` : 'serving a self-signed certificate; use --cert-out FILE to save it for clients');
    const why = await io.stopRequested;
    io.out(`${why}: shutting down`);
    await gw.close();
    io.out('mock gateway stopped');
    return 0;
  },
};
