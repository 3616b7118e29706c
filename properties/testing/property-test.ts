/**
 * Declares one vitest test that runs one property: the test's name is the property's title (so the replay line's
 * `-t` filter finds it), and a failure throws the readable counterexample with its replay line.
 *
 * @example
 * ```ts
 * propertyTest({ id: 'domain.ids.classified', title: 'every raw ID is classified as built', property, defaultRuns: 2000 });
 * ```
 */
import { expect, it } from 'vitest';
import { assertProperty, type PropertySpec } from '../report/check-property.ts';

/**
 * Declares the test; `timeoutMs` bounds the whole property (default 120 s).
 * @example
 * ```ts
 * propertyTest({ id: 'x', title: 'a barge on oneself answers 000-005', property, defaultRuns: 1000 });
 * ```
 */
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
