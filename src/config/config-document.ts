/**
 * `ccgw.config.json` as TypeScript types; `config.schema.json` is the source of truth and the generated
 * `validateConfig` checks documents against it.
 *
 * @example
 * ```ts
 * const doc: ConfigDocument = { gateway: { url: 'https://gw.test:8043', ca: 'ca.pem' }, fixtures: 'accounts.json', live: { allow: true, maxRequestsPerSecond: 5 } };
 * ```
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
  readonly live?: { readonly allow?: boolean; readonly maxRequestsPerSecond?: number };
  readonly properties?: { readonly runs?: number; readonly seed?: number; readonly path?: string };
  readonly load?: {
    readonly scenario?: 'smoke' | 'barge-storm' | 'throughput' | 'soak';
    readonly duration?: string;
    readonly rate?: number;
    readonly inspectors?: number;
    readonly rounds?: number;
    readonly vus?: number;
  };
  readonly report?: { readonly dir?: string };
}
