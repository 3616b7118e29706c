/**
 * Reading the Pact verifier's results (the JSON pact-js returns from `verifyProvider()`, or carries as the message
 * of its rejection) into one outcome per interaction, with failure lines that name the field:
 * `body $.retcode: Expected 0 (Integer) to be equal to '0' (String)`.
 */

/** One mismatch as the verifier reports it. */
interface MismatchJson {
  readonly type?: string;
  readonly path?: string;
  readonly key?: string;
  readonly mismatch?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
}

/** What pact_ffi's `pactffi_verifier_json` holds (the parts read here). */
export interface VerifierResults {
  readonly result: boolean;
  readonly errors: readonly { readonly interaction?: string; readonly mismatch?: { readonly type?: string; readonly message?: string; readonly mismatches?: readonly MismatchJson[] } }[];
  readonly interactionResults?: readonly { readonly description?: string; readonly duration?: string; readonly result?: string }[];
  readonly output?: readonly string[];
}

/** Parses the verifier's JSON; undefined when the text is not its JSON (e.g. the verifier could not run at all). */
export function parseVerifierResults(text: string): VerifierResults | undefined {
  try {
    const doc = JSON.parse(text) as unknown;
    if (doc === null || typeof doc !== 'object' || typeof (doc as { result?: unknown }).result !== 'boolean') return undefined;
    const errors = (doc as { errors?: unknown }).errors;
    return { ...(doc as VerifierResults), errors: Array.isArray(errors) ? (errors as VerifierResults['errors']) : [] };
  } catch {
    return undefined;
  }
}

/** The verifier's verdict on one interaction. */
export interface InteractionOutcome {
  /** Whether the verifier reported the interaction at all. */
  readonly ran: boolean;
  readonly passed: boolean;
  readonly durationMs: number;
  /** One line per mismatch or error. */
  readonly lines: readonly string[];
}

/** The verdict on the interaction with this description. */
export function outcomeOf(results: VerifierResults, description: string): InteractionOutcome {
  const entry = results.interactionResults?.find((r) => r.description === description);
  const errors = results.errors.filter((e) => typeof e.interaction === 'string' && (e.interaction.endsWith(` - ${description}`) || e.interaction === description));
  const lines = errors.flatMap((e) => mismatchLines(e.mismatch));
  if (entry === undefined) return { ran: errors.length > 0, passed: false, durationMs: 0, lines };
  const passed = entry.result === 'OK' && errors.length === 0;
  return { ran: true, passed, durationMs: parseDuration(entry.duration), lines: passed ? [] : lines.length > 0 ? lines : [`the verifier reported ${JSON.stringify(entry.result)}`] };
}

function mismatchLines(mismatch: VerifierResults['errors'][number]['mismatch']): string[] {
  if (mismatch === undefined) return ['the verifier reported an error without details'];
  if (Array.isArray(mismatch.mismatches)) return mismatch.mismatches.map(describeMismatch);
  if (typeof mismatch.message === 'string') return [mismatch.message.trim()];
  return [JSON.stringify(mismatch)];
}

/** One mismatch as a line naming where it is: `body $.retcode: …`, `header Content-Type: …`, `status: …`. */
export function describeMismatch(m: MismatchJson): string {
  const text = (m.mismatch ?? `expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`).trim();
  switch (m.type) {
    case 'BodyMismatch':
      return `body ${m.path ?? '$'}: ${text}`;
    case 'HeaderMismatch':
      return `header ${m.key ?? m.path ?? ''}: ${text}`;
    case 'StatusMismatch':
      return `status: ${text}`;
    case 'BodyTypeMismatch':
      return `body: ${text}`;
    default:
      return `${m.type ?? 'mismatch'}${m.path ? ` ${m.path}` : ''}: ${text}`;
  }
}

/** Milliseconds in a verifier duration such as `95ms`, `1s 20ms` or `2m 3s`. */
export function parseDuration(text: string | undefined): number {
  if (text === undefined) return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of text.matchAll(/([0-9]+(?:\.[0-9]+)?)\s*(ns|us|µs|ms|s|m|h)\b/g)) total += Number(m[1]) * (units[m[2]!] ?? 0);
  return Math.round(total);
}
