import { describe, expect, it } from 'vitest';
import { describeMismatch, outcomeOf, parseDuration, parseVerifierResults } from './verifier-results.ts';

// The shape pact_ffi's verifier answers (captured from a real run against a broken answer).
const FAILED_RUN = JSON.stringify({
  result: false,
  errors: [
    {
      interaction: 'Verifying a pact between qc-console and cc-gateway Given an idle inspector and a signed-in agent of the same VDN - an addinsert into a signed-in agent of the same VDN',
      mismatch: {
        type: 'mismatches',
        mismatches: [
          { type: 'BodyMismatch', path: '$', mismatch: 'Actual map is missing the following keys: message', expected: '["message","result","retcode"]', actual: '["result","retcode"]' },
          { type: 'BodyMismatch', path: '$.retcode', mismatch: "Expected 0 (Integer) to be equal to '0' (String)", expected: '"0"', actual: '0' },
        ],
      },
    },
  ],
  interactionResults: [
    { description: 'an addinsert into a signed-in agent of the same VDN', duration: '38ms', result: 'Error' },
    { description: 'a sign-in of an inspector', duration: '1s 20ms', result: 'OK' },
  ],
  output: [],
});

describe('reading the verifier results', () => {
  it('gives a failed interaction one line per mismatch, naming the field', () => {
    const results = parseVerifierResults(FAILED_RUN)!;

    const outcome = outcomeOf(results, 'an addinsert into a signed-in agent of the same VDN');

    expect(outcome).toEqual({
      ran: true,
      passed: false,
      durationMs: 38,
      lines: ['body $: Actual map is missing the following keys: message', "body $.retcode: Expected 0 (Integer) to be equal to '0' (String)"],
    });
  });

  it('passes an interaction the verifier reported OK', () => {
    expect(outcomeOf(parseVerifierResults(FAILED_RUN)!, 'a sign-in of an inspector')).toEqual({ ran: true, passed: true, durationMs: 1020, lines: [] });
  });

  it('says when the verifier did not run an interaction', () => {
    expect(outcomeOf(parseVerifierResults(FAILED_RUN)!, 'a cancel of the inspector\'s barge')).toMatchObject({ ran: false, passed: false });
  });

  it('is undefined for text that is not the verifier JSON', () => {
    expect(parseVerifierResults('Verification was unable to run')).toBeUndefined();
    expect(parseVerifierResults('{"errors":[]}')).toBeUndefined();
  });

  it('names headers and the status in mismatch lines', () => {
    expect(describeMismatch({ type: 'HeaderMismatch', key: 'Set-GUID', mismatch: "Expected a header 'Set-GUID' but was missing" })).toBe(
      "header Set-GUID: Expected a header 'Set-GUID' but was missing",
    );
    expect(describeMismatch({ type: 'StatusMismatch', mismatch: 'expected 200 but was 404' })).toBe('status: expected 200 but was 404');
  });

  it('reads durations in the verifier format', () => {
    expect(parseDuration('95ms')).toBe(95);
    expect(parseDuration('2m 3s')).toBe(123_000);
    expect(parseDuration(undefined)).toBe(0);
  });
});
