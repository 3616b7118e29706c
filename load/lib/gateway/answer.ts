/**
 * The contract check of one gateway answer, the harness's verdict on every call: HTTP 200, the generated ajv
 * validator of the operation (when validating), and a retcode listed for the operation in
 * `operations[op].retcodes`. Each call adds one sample, `ccgw_contract_ok` tagged `op`, `retcode` and `status`,
 * which carries the verdict and counts the calls; its duration is k6's own `http_req_duration` (the request is named
 * after its operation). Every sample costs the generator CPU on every call, so there is no other: a k6 check per call
 * would repeat the verdict, a Trend per call the duration. Tag objects are made once.
 */
import type { RefinedResponse } from 'k6/http';
import type { AgentEvent, OperationId } from '../../../src/domain/index.ts';
import { guidFromSetGuid } from '../../../src/shared/set-guid.ts';
import { metrics } from '../metrics.ts';
import type { BodyVerdict, VerdictCache } from '../verdicts.ts';
import type { Prepared } from './client.ts';
import { warnOnce } from './warn-once.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and this runs on
// every call.
const { contractOk, schemaErrors, unlistedRetcode } = metrics;
const guidOf = guidFromSetGuid;
const warn = warnOnce;

/** One answer, checked against the contract. */
export interface CallResult {
  readonly op: OperationId;
  /** HTTP status; 0 when no answer arrived (timeout, connection refused/reset). */
  readonly status: number;
  /** The body's retcode, or undefined without a JSON body. */
  readonly retcode: string | undefined;
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** HTTP 200 and retcode "0". */
  readonly ok: boolean;
  /** Why the answer breaks the contract (status, schema, unlisted retcode), or undefined when it keeps it. */
  readonly problem: string | undefined;
  /** Epoch ms when the answer was handled. */
  readonly at: number;
  /** The event a successful poll delivered; null for a poll without one and for every other operation. */
  readonly event: AgentEvent | null;
}

/**
 * Judges `res`, the answer to `p`: records the verdict, hands a `Set-GUID` to the session (k6 gives header names in
 * Go's canonical form) and logs a broken contract (bounded per VU).
 */
export function judgeAnswer(p: Prepared, res: RefinedResponse<'text'>, verdicts: VerdictCache): CallResult {
  const at = Date.now();
  const op = p.op;
  const status = res.status;
  let body: Readonly<Record<string, unknown>> | undefined;
  let retcode: string | undefined;
  let problem: string | undefined;
  let tags: CallTags;
  if (status === 0) {
    problem = `no answer (${res.error || 'connection failed'})`;
    tags = tagsOfCall(op, undefined, status);
  } else if (status !== 200) {
    problem = `HTTP ${status}`;
    tags = tagsOfCall(op, undefined, status);
  } else {
    const verdict = verdicts.judge(op, res.body ?? '');
    tags = tagsOfVerdict(op, verdict);
    ({ body, retcode, problem } = verdict);
    if (verdict.kind === 'schema') schemaErrors.add(1, tagsOfOp(op));
    else if (verdict.kind === 'unlisted') unlistedRetcode.add(1, { op, retcode: String(retcode) });
    const guid = guidOf(res.headers['Set-Guid']);
    if (guid !== undefined) p.session?.takeGuid(guid, op);
    else if ((op === 'signIn' || op === 'forceLogin') && retcode === '0' && problem === undefined) problem = `${op} answered 0 without a Set-GUID header`;
  }
  contractOk.add(problem === undefined, tags);
  if (problem !== undefined && p.session?.verbose !== false) warn(op, `${op} for agent ${p.agentId}: ${problem}`);
  const ok = status === 200 && retcode === '0';
  const event = op === 'getAgentEvent' && ok ? eventOf(body) : null;
  return { op, status, retcode, body, ok, problem, at, event };
}

function eventOf(body: Readonly<Record<string, unknown>> | undefined): AgentEvent | null {
  const e = body?.['event'];
  return e !== null && typeof e === 'object' ? (e as AgentEvent) : null;
}

const opTags = new Map<string, { readonly op: string }>();
type CallTags = { readonly op: string; readonly retcode: string; readonly status: string };
/** By op, then retcode, then status: no key to build per call. */
const callTags = new Map<string, Map<string | undefined, Map<number, CallTags>>>();

function tagsOfOp(op: string): { readonly op: string } {
  let tags = opTags.get(op);
  if (!tags) opTags.set(op, (tags = { op }));
  return tags;
}

/**
 * The tags of an HTTP 200 answer follow from its verdict (verdicts are per operation): one lookup instead of the three
 * of {@link tagsOfCall}. Weak: the verdict cache drops its verdicts when full.
 */
const verdictTags = new WeakMap<BodyVerdict, CallTags>();

function tagsOfVerdict(op: string, verdict: BodyVerdict): CallTags {
  let tags = verdictTags.get(verdict);
  if (!tags) verdictTags.set(verdict, (tags = tagsOfCall(op, verdict.retcode, 200)));
  return tags;
}

function tagsOfCall(op: string, retcode: string | undefined, status: number): CallTags {
  let byRetcode = callTags.get(op);
  if (!byRetcode) callTags.set(op, (byRetcode = new Map()));
  let byStatus = byRetcode.get(retcode);
  if (!byStatus) byRetcode.set(retcode, (byStatus = new Map()));
  let tags = byStatus.get(status);
  if (!tags) byStatus.set(status, (tags = { op, retcode: retcode ?? 'none', status: String(status) }));
  return tags;
}
