/**
 * The mock gateway's admin API as the properties use it: the one Node admin client (src/client/admin-client.ts),
 * constructed from a base URL, with a shorthand for signing many idle agents in.
 */
import { AdminClient } from '../../src/client/admin-client.ts';

export { AdminCallError as AdminApiError } from '../../src/client/admin-client.ts';
export type { AdminAudit as AuditReport, AgentStateBody, SnapshotAgent } from '../../src/shared/admin-api.ts';

/** The admin API of the mock at `baseUrl`. */
export class AdminApi extends AdminClient {
  constructor(baseUrl: string, token?: string) {
    super({ baseUrl, token });
  }

  /** Signs many agents in at once (no events); answers their Guids by ID. */
  signInMany(ids: readonly string[], status: 3 | 4 | 5 = 4): Promise<Readonly<Record<string, string>>> {
    return this.signIn({ ids, status });
  }
}
