import * as fc from 'fast-check';
import { describe } from 'vitest';
import { checkAgentId } from '../../src/domain/ids.ts';
import { PROFILES } from '../../src/domain/profiles.ts';
import { agentIdArb } from '../arbitraries/agent-id.ts';
import { DOCUMENTED_ID_RANGES } from '../model/documented-rules.ts';
import { propertyTest } from '../testing/property-test.ts';

describe('agent IDs around each profile range', () => {
  for (const name of ['ccgw-2024', 'ccgw-2025'] as const) {
    propertyTest({
      id: `domain.ids.${name}.classified`,
      title: `${name}: every raw ID is valid, out of range or refused by the path pattern exactly as it was built`,
      defaultRuns: 3000,
      property: fc.property(agentIdArb(DOCUMENTED_ID_RANGES[name]), (id) => {
        const check = checkAgentId(id.raw, PROFILES[name].ids);
        if (check.kind !== id.expect) throw new Error(`${JSON.stringify(id.raw)} (${id.form}) was classified ${check.kind}, expected ${id.expect}`);
        if (check.kind === 'ok' && check.id !== id.raw) throw new Error(`${JSON.stringify(id.raw)} came back as ${JSON.stringify(check.id)}`);
      }),
    });
  }
});
