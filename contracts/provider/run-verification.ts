/**
 * One provider verification of a pact file against one gateway, with pact-js's Verifier, returning one
 * {@link Case} per interaction (src/report/run-summary.ts).
 *
 * - Provider states: each state of the pact is set up and torn down with a {@link StateDriver}; the values the
 *   setup answers are injected into the request by the verifier (`fromProviderState`, Pact V3+).
 * - pact-js logs a failing state handler and carries on; this runner records the error, answers values that match
 *   no gateway resource, and refuses to forward that interaction's request at all, then reports the interaction as
 *   failed with the setup error first.
 * - The verifier talks to a loopback forwarding proxy, which forwards to the gateway (with TLS options) and records
 *   what the gateway answered (`observed` of each case).
 */
import { Verifier } from '@pact-foundation/pact';
import { scrubLiterals } from '../../src/redact/secrets.ts';
import type { TlsOptions } from '../../src/client/index.ts';
import type { Case, Failure } from '../../src/report/run-summary.ts';
import { readPact, type PactInteraction } from '../pact-file.ts';
import { PROVIDER } from '../pact-names.ts';
import { STATES_BY_NAME, type StateParams } from '../provider-states.ts';
import { startForwardingProxy, type ForwardedExchange } from './forwarding-proxy.ts';
import { poisonValues, setUpState, type StateDriver, type StateSession } from './state-engine.ts';
import { outcomeOf, parseVerifierResults } from './verifier-results.ts';

/** Settings of {@link runPactVerification}. */
export interface PactVerificationOptions {
  /** The pact file to verify. */
  readonly pactFile: string;
  /** Where the verifier's requests go (the gateway, or a proxy in front of it). */
  readonly gatewayUrl: string;
  readonly tls?: TlsOptions;
  /** Produces the provider states. */
  readonly driver: StateDriver;
  /** Literal secrets (passwords) to scrub from every message. */
  readonly secrets?: readonly string[];
  /** pact-js and Pact core log level. Default `error`; `debug`/`trace` are refused (they log request bodies with passwords). */
  readonly logLevel?: 'error' | 'warn' | 'info';
  /** Told as each interaction finishes (its state torn down), for progress lines; the verdicts come at the end. */
  readonly onInteraction?: (done: InteractionDone) => void;
}

/**
 * One interaction the verifier has finished: its place, its provider state and what the gateway answered. Whether
 * it matched the pact is known only when the verifier ends.
 */
export interface InteractionDone {
  /** 1-based, in the order the verifier ran them. */
  readonly index: number;
  readonly total: number;
  readonly state: string;
  /** The last request sent for it and the gateway's status, or why none was sent. */
  readonly answered: string;
}

/** What happened around one interaction, in the order the verifier ran them. */
interface Slot {
  readonly state: string;
  setupError?: string;
  teardownError?: string;
  readonly exchanges: ForwardedExchange[];
}

const PROXY_ENV = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'];

/**
 * Verifies the pact and returns one case per interaction, in the pact's order (by description).
 *
 * @throws Error when the verifier cannot run at all (bad pact file, Pact core failure), with its message.
 */
export async function runPactVerification(options: PactVerificationOptions): Promise<Case[]> {
  const logLevel = options.logLevel ?? 'error';
  if (!['error', 'warn', 'info'].includes(logLevel)) {
    throw new TypeError(`logLevel ${JSON.stringify(logLevel)} is not allowed: debug and trace log request bodies, passwords included; use error, warn or info`);
  }
  const secrets = options.secrets ?? [];
  const scrub = (text: string) => scrubLiterals(text, secrets);
  const interactions = readPact(options.pactFile, 'run npm run pact:update').interactions ?? [];

  const slots: Slot[] = [];
  let current: { slot: Slot; session: StateSession | undefined } | undefined;
  const proxy = await startForwardingProxy({
    upstream: options.gatewayUrl,
    ...(options.tls ? { tls: options.tls } : {}),
    onExchange: (e) => current?.slot.exchanges.push(e),
    refuse: () => (current?.slot.setupError === undefined ? undefined : `not sent: the provider state could not be set up (${current.slot.setupError})`),
  });

  const stateHandlers: Record<string, { setup: (params?: unknown) => Promise<Record<string, string>>; teardown: (params?: unknown) => Promise<undefined> }> = {};
  for (const name of new Set(interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)))) {
    stateHandlers[name] = {
      async setup(params) {
        const slot: Slot = { state: name, exchanges: [] };
        slots.push(slot);
        current = { slot, session: undefined };
        const spec = STATES_BY_NAME.get(name);
        try {
          if (!spec) throw new Error(`the pact names the provider state "${name}", which contracts/provider-states.ts does not define; verify with the matching version of ccgw-harness`);
          current.session = options.driver.begin((params ?? {}) as StateParams);
          return await setUpState(spec, (params ?? {}) as StateParams, current.session);
        } catch (e) {
          slot.setupError = scrub(messageOf(e));
          return poisonValues();
        }
      },
      async teardown() {
        const here = current;
        try {
          await here?.session?.tearDown();
        } catch (e) {
          if (here) here.slot.teardownError = scrub(messageOf(e));
        }
        if (here) options.onInteraction?.({ index: slots.indexOf(here.slot) + 1, total: interactions.length, state: name, answered: answeredOf(here.slot) });
        return undefined;
      },
    };
  }

  // Pact core sends anonymous usage events unless told not to; an explicit setting of the user's is kept.
  process.env['PACT_DO_NOT_TRACK'] ??= 'true';
  const savedEnv = PROXY_ENV.map((k) => [k, process.env[k]] as const);
  // pact-js's own proxy sends every request through HTTP(S)_PROXY when set, ignoring NO_PROXY; its target here is
  // our loopback proxy, which must be reached directly.
  for (const k of PROXY_ENV) delete process.env[k];
  let text: string;
  try {
    // pact-js types stateHandlers as the intersection of its HTTP and message handler types; HTTP ones are given here.
    const handlers = stateHandlers as unknown as NonNullable<ConstructorParameters<typeof Verifier>[0]['stateHandlers']>;
    const verifier = new Verifier({ provider: PROVIDER, providerBaseUrl: proxy.url, pactUrls: [options.pactFile], stateHandlers: handlers, logLevel });
    text = String(await verifier.verifyProvider());
  } catch (e) {
    text = messageOf(e);
  } finally {
    for (const [k, v] of savedEnv) if (v !== undefined) process.env[k] = v;
    await proxy.close();
  }
  const results = parseVerifierResults(text);
  if (!results) throw new Error(`the Pact verifier could not verify ${options.pactFile}: ${scrub(text)}`);

  // The verifier runs interactions in the pact's order, one state setup each: slot i belongs to the i-th one run.
  const ranInOrder = results.interactionResults?.map((r) => r.description) ?? [];
  const slotOf = new Map<string, Slot>();
  ranInOrder.forEach((description, i) => {
    const slot = slots[i];
    if (description === undefined) return;
    const interaction = interactions.find((x) => x.description === description);
    if (slot && interaction?.providerStates?.[0]?.name === slot.state) slotOf.set(description, slot);
  });

  return interactions.map((interaction) => toCase(interaction, results, slotOf.get(interaction.description), scrub));
}

