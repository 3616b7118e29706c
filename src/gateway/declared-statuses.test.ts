import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadOpenApiDocument, type LocatedOperation, type OpenApiDocument } from '../../scripts/codegen/openapi-document.ts';
import { startMockGateway, type MockGateway } from './mock-gateway.ts';

let gw: MockGateway;
let doc: OpenApiDocument;
let ops: LocatedOperation[];
beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: 20, timeouts: { headersMs: 200, requestMs: 400, keepAliveMs: 1000 } });
  doc = await loadOpenApiDocument();
  ops = listOperations(doc);
});

/** The media types of a response, following a `$ref` to `components.responses`. */
function mediaTypes(response: { content?: Record<string, unknown>; $ref?: string }): string[] {
  const resolved = response.$ref ? (doc.components as { responses?: Record<string, { content?: Record<string, unknown> }> }).responses?.[response.$ref.replace('#/components/responses/', '')] : response;
  return Object.keys(resolved?.content ?? {});
}
afterAll(() => gw.close());

/** Sends `bytes` (leaving the request incomplete when told) and returns the status the mock answers. */
function statusOf(bytes: string): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(gw.port, '127.0.0.1');
    let got = '';
    const guard = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (c) => {
      got += c.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m) {
        clearTimeout(guard);
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(null));
    socket.write(bytes);
  });
}

/** The operation's path with demo IDs, and for other path parameters their schema's first example, enum or default. */
function path(op: LocatedOperation, agentid = '30101'): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'agentid') return agentid;
    if (name === 'workNo') return '30201';
    const schema = op.parameters?.find((p) => p.name === name)?.schema ?? {};
    const value = (schema['examples'] as unknown[] | undefined)?.[0] ?? (schema['enum'] as unknown[] | undefined)?.[0] ?? schema['default'] ?? '1';
    return encodeURIComponent(String(value));
  });
}

const head = (method: string, target: string, extra = '') => `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}`;
const withBody = (method: string, target: string, body: string) => `${head(method, target, `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`)}\r\n${body}`;

/** Every status the mock can be made to answer on `op`, each provoked over a real connection. */
async function provoke(op: LocatedOperation): Promise<Map<number, string>> {
  const seen = new Map<number, string>();
  const takesBody = op.requestBody !== undefined;
  const tries: Array<[string, string]> = [
    ['a well-formed call', takesBody ? withBody(op.method, path(op), '{}') : `${head(op.method, path(op))}\r\n`],
    ['an ID outside the path pattern', `${head(op.method, path(op, 'abc'))}\r\n`],
    ['bad percent-encoding in the path', `${head(op.method, path(op, '%ZZ'))}\r\n`],
    ['another method', `${head('PATCH', path(op))}\r\n`],
    ['headers that never end', head(op.method, path(op))],
    ['headers over 16 KiB', `${head(op.method, path(op), `X-Junk: ${'x'.repeat(20_000)}\r\n`)}\r\n`],
  ];
  if (takesBody) {
    tries.push(['a body that is not JSON', withBody(op.method, path(op), '{"password":')]);
    tries.push(['a body over 64 KiB', withBody(op.method, path(op), 'x'.repeat(70 * 1024))]);
    tries.push(['a body that never ends', `${head(op.method, path(op), 'Content-Type: application/json\r\nContent-Length: 50\r\n')}\r\n{`]);
  }
  for (const [what, bytes] of tries) {
    const status = await statusOf(bytes);
    if (status !== null && !seen.has(status)) seen.set(status, what);
  }
  return seen;
}

describe('statuses the mock answers and the OpenAPI document declares', () => {
  it('match on every operation: each status the mock answers is declared with a body, and each declared one is answered', async () => {
    expect(ops.length).toBeGreaterThanOrEqual(10);
    for (const op of ops) {
      const answered = await provoke(op);
      const declared = Object.keys(op.responses).map(Number).sort();
      for (const [status, what] of answered) expect(declared, `${op.operationId}: ${what} was answered ${status}`).toContain(status);
      expect([...answered.keys()].sort(), op.operationId).toEqual(declared);
      for (const status of declared.filter((s) => s !== 200)) {
        expect(mediaTypes(op.responses[String(status)]!), `${op.operationId} ${status}`).toEqual(['text/plain']);
      }
    }
  });
});
