/**
 * The frame of every load scenario (put together by `scenario.ts`): planning the units in the init context,
 * `setup()` that fails fast when the gateway is down and prepares the mock, and `teardown()` that always cleans up —
 * cancels inserts and signs this process's accounts out through the gateway API (so it works on a live gateway too),
 * then reads the mock's audit.
 */
import exec from 'k6/execution';
import http from 'k6/http';
import type { Scenario } from 'k6/options';
import { AdminClient, type Fault } from './admin.ts';
import { askedOf, type IterationUnit } from './achieved.ts';
import { LoadConfigError, describeConfig, type LoadConfig } from './config-parse.ts';
import { signInAll } from './gateway/batches.ts';
import { GatewayClient, gatewayOptions } from './gateway/client.ts';
import type { GatewaySession } from './gateway/session.ts';
import { metrics } from './metrics.ts';
import { PartitionError, accountsOf, accountsOfUnits, executionTuple, fitUnits, ownedIndices, planPairs, planStormGroups, type Unit } from './partition.ts';
import type { UnitKind } from './profiles.ts';
import type { SummaryTarget } from './summary.ts';

/**
 * What `setup()` hands to the VUs and to `teardown()`. Holds no secrets (k6 passes it to handleSummary).
 */
export interface SetupData {
  /** Indexes of the plan this process owns (its execution segment). */
  readonly owned: readonly number[];
  /** The mock's admin API is in use. */
  readonly admin: boolean;
  /** The process ran alone (no execution segment), so it reset the mock. */
  readonly whole: boolean;
  /** This process's part of the test, 0–1 (its execution segment's length; 1 alone): its part of the asked rate. */
  readonly share: number;
  /** Epoch ms at the end of setup, when the iterations start. */
  readonly startedAt: number;
}

/**
 * The units of the run, one per VU, from the fixtures, and the configuration with the figures it runs with: the
 * scenario's defaults give way to smaller fixtures, what the environment set does not (`fitUnits`). Call in the
 * init context: a shortage fails before any traffic, naming the variables to change.
 *
 * @throws LoadConfigError when the fixtures cannot give one unit, or the `CCGW_LOAD_VUS` units asked.
 */
export function planUnits(config: LoadConfig, kind: UnitKind): { readonly plan: Unit[]; readonly config: LoadConfig } {
  const { vus, inspectorsPerGroup } = config.load;
  try {
    const fitted = fitUnits(config.accounts, kind, { vus, inspectorsPerGroup, given: config.given });
    return { plan: fitted.plan, config: { ...config, load: { ...config.load, vus: fitted.vus, inspectorsPerGroup: fitted.inspectorsPerGroup } } };
  } catch (e) {
    if (!(e instanceof PartitionError)) throw e;
    const asked = [config.given.vus ? `CCGW_LOAD_VUS=${vus}` : '', kind === 'storm' && config.given.inspectorsPerGroup ? `CCGW_LOAD_INSPECTORS=${inspectorsPerGroup}` : ''].filter(Boolean);
    throw new LoadConfigError(`${config.fixturesPath}: ${e.message}${asked.length > 0 ? ` (asked for by ${asked.join(' and ')})` : ''}`);
  }
}

/** What the fixtures made of the scenario's defaults, for the log: undefined when the run has them. */
export function fittedNote(asked: LoadConfig, ran: LoadConfig, kind: UnitKind): string | undefined {
  const [a, r] = [asked.load, ran.load];
  if (a.vus === r.vus && a.inspectorsPerGroup === r.inspectorsPerGroup) return undefined;
  const units = (n: number, k: number) => (kind === 'storm' ? `${n} storm group${n === 1 ? '' : 's'} of ${k} inspectors` : `${n} pair${n === 1 ? '' : 's'}`);
  return `${asked.scenario}: ${units(r.vus, r.inspectorsPerGroup)} (${r.vus} VU${r.vus === 1 ? '' : 's'}), as the fixtures ${asked.fixturesPath} hold no more; the scenario's default is ${units(a.vus, a.inspectorsPerGroup)} (to require a size: CCGW_LOAD_VUS${kind === 'storm' ? ' and CCGW_LOAD_INSPECTORS' : ''}, or ccgw's --vus${kind === 'storm' ? ' and --inspectors' : ''})`;
}

