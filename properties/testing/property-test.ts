/**
 * Declares one vitest test that runs one property: the test's name is the property's title (so the replay line's
 * `-t` filter finds it), and a failure throws the readable counterexample with its replay line.
 */
import { expect, it } from 'vitest';
import { assertProperty, type PropertySpec } from '../report/check-property.ts';

/** Declares the test; `timeoutMs` bounds the whole property (default 120 s). */
export function propertyTest<Ts>(spec: PropertySpec<Ts>, timeoutMs = 120_000): void {
  it(
    spec.title,
    async () => {
      const runs = await assertProperty(spec);
      expect(runs).toBeGreaterThan(0);
    },
    timeoutMs,
  );
}
