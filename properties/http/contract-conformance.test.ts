import { describe } from 'vitest';
import { demoFixtures } from '../../src/fixtures/index.ts';
import { castFromAccounts } from '../model/cast.ts';
import { DOCUMENTED_ID_RANGES } from '../model/documented-rules.ts';
import { useInProcessGateway } from '../testing/in-process-gateway.ts';
import { propertyTest } from '../testing/property-test.ts';
import { conformanceProperty } from './random-calls.ts';

describe('every answer of the mock gateway is in the contract', () => {
  const gw = useInProcessGateway();
  const cast = castFromAccounts(demoFixtures().accounts);
  propertyTest(
    {
      id: 'http.conformance.mock',
      title: 'any sequence of calls of any operation, with any IDs, Guids, bodies and query parameters, gets answers the contract validators accept with retcodes listed for each operation',
      defaultRuns: 500,
      property: conformanceProperty({
        cast,
        range: DOCUMENTED_ID_RANGES['ccgw-2024'],
        pathMismatch: 'http-404',
        live: false,
        unknownIds: ['12345'],
        maxCalls: 25,
        startRun: () => gw().freshDriver(cast.all),
        async checkEnd() {
          const audit = await gw().admin.audit();
          return audit.violations.map((v) => `audit: ${v.invariant}: ${v.detail}`);
        },
        async finishRun() {},
      }),
    },
    180_000,
  );
});