function answeredOf(slot: Slot): string {
  const last = slot.exchanges.at(-1);
  if (slot.setupError !== undefined) return 'not sent: its provider state could not be set up';
  if (!last) return 'no request reached the gateway';
  const retcode = /"retcode"\s*:\s*"([^"]*)"/.exec(last.body)?.[1];
  return `${last.method} ${last.path} → ${last.status}${retcode === undefined ? '' : ` retcode ${retcode}`}`;
}

function toCase(interaction: PactInteraction, results: NonNullable<ReturnType<typeof parseVerifierResults>>, slot: Slot | undefined, scrub: (t: string) => string): Case {
  const outcome = outcomeOf(results, interaction.description);
  const state = interaction.providerStates?.[0]?.name;
  const expected = expectedOf(interaction);
  const observed = slot ? observedOf(slot) : undefined;
  const base = {
    id: `pact.${caseIdOf(interaction)}`,
    title: `${interaction.description}${state ? ` (given ${state})` : ''}`,
    kind: 'interaction' as const,
    durationMs: outcome.durationMs,
    ...(observed ? { observed } : {}),
  };
  const problems = [
    ...(slot?.setupError ? [`provider state "${slot.state}" could not be set up: ${slot.setupError}`] : []),
    ...(slot?.setupError ? [] : outcome.lines),
    ...(slot?.teardownError ? [`provider state "${slot.state}" could not be torn down: ${slot.teardownError}`] : []),
    ...(!outcome.ran ? ['the verifier did not run this interaction'] : []),
  ];
  if (outcome.passed && problems.length === 0) return { ...base, outcome: 'passed' };
  const last = slot?.exchanges.at(-1);
  const failure: Failure = {
    message: scrub([`${interaction.description}: the gateway's answer does not match the pact`, ...problems.map((p) => `  ${p}`)].join('\n')),
    expected,
    request: { method: interaction.request?.method ?? '', url: last?.path ?? interaction.request?.path ?? '' },
    ...(last ? { response: { status: last.status, body: scrub(last.body) } } : {}),
  };
  return { ...base, outcome: 'failed', failure };
}

/** The stable case id of an interaction: its `comments.caseId`, or its description made into a slug. */
export function caseIdOf(interaction: PactInteraction): string {
  const id = interaction.comments?.caseId;
  if (typeof id === 'string' && id !== '') return id;
  return interaction.description.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function expectedOf(interaction: PactInteraction): Record<string, unknown> {
  const body = interaction.response?.body?.content as { retcode?: unknown; event?: { eventType?: unknown } } | undefined;
  return {
    status: interaction.response?.status,
    ...(body?.retcode !== undefined ? { retcode: body.retcode } : {}),
    ...(body?.event?.eventType !== undefined ? { eventType: body.event.eventType } : {}),
  };
}

function observedOf(slot: Slot): Case['observed'] {
  const last = slot.exchanges.at(-1);
  if (!last) return undefined;
  let body: { retcode?: unknown; event?: { eventType?: unknown } | null } | undefined;
  try {
    body = JSON.parse(last.body) as typeof body;
  } catch {
    body = undefined;
  }
  return {
    httpStatus: last.status,
    ...(body?.retcode !== undefined ? { retcode: String(body.retcode) } : {}),
    ...(body?.event && typeof body.event.eventType === 'string' ? { eventType: body.event.eventType } : {}),
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
