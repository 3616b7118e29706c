/**
 * Agent IDs across and around a profile's range, each tagged by construction with what the gateway should make of
 * it: `ok` (a valid ID), `range` (matches the path pattern but lies below 101: answered 000-002), or `pattern`
 * (never reaches a resource: HTTP 404). The tag comes from how the value was built, not from `src/domain`.
 *
 * Covered: the boundaries (100, 101, 59999, 60000, 999999, 1000000), every valid ID, small numbers, too many
 * digits, leading zeros, signs, spaces and line breaks, non-ASCII digits (full-width, Arabic-Indic, Devanagari),
 * decimals and exponents, hex, letters, the empty string, and very long digit strings.
 */
import * as fc from 'fast-check';
import type { DocumentedIdRange } from '../model/documented-rules.ts';

/** What the gateway should make of a raw path ID. */
export type IdExpectation = 'ok' | 'range' | 'pattern';

/** A raw path ID with its expectation and how it was built. */
export interface TaggedId {
  readonly raw: string;
  readonly expect: IdExpectation;
  /** How the value was built, e.g. `leading-zero`, `full-width-digits`, `boundary`. */
  readonly form: string;
  /** For a mangled ID: the valid ID it was made from. */
  readonly of?: string;
}

/** The ways a valid ID is turned into one the path pattern refuses. */
export const MANGLINGS = [
  'leading-zero',
  'zero',
  'plus-sign',
  'minus-sign',
  'space-before',
  'space-after',
  'inner-space',
  'newline-after',
  'full-width-digits',
  'arabic-indic-digits',
  'devanagari-digits',
  'decimal-point',
  'exponent',
  'hex',
  'letter-suffix',
  'empty',
  'very-long',
] as const;

export type Mangling = (typeof MANGLINGS)[number];

const digitsFrom = (zero: number) => (id: string) => [...id].map((d) => String.fromCodePoint(zero + Number(d))).join('');

/** A raw ID that the path pattern refuses, made from the valid ID `id` (a canonical decimal). */
export function mangleId(id: string, how: Mangling): string {
  switch (how) {
    case 'leading-zero':
      return `0${id}`;
    case 'zero':
      return '0';
    case 'plus-sign':
      return `+${id}`;
    case 'minus-sign':
      return `-${id}`;
    case 'space-before':
      return ` ${id}`;
    case 'space-after':
      return `${id} `;
    case 'inner-space':
      return `${id.slice(0, 1)} ${id.slice(1)}`;
    case 'newline-after':
      return `${id}\n`;
    case 'full-width-digits':
      return digitsFrom(0xff10)(id);
    case 'arabic-indic-digits':
      return digitsFrom(0x0660)(id);
    case 'devanagari-digits':
      return digitsFrom(0x0966)(id);
    case 'decimal-point':
      return `${id}.0`;
    case 'exponent':
      return `${id}e0`;
    case 'hex':
      return `0x${Number(id).toString(16)}`;
    case 'letter-suffix':
      return `${id}a`;
    case 'empty':
      return '';
    case 'very-long':
      return id.repeat(Math.ceil(240 / id.length)).slice(0, 240);
  }
}

/** What the gateway should make of the canonical decimal `n` (no sign, no leading zero) under `range`. */
export function classifyDecimal(n: number, range: DocumentedIdRange): IdExpectation {
  if (n < 1 || n > range.pathMax) return 'pattern';
  if (n < range.min || n > range.max) return 'range';
  return 'ok';
}

/** Valid IDs: the two ends of the range and anything in between. */
export function validIdArb(range: DocumentedIdRange): fc.Arbitrary<string> {
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(range.min, range.max) }, { weight: 4, arbitrary: fc.integer({ min: range.min, max: range.max }) }).map(String);
}

/** IDs that match the path pattern but lie below the range (1–100): answered 000-002. */
export function belowRangeIdArb(range: DocumentedIdRange): fc.Arbitrary<TaggedId> {
  return fc
    .oneof(fc.constantFrom(1, range.min - 1), fc.integer({ min: 1, max: range.min - 1 }))
    .map((n) => ({ raw: String(n), expect: 'range' as const, form: 'below-range' }));
}

/** IDs with more digits than the path pattern allows (60000 and up in 2024; 1000000 and up in 2025). */
export function tooLargeIdArb(range: DocumentedIdRange): fc.Arbitrary<TaggedId> {
  return fc
    .oneof(
      fc.constant(String(range.pathMax + 1)),
      fc.constant('1000000'),
      fc.integer({ min: range.pathMax + 1, max: 2 ** 31 - 1 }).map(String),
      fc.stringMatching(/^[1-9][0-9]{10,30}$/),
    )
    .filter((raw) => Number(raw) > range.pathMax)
    .map((raw) => ({ raw, expect: 'pattern' as const, form: 'too-large' }));
}

/** IDs made unacceptable to the path pattern from the valid `id`. */
export function mangledIdArb(id: string): fc.Arbitrary<TaggedId> {
  return fc.constantFrom(...MANGLINGS).map((how) => ({ raw: mangleId(id, how), expect: 'pattern' as const, form: how, of: id }));
}

/** The documented boundaries, each classified: 100, 101, 59999, 60000, 999999, 1000000 (and the range's own ends). */
export function boundaryIdArb(range: DocumentedIdRange): fc.Arbitrary<TaggedId> {
  const values = [...new Set([100, 101, 59999, 60000, 999999, 1000000, range.min - 1, range.min, range.max, range.max + 1, range.pathMax, range.pathMax + 1])];
  return fc.constantFrom(...values).map((n) => ({ raw: String(n), expect: classifyDecimal(n, range), form: 'boundary' }));
}

/**
 * Any raw path ID around `range`, tagged: valid ones, boundaries, below-range, too large, and mangled forms of
 * valid ones.
 */
export function agentIdArb(range: DocumentedIdRange): fc.Arbitrary<TaggedId> {
  return fc.oneof(
    { weight: 3, arbitrary: validIdArb(range).map((raw) => ({ raw, expect: 'ok' as const, form: 'valid' })) },
    { weight: 2, arbitrary: boundaryIdArb(range) },
    { weight: 1, arbitrary: belowRangeIdArb(range) },
    { weight: 1, arbitrary: tooLargeIdArb(range) },
    { weight: 3, arbitrary: validIdArb(range).chain(mangledIdArb) },
  );
}
