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
import type { ContractTags } from '../verdicts.ts';
import type { Prepared } from './client.ts';
import { warnOnce } from './warn-once.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and this runs on
// every call.
const { contractOk, schemaErrors, unlistedRetcode } = metrics;
const guidOf = guidFromSetGuid;
const warn = warnOnce;
// A global (`Date`) is looked up by name on every access too.
const now = Date.now;

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
 * Judges `res`, the answer to `p` (its verdict from the cache of `p`'s operation): records the verdict, hands a
 * `Set-GUID` to the session (k6 gives header names in Go's canonical form) and logs a broken contract (bounded per VU).
 */
export function judgeAnswer(p: Prepared, res: RefinedResponse<'text'>): CallResult {
  const at = now();
  const op = p.op;
  const status = res.status;
  let body: Readonly<Record<string, unknown>> | undefined;
  let retcode: string | undefined;
  let problem: string | undefined;
  let tags: ContractTags;
  if (status === 200) {
    const verdict = p.verdicts.judge(res.body ?? '');
    tags = verdict.tags;
    body = verdict.body;
    retcode = verdict.retcode;
    problem = verdict.problem;
    if (problem !== undefined) {
      if (verdict.kind === 'schema') schemaErrors.add(1, tagsOfOp(op));
      else if (verdict.kind === 'unlisted') unlistedRetcode.add(1, { op, retcode: String(retcode) });
    }
    const guid = guidOf(res.headers['Set-Guid']);
    if (guid !== undefined) p.session?.takeGuid(guid, op);
    else if ((op === 'signIn' || op === 'forceLogin') && retcode === '0' && problem === undefined) problem = `${op} answered 0 without a Set-GUID header`;
  } else {
    problem = status === 0 ? `no answer (${res.error || 'connection failed'})` : `HTTP ${status}`;
    tags = tagsOfFailure(op, status);
  }
  contractOk.add(problem === undefined, tags);
  if (problem !== undefined && p.session?.verbose !== false) warn(op, `${op} for agent ${p.agentId}: ${problem}`);
  const ok = status === 200 && retcode === '0';
  return { op, status, retcode, body, ok, problem, at, event: ok && op === 'getAgentEvent' ? eventOf(body) : null };
}

function eventOf(body: Readonly<Record<string, unknown>> | undefined): AgentEvent | null {
  const e = body?.['event'];
  return e !== null && typeof e === 'object' ? (e as AgentEvent) : null;
}

const opTags = new Map<string, { readonly op: string }>();
/** By op, then status: no key to build per call. */
const failureTags = new Map<string, Map<number, ContractTags>>();

function tagsOfOp(op: string): { readonly op: string } {
  let tags = opTags.get(op);
  if (!tags) opTags.set(op, (tags = { op }));
  return tags;
}

/** The tags of an answer other than HTTP 200 (no body judged, so no retcode). */
function tagsOfFailure(op: string, status: number): ContractTags {
  let byStatus = failureTags.get(op);
  if (!byStatus) failureTags.set(op, (byStatus = new Map()));
  let tags = byStatus.get(status);
  if (!tags) byStatus.set(status, (tags = { op, retcode: 'none', status: String(status) }));
  return tags;
}
