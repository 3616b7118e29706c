import { describe, expect, it } from 'vitest';
import { operations } from '../generated/contract.ts';
import { OPERATION_RULES } from './index.ts';
import { PROFILE_2024, PROFILE_NAMES, PROFILES, type AnswerName } from './profiles.ts';
import { isListedFor, OPERATION_IDS } from './retcodes.ts';

describe('the domain answers only what the contract lists', () => {
  for (const operationId of OPERATION_IDS) {
    it(`${operationId}: every rule's answer, under every candidate of its setting, is listed for the operation`, () => {
      for (const rule of OPERATION_RULES[operationId]) {
        const a = rule.answer;
        const codes = 'retcode' in a ? [a.retcode] : 'setting' in a ? PROFILE_2024.answers[a.setting as AnswerName].candidates : [];
        for (const code of codes) {
          if (code === 'http-404') continue;
          expect(isListedFor(operationId, code), `${operationId}.${rule.id} may answer ${code}, which the contract does not list for ${operationId}`).toBe(true);
        }
      }
    });
  }

  it('every operation lists success "0", documented unless no page of its own documents the operation at all', () => {
    for (const op of OPERATION_IDS) {
      const retcodes = operations[op].retcodes as readonly { code: string; status: string }[];
      const hasPage = retcodes.some((r) => r.status === 'documented');
      expect(retcodes.find((r) => r.code === '0')?.status, op).toBe(hasPage ? 'documented' : 'inferred');
    }
  });

  it('every profile sets every answer to one of its candidates', () => {
    for (const name of PROFILE_NAMES) {
      for (const [answer, setting] of Object.entries(PROFILES[name].answers)) {
        expect((setting.candidates as readonly string[]).includes(setting.value), `${name}.${answer}`).toBe(true);
      }
    }
  });
});
