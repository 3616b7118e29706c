/**
 * A case failure as plain text: the request, the response, the expectation, and how to replay a property. The
 * JUnit report puts this in a `<failure>` element; the HTML report shows the same parts side by side.
 * The caller redacts the summary first (see `redact.ts`).
 */
import type { Failure, HttpPart } from './run-summary.ts';

/** Any JSON-like value as readable text: strings as they are, everything else as indented JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** One side of an HTTP exchange the way an HTTP trace reads: start line, headers, blank line, body. */
export function httpPartText(part: HttpPart): string {
  const lines: string[] = [];
  const start = [part.method, part.url, part.status === undefined ? undefined : `HTTP ${part.status}`].filter((s) => s !== undefined && s !== '');
  if (start.length > 0) lines.push(start.join(' '));
  for (const [name, value] of Object.entries(part.headers ?? {})) lines.push(`${name}: ${value}`);
  if (part.body !== undefined) {
    if (lines.length > 0) lines.push('');
    lines.push(valueText(part.body));
  }
  return lines.join('\n');
}

/**
 * The replay hint of a property failure (fast-check's `seed` and `path`), or undefined when the failure has no seed.
 */
export function replayText(failure: Failure): string | undefined {
  if (failure.seed === undefined) return undefined;
  return `Replay: { seed: ${failure.seed}${failure.path === undefined ? '' : `, path: ${JSON.stringify(failure.path)}`} }`;
}

/**
 * The whole failure as text: message, request, response, expected, actual, counterexample and replay hint, each
 * under a heading, omitting the parts the failure does not have.
 */
export function failureText(failure: Failure): string {
  const sections: string[] = [failure.message];
  const add = (heading: string, body: string | undefined) => {
    if (body !== undefined && body !== '') sections.push(`${heading}:\n${body}`);
  };
  add('Request', failure.request && httpPartText(failure.request));
  add('Response', failure.response && httpPartText(failure.response));
  add('Expected', failure.expected === undefined ? undefined : valueText(failure.expected));
  add('Actual', failure.actual === undefined ? undefined : valueText(failure.actual));
  add('Counterexample', failure.counterexample);
  const replay = replayText(failure);
  if (replay) sections.push(replay);
  return sections.join('\n\n');
}