/**
 * How many units of `kind` the fixtures hold: the most VUs a run can have (named when a run needs more).
 */
export function unitsInFixtures(config: LoadConfig, kind: UnitKind): number {
  return (kind === 'storm' ? planStormGroups(config.accounts, config.load.inspectorsPerGroup) : planPairs(config.accounts)).length;
}

/**
 * What `handleSummary` writes and under which name: the configuration without secrets and, when the script's own
 * scenario ran, what it asked. k6's `--vus`/`--duration`/`--iterations` replace the scenario (as the k6 library
 * benchmark does to loop the throughput iteration in a closed model); the run then reports no asked figures rather
 * than the replaced scenario's.
 */
export function summaryTarget(config: LoadConfig, scenario: Scenario, unit: IterationUnit, kind: UnitKind): SummaryTarget {
  const scenarios = (exec.test.options as { scenarios?: Record<string, unknown> }).scenarios ?? {};
  const ran = scenarios[config.scenario] !== undefined;
  return { name: config.report.name, dir: config.report.dir, config: describeConfig(config), ...(ran ? { asked: askedOf(config, scenario, unit, unitsInFixtures(config, kind)) } : {}) };
}

function segmentOptions(): { segment: string | undefined; sequence: string | undefined } {
  const o = exec.test.options as { executionSegment?: string | null; executionSegmentSequence?: string | null };
  return { segment: o.executionSegment ?? undefined, sequence: o.executionSegmentSequence ?? undefined };
}

/**
 * `setup()`: fails fast when nothing answers at `BASE_URL`, detects the mock's admin API (CCGW_ADMIN=auto),
 * resets the mock when this process runs the whole test, and works out which units this process owns.
 *
 * @throws Error naming the target and the fix when the gateway does not answer.
 */
export function prepareRun(config: LoadConfig, plan: readonly Unit[]): SetupData {
  const probeId = accountsOf(plan[0]!)[0]!;
  const probe = http.get(`${config.baseUrl}/agentgateway/resource/onlineagent/${probeId}/agentstatus`, {
    timeout: config.timing.requestTimeoutMs,
    tags: { name: 'setup-probe' },
    responseCallback: http.expectedStatuses({ min: 200, max: 499 }),
  });
  if (probe.status === 0) {
    if (/x509|certificate|tls/i.test(probe.error)) {
      throw new Error(
        `the TLS certificate of ${config.baseUrl} is not trusted (${probe.error}); run k6 with SSL_CERT_FILE=<the CA or the mock's --cert-out file>${config.loopback ? ', or set CCGW_INSECURE=1 for the mock' : ''}`,
      );
    }
    throw new Error(`no gateway answers at BASE_URL=${config.baseUrl} (${probe.error}); start the mock with \`node bin/ccgw.js mock --port 8000\` or set BASE_URL to the gateway`);
  }
  if (probe.status !== 200) console.warn(`the gateway at ${config.baseUrl} answered the reachability probe with HTTP ${probe.status}; continuing`);

  let admin = false;
  if (config.admin !== 'off') {
    const client = new AdminClient(config);
    admin = client.available();
    if (!admin && config.admin === 'on') throw new Error(`CCGW_ADMIN=on, but ${config.baseUrl}/__admin/health does not answer; is BASE_URL the mock (\`node bin/ccgw.js mock\`)?`);
  }

  const { segment, sequence } = segmentOptions();
  const tuple = executionTuple(segment, sequence);
  const whole = tuple.sequence.length === 1;
  if (admin && whole && config.adminReset) new AdminClient(config).reset();
  if (admin && !whole && config.adminReset) console.info(`running segment ${segment} of ${sequence ?? 'the test'}: the mock is not reset; reset it once before starting the processes`);
  if (config.faults.length > 0) {
    if (!admin) throw new Error(`CCGW_FAULTS needs the mock's admin API, which does not answer at ${config.baseUrl}/__admin`);
    new AdminClient(config).setFaults(config.faults as unknown as Fault[]);
  }
  const own = tuple.sequence[tuple.index]!;
  const share = own.to.num / own.to.den - own.from.num / own.from.den;
  return { owned: ownedIndices(tuple, plan.length), admin, whole, share, startedAt: Date.now() };
}

