/** Timing constants of the gateway, with their sources. The mock uses them as defaults; all are configurable. */
import { documented, type Provenance } from './provenance.ts';

export interface TimingConstant {
  readonly value: number;
  readonly provenance: Provenance;
}

export const GATEWAY_TIMING = {
  /** A long poll with nothing to deliver returns after this long (AGENT_POLL_WAIT_TIMES 100 × 100 ms). */
  pollWaitMs: {
    value: 10_000,
    provenance: documented('EN/cec_07_1274', 'with no event the call returns after about 10 s'),
  },
  /** An agent that has not polled for this long is signed out. */
  signOutAfterNoPollMs: {
    value: 120_000,
    provenance: documented('EN/cec_07_1202', 'If there is no event poll for 2 minutes, the agent is signed out.'),
  },
  /** Dynamic authentication rotates the Guid this often (GUIDINTERVAL). */
  guidIntervalMs: {
    value: 60_000,
    provenance: documented('EN/cec_07_0005', 'GUIDINTERVAL = 60000 ms (rotation period)'),
  },
  /** A Guid stays valid this long after it was issued (GUIDTIMEOUT). */
  guidTimeoutMs: {
    value: 120_000,
    provenance: documented('EN/cec_07_0005', 'GUIDTIMEOUT = 120000 ms (validity)'),
  },
} as const satisfies Record<string, TimingConstant>;
