/**
 * The mock gateway's admin API (`/__admin`, docs/mock-gateway.md) as data: its paths, the token header, the bodies it
 * takes and the answers it gives. One description for the mock (src/gateway/admin.ts), the Node client
 * (src/client/admin-client.ts) and the k6 one (load/lib/admin.ts). No `node:` imports: k6 reads it too.
 */

/** Where the admin API lives on a mock. */
export const ADMIN_PREFIX = '/__admin';

/** The header that carries `ccgw mock --admin-token`. */
export const ADMIN_TOKEN_HEADER = 'X-Admin-Token';

/** The `server` field of `GET /__admin/health`: how a client knows that it talks to a ccgw mock. */
export const MOCK_SERVER_NAME = 'ccgw mock';

/** The path of each admin call, `ADMIN_PREFIX` included. */
export const ADMIN_PATHS = {
  health: `${ADMIN_PREFIX}/health`,
  reset: `${ADMIN_PREFIX}/reset`,
  fixtures: `${ADMIN_PREFIX}/fixtures`,
  agent: (id: string) => `${ADMIN_PREFIX}/agents/${encodeURIComponent(id)}`,
  agentState: (id: string) => `${ADMIN_PREFIX}/agents/${encodeURIComponent(id)}/state`,
  signIn: `${ADMIN_PREFIX}/agents/sign-in`,
  faults: `${ADMIN_PREFIX}/faults`,
  audit: `${ADMIN_PREFIX}/audit`,
  snapshot: (all = false) => `${ADMIN_PREFIX}/snapshot${all ? '?all=1' : ''}`,
  counters: `${ADMIN_PREFIX}/counters`,
} as const;

/** `POST /__admin/reset`. */
export interface ResetBody {
  readonly fixtures?: Record<string, unknown>;
}

/** `PUT /__admin/agents/{id}/state`. */
export interface AgentStateBody {
  readonly signedIn: boolean;
  readonly status?: 3 | 4 | 5 | 7 | 8;
  readonly alwaysOffHook?: boolean;
  readonly guid?: string;
  readonly bargedBy?: string;
}

/** `POST /__admin/agents/sign-in`. */
export interface BulkSignInBody {
  readonly ids?: readonly string[];
  readonly from?: number;
  readonly to?: number;
  readonly status?: 3 | 4 | 5;
}

/** One fault setting as `PUT /__admin/faults` takes it (the mock's `parseFaults` checks its meaning). */
export interface FaultSetting {
  readonly operation: string;
  readonly agent?: string;
  readonly rate?: number;
  readonly latencyMs?: number;
  readonly latencyJitterMs?: number;
  readonly retcode?: string;
  readonly http?: number;
  readonly reset?: boolean;
}

/** `PUT /__admin/faults`. */
export interface FaultsBody {
  readonly faults: readonly FaultSetting[];
}

/** `GET /__admin/health`. */
export interface AdminHealth {
  readonly ok: boolean;
  readonly server: string;
  readonly profile: string;
  readonly auth: 'static' | 'dynamic';
  readonly agents: number;
  readonly signedIn: number;
  readonly version: string;
  readonly pid: number;
}

/** `GET /__admin/fixtures`: the fixtures document the accounts came from, as written. */
export interface AdminFixtures {
  readonly source: string;
  readonly document: unknown;
  readonly baseDir?: string;
}

/** `PUT /__admin/agents/{id}/state`: the agent's Guid, null when signed out. */
export interface AgentStateReply {
  readonly guid: string | null;
}

/** `POST /__admin/agents/sign-in`: the Guid of each agent signed in. */
export interface BulkSignInReply {
  readonly guids: Readonly<Record<string, string>>;
}

/** One violation found by the mock's audit. */
export interface AuditViolation {
  readonly at: string;
  readonly invariant: string;
  readonly detail: string;
}

/** `GET /__admin/audit`. */
export interface AdminAudit {
  readonly checks: number;
  readonly violationCount: number;
  readonly violations: readonly AuditViolation[];
}

/** One agent in `GET /__admin/snapshot`. */
export interface SnapshotAgent {
  readonly id: string;
  readonly vdn: number;
  readonly inspector: boolean;
  readonly signedIn: boolean;
  readonly status: number;
  readonly barging: string | null;
  readonly bargedBy: string | null;
  readonly queued: number;
}

/** `GET /__admin/snapshot`. */
export interface AdminSnapshot {
  readonly profile: string;
  readonly agents: readonly SnapshotAgent[];
}

/** `GET /__admin/counters`. */
export interface AdminCounters {
  readonly operations: Readonly<Record<string, { readonly total: number; readonly retcodes: Readonly<Record<string, number>>; readonly http: Readonly<Record<string, number>> }>>;
  readonly connections: { readonly clientAborts: number; readonly timeouts: number; readonly malformed: number };
}

/** The fix to name when an admin call answers 401 or 403. */
export const ADMIN_TOKEN_HINT = "send the mock's --admin-token (CCGW_ADMIN_TOKEN)";
