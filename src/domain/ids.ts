/**
 * Agent ID rules: the range a profile accepts and the gateway's path pattern.
 *
 * The gateway is a RESTEasy application whose paths carry a regex for IDs (`[1-9]\d{0,3}|[1-5]\d{4}` in the
 * 2024 builds): an ID that does not match never reaches a resource (HTTP 404). An ID that matches but lies below
 * the documented range (e.g. `50`) reaches the resource and is rejected as an invalid parameter.
 */
import { documented, inferred, type Provenance } from './provenance.ts';

/** The ID rule of one profile. */
export interface IdRule {
  /** Smallest valid ID (101 in every document). */
  readonly min: number;
  /** Largest valid ID: 59999 (2023/24 documents) or 999999 (2025 documents). */
  readonly max: number;
  /** The path regex of the gateway; IDs that fail it get HTTP 404. */
  readonly pathPattern: RegExp;
  readonly provenance: Provenance;
  readonly pathPatternProvenance: Provenance;
}

/** Outcome of checking one ID. */
export type IdCheck =
  | { readonly kind: 'ok'; readonly id: string }
  | { readonly kind: 'pattern'; readonly raw: string; readonly reason: string }
  | { readonly kind: 'range'; readonly raw: string; readonly reason: string };

/** IDs of the 2023/24 documents: 101–59999, path regex 1–59999. */
export const IDS_2024: IdRule = {
  min: 101,
  max: 59999,
  pathPattern: /^(?:[1-9][0-9]{0,3}|[1-5][0-9]{4})$/,
  provenance: documented('EN/cec_07_2401', 'Agent ID. The value ranges from 101 to 59999.'),
  pathPatternProvenance: documented('Zackeus/com.Zackeus.CTI recorce.js', 'addinsert/{workNo:[1-9][\\d]{0,3}|[1-5][\\d]{4}}'),
};

/** IDs of the 2025 documents: 101–999999; the path regex is assumed to allow up to six digits. */
export const IDS_2025: IdRule = {
  min: 101,
  max: 999999,
  pathPattern: /^[1-9][0-9]{0,5}$/,
  provenance: documented('EN/cec_07_0355', 'the 2025 page says agent ID ranges from 101 to 999999.'),
  pathPatternProvenance: inferred('the 2025 builds must accept six-digit IDs; the exact regex is not public'),
};

/** Checks a raw path segment (already percent-decoded) against an ID rule. */
export function checkAgentId(raw: string, rule: IdRule): IdCheck {
  if (rule.pathPattern.test(raw)) {
    const value = Number(raw);
    if (value < rule.min) return { kind: 'range', raw, reason: `is below ${rule.min}` };
    if (value > rule.max) return { kind: 'range', raw, reason: `is above ${rule.max}` };
    return { kind: 'ok', id: raw };
  }
  return { kind: 'pattern', raw, reason: patternReason(raw, rule) };
}

function patternReason(raw: string, rule: IdRule): string {
  if (raw.length === 0) return 'is empty';
  if (!/^[0-9]+$/.test(raw)) return 'contains a character that is not an ASCII digit';
  if (raw.startsWith('0')) return 'has a leading zero';
  return `is above ${rule.max}, the largest ID the path pattern accepts`;
}

/** True when `raw` is a valid ID under `rule`. */
export function isValidAgentId(raw: string, rule: IdRule): boolean {
  return checkAgentId(raw, rule).kind === 'ok';
}
