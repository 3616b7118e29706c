/**
 * The consumer run's file order: every interaction file first, the pact freshness check last (it compares the pact
 * the others wrote with the committed one). The run is sequential (`fileParallelism: false`), so "last" means
 * after all the others have finished.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The file name of the freshness check. */
export const FRESHNESS_TEST = 'pact-freshness.test.ts';

/** Vitest's default order, with the freshness check moved to the end. */
export class FreshnessLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFreshness = (f: TestSpecification) => f.moduleId.endsWith(`/${FRESHNESS_TEST}`);
    return [...sorted.filter((f) => !isFreshness(f)), ...sorted.filter(isFreshness)];
  }
}
