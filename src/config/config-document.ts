/**
 * `ccgw.config.json` as TypeScript types; `config.schema.json` is the source of truth and the generated
 * `validateConfig` checks documents against it.
 */
export interface ConfigDocument {
  readonly $schema?: string;
  readonly gateway?: {
    readonly url?: string;
    readonly ca?: string;
    readonly insecure?: boolean;
    readonly profile?: 'ccgw-2024' | 'ccgw-2025';
    readonly auth?: 'static' | 'dynamic';
  };
  readonly fixtures?: string;
  readonly profileOverrides?: {
    readonly answers?: Readonly<Record<string, string>>;
    readonly qcOnInspectors?: boolean;
    readonly eventGenTime?: boolean;
  };
  readonly calibration?: Calibration;
  readonly live?: { readonly allow?: boolean; readonly maxRequestsPerSecond?: number };
  readonly properties?: { readonly runs?: number; readonly seed?: number; readonly path?: string };
  readonly load?: {
    readonly scenario?: 'smoke' | 'barge-storm' | 'throughput' | 'soak';
    readonly duration?: string;
    readonly rate?: number;
    readonly inspectors?: number;
    readonly rounds?: number;
    readonly vus?: number;
    /** An open-model run (throughput) fails below this share of the asked iterations (default 0.9). */
    readonly minAchievedRatio?: number;
  };
  readonly report?: { readonly dir?: string };
}

/** One call that showed a setting's answer. */
export interface CalibrationEvidence {
  readonly case: string;
  readonly rule?: string;
  readonly request: string;
  readonly answer: string;
  readonly at: string;
}

/** What `ccgw calibrate` writes beside the profileOverrides it found. */
export interface Calibration {
  readonly at: string;
  readonly gateway: string;
  readonly profile: string;
  readonly runId?: string;
  readonly evidence: Readonly<Record<string, readonly CalibrationEvidence[]>>;
  readonly unobserved?: readonly string[];
}
