import { describe } from 'vitest';
import { demoFixtures } from '../../src/fixtures/index.ts';
import { DEFAULT_ANSWERS } from './documented-rules.ts';
import { propertySettingsFromEnv } from '../settings.ts';
import { useInProcessGateway } from '../testing/in-process-gateway.ts';
import { propertyTest } from '../testing/property-test.ts';
import { castFromAccounts } from './cast.ts';
import { checkEndStateByAdmin } from './end-state.ts';
import { modelProperty, type ModelTarget } from './model-property.ts';

describe('sequences of calls on the mock gateway against the abstract model', () => {
  const gw = useInProcessGateway();
  const cast = castFromAccounts(demoFixtures().accounts);
  const target: ModelTarget = {
    cast,
    // The mock is held to the answers the facts give, not to what its profile says.
    settings: { answers: DEFAULT_ANSWERS, qcOnInspectors: false },
    events: 'strict',
    commands: { unknownIds: ['12345'], wrongPasswords: true, pollOnlyWhenDue: false },
    maxCommands: 30,
    startRun: () => gw().freshDriver(cast.all),
    checkEnd: (model, real) => checkEndStateByAdmin(model, real, gw().admin, cast),
    async finishRun() {},
  };

  propertyTest(
    {
      id: 'model.mock.sequences',
      title: 'inspectors, agents and another VDN signing in, barging, cancelling, polling and signing out answer as the model says, and the mock ends where the model ends',
      defaultRuns: 1000,
      property: modelProperty(target, propertySettingsFromEnv().replayPath),
    },
    240_000,
  );
});