function targetsOf(unit: Unit): Map<string, string[]> {
  return unit.kind === 'storm' ? new Map(unit.inspectors.map((i) => [i, [unit.target]])) : new Map([[unit.inspector, [unit.agent]]]);
}

/**
 * `teardown()`: records the time the iterations ran (`ccgw_scenario_time`); then for every account of this process's
 * units, in parallel batches: forcelogin (a fresh Guid, the
 * account's old session ends), cancel the inserts an inspector may hold, forcelogout. Failures add to
 * `ccgw_cleanup_failures`. Then, on the mock, clears the faults set from `CCGW_FAULTS` (before the cleanup, so it
 * is not itself faulted) and reads `/__admin/audit` into `ccgw_audit_violations`. Its gateway calls are counted in
 * `ccgw_cleanup_calls`, so that the scenario's calls per second leave them out.
 */
export function cleanupRun(config: LoadConfig, plan: readonly Unit[], data: SetupData): void {
  metrics.scenarioTime.add(Date.now() - data.startedAt);
  let calls = 0;
  if (data.admin && config.faults.length > 0) new AdminClient(config).clearFaults();
  const client = new GatewayClient(gatewayOptions(config));
  const units = data.owned.map((i) => plan[i]!).filter((u) => u !== undefined);
  const byId = accountsOfUnits(config.accounts, units);
  const noBarge = config.profile.answers.cancelWithoutBarge.value;
  const chunk = 20;
  for (let start = 0; start < units.length; start += chunk) {
    const slice = units.slice(start, start + chunk);
    const sessions: GatewaySession[] = slice.flatMap(accountsOf).map((id) => client.session(byId.get(id)!));
    for (const s of sessions) s.verbose = false;
    const signIns = signInAll(client, sessions, true);
    calls += signIns.length;
    signIns.forEach((r, i) => {
      if (!r.ok) {
        metrics.cleanupFailures.add(1, { step: 'forceLogin' });
        console.warn(`teardown: forcelogin of ${sessions[i]!.id} answered ${r.retcode ?? `HTTP ${r.status}`}`);
      }
    });
    const live = new Map(sessions.filter((s) => s.signedIn).map((s) => [s.id, s]));
    const cancels = slice.flatMap((u) => [...targetsOf(u)].flatMap(([inspector, targets]) => targets.map((t) => ({ inspector, t })))).filter(({ inspector }) => live.has(inspector));
    const cancelResults = client.sendBatch(cancels.map(({ inspector, t }) => live.get(inspector)!.prepareCancelInsert(t)));
    calls += cancelResults.length;
    cancelResults.forEach((r, i) => {
      if (!r.ok && r.retcode !== noBarge) {
        metrics.cleanupFailures.add(1, { step: 'cancelInsert' });
        console.warn(`teardown: cancel of ${cancels[i]!.inspector} on ${cancels[i]!.t} answered ${r.retcode ?? `HTTP ${r.status}`}`);
      }
    });
    const outs = [...live.values()];
    calls += outs.length;
    client.sendBatch(outs.map((s) => s.prepareForceLogout())).forEach((r, i) => {
      if (!r.ok) {
        metrics.cleanupFailures.add(1, { step: 'forceLogout' });
        console.warn(`teardown: forcelogout of ${outs[i]!.id} answered ${r.retcode ?? `HTTP ${r.status}`}`);
      }
    });
  }
  metrics.cleanupCalls.add(calls);
  if (data.admin) {
    const audit = new AdminClient(config).audit();
    metrics.auditViolations.add(audit.violations.length);
    for (const v of audit.violations.slice(0, 10)) console.error(`mock audit: ${v.invariant}: ${v.detail}`);
  }
}
