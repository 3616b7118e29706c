/**
 * Settings of the commands that talk to a gateway (`ccgw.config.json`, `CCGW_*`, flags).
 *
 * @example
 * ```ts
 * import { resolveSettings, TARGET_OPTIONS } from '../config/index.ts';
 * ```
 */
export * from './config-document.ts';
export * from './settings.ts';
