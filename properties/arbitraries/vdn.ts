/** VDNs (VCCs in the 2025 documents): the virtual call center an agent belongs to, 1–5000 in the CMS APIs. */
import * as fc from 'fast-check';

/** The documented VDN range (CMS APIs: 1–5000). */
export const VDN_RANGE = { min: 1, max: 5000 } as const;

/** Any VDN, the ends of the range among them. */
export function vdnArb(): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(VDN_RANGE.min, VDN_RANGE.max), fc.integer(VDN_RANGE));
}

/** Two different VDNs: the inspector's own and another. */
export function vdnPairArb(): fc.Arbitrary<{ readonly own: number; readonly other: number }> {
  return fc
    .tuple(vdnArb(), vdnArb())
    .filter(([a, b]) => a !== b)
    .map(([own, other]) => ({ own, other }));
}
