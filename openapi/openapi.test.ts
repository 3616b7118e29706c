import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadOpenApiDocument, type LocatedOperation, type OpenApiDocument } from '../scripts/codegen/openapi-document.ts';
import { responseValidators } from '../src/generated/validators.js';
import type { OperationId } from '../src/generated/contract.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let doc: OpenApiDocument;
let ops: LocatedOperation[];
beforeAll(async () => {
  doc = await loadOpenApiDocument();
  ops = listOperations(doc);
});

function schema(name: string): Record<string, unknown> {
  return doc.components.schemas[name] as Record<string, unknown>;
}

/** Every retcode value a response schema admits: enums and consts of `retcode` across its anyOf branches. */
function retcodesAdmitted(node: Record<string, unknown>): string[] {
  if (typeof node['$ref'] === 'string') return retcodesAdmitted(schema((node['$ref'] as string).replace('#/components/schemas/', '')));
  if (Array.isArray(node['anyOf'])) return (node['anyOf'] as Record<string, unknown>[]).flatMap(retcodesAdmitted);
  const retcode = (node['properties'] as Record<string, Record<string, unknown>> | undefined)?.['retcode'];
  if (!retcode) return [];
  const resolved = typeof retcode['$ref'] === 'string' ? schema((retcode['$ref'] as string).replace('#/components/schemas/', '')) : retcode;
  if ('const' in resolved) return [resolved['const'] as string];
  return (resolved['enum'] as string[] | undefined) ?? [];
}

describe('the OpenAPI contract', () => {
  it('passes Redocly CLI lint (recommended-strict) with zero errors and zero warnings', () => {
    const out = execFileSync(`${ROOT}node_modules/.bin/redocly`, ['lint', 'ccgw', '--format=json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const report = JSON.parse(out) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('describes addInsert with the documented error codes 100-006, 900-001, 900-002, 900-003, 900-005 and their meanings', () => {
    const addInsert = ops.find((o) => o.operationId === 'addInsert')!;
    expect(addInsert.method).toBe('PUT');
    expect(addInsert.path).toBe('/agentgateway/resource/qualitycontrol/{agentid}/addinsert/{workNo}');
    const documented = addInsert['x-ccgw-retcodes'].filter((r) => r.status === 'documented').map((r) => r.code);
    expect(documented).toEqual(['0', '100-006', '900-001', '900-002', '900-003', '900-005']);
    const descriptions = schema('AddInsertRetcode')['x-enumDescriptions'] as Record<string, string>;
    for (const code of documented) expect(descriptions[code]?.length, code).toBeGreaterThan(5);
  });

  it('lists the events addInsert triggers: AgentOther_PhoneAlerting, AgentOther_PhoneOffhook, AgentState_Busy (and BeQcStart for the target)', () => {
    const events = ops.find((o) => o.operationId === 'addInsert')!['x-ccgw-triggered-events'];
    expect(events.map((e) => `${e.to}:${e.eventType}`)).toEqual([
      'inspector:AgentState_Busy',
      'inspector:AgentOther_PhoneAlerting',
      'inspector:AgentOther_PhoneOffhook',
      'target:AgentOther_BeQcStart',
    ]);
  });

  it('has a content schema for every event it names', () => {
    const listed = new Set(ops.flatMap((o) => o['x-ccgw-triggered-events'].map((e) => e.eventType)));
    const schemas = (schema('AgentEvent')['anyOf'] as Array<{ $ref: string }>).map((r) => schema(r.$ref.replace('#/components/schemas/', '')));
    const typed = new Set(schemas.map((s) => ((s['properties'] as Record<string, { const?: string }>)['eventType']?.const)).filter(Boolean));
    for (const type of listed) expect(typed.has(type), type).toBe(true);
  });

  it("admits in each operation's response exactly the retcodes its x-ccgw-retcodes table lists", () => {
    for (const op of ops) {
      const admitted = retcodesAdmitted(op.responses['200']!.content!['application/json']!.schema).sort();
      expect(admitted, op.operationId).toEqual(op['x-ccgw-retcodes'].map((r) => r.code).sort());
    }
  });

  it('describes every enum value it lists, and nothing else', () => {
    for (const [name, s] of Object.entries(doc.components.schemas)) {
      const descriptions = s['x-enumDescriptions'] as Record<string, string> | undefined;
      if (!descriptions) continue;
      expect(Object.keys(descriptions).sort(), name).toEqual([...(s['enum'] as string[])].sort());
    }
  });

  it('gives every x-ccgw table entry exactly the known fields (a stray comma in a YAML flow mapping would add one)', () => {
    const allowed = (keys: string[]) => (entry: object) => Object.keys(entry).every((k) => keys.includes(k));
    for (const op of ops) {
      for (const r of op['x-ccgw-retcodes']) expect(allowed(['code', 'status', 'source', 'when'])(r), `${op.operationId} ${JSON.stringify(r)}`).toBe(true);
      for (const e of op['x-ccgw-triggered-events']) expect(allowed(['eventType', 'to', 'status', 'source', 'when'])(e), `${op.operationId} ${JSON.stringify(e)}`).toBe(true);
    }
    for (const c of doc['x-ccgw-retcode-catalogue'].codes) expect(allowed(['code', 'family', 'confidence', 'source', 'meaning'])(c), JSON.stringify(c)).toBe(true);
  });

  it('knows the meaning of every retcode an operation lists', () => {
    const known = new Set(doc['x-ccgw-retcode-catalogue'].codes.map((c) => c.code));
    for (const op of ops) for (const r of op['x-ccgw-retcodes']) expect(known.has(r.code), `${op.operationId} ${r.code}`).toBe(true);
  });

  it('has an example for the success and for every documented error of addInsert', () => {
    const examples = ops.find((o) => o.operationId === 'addInsert')!.responses['200']!.content!['application/json'] as { examples: Record<string, { value: { retcode: string } }> };
    expect(Object.values(examples.examples).map((e) => e.value.retcode).sort()).toEqual(['0', '100-006', '900-001', '900-002', '900-003', '900-005']);
  });

  it('gives examples that pass the generated validators of their operation', () => {
    let checked = 0;
    for (const op of ops) {
      const media = op.responses['200']!.content!['application/json'] as { examples?: Record<string, { value: unknown }> };
      const validate = responseValidators[op.operationId as OperationId];
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        expect(validate(example.value), `${op.operationId} example ${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});

describe('the generated validators', () => {
  const ok = { message: '', retcode: '0', result: {} };
  it.each([
    ['a numeric retcode', { ...ok, retcode: 0 }, '/retcode'],
    ['a missing message', { retcode: '0', result: {} }, ''],
    ['a retcode not listed for addInsert', { ...ok, retcode: '100-004' }, '/retcode'],
    ['a result that is not an object', { ...ok, result: [] }, '/result'],
  ])('reject an addInsert answer with %s, naming the field', (_, value, path) => {
    const v = responseValidators.addInsert;
    expect(v(value)).toBe(false);
    expect(v.errors?.[0]?.instancePath).toBe(path);
  });

  it('reject a BeQcStart event whose qcAgentId is a string', () => {
    const v = responseValidators.getAgentEvent;
    const event = { eventType: 'AgentOther_BeQcStart', workNo: '30170', content: { qcType: 9, qcAgentId: '30169' } };
    expect(v({ message: '', retcode: '0', event })).toBe(false);
    expect(v({ message: '', retcode: '0', event: { ...event, content: { qcType: 9, qcAgentId: 30169 } } })).toBe(true);
  });

  it('accept an event type the contract does not list, with any content', () => {
    expect(responseValidators.getAgentEvent({ message: '', retcode: '0', event: { eventType: 'AgentEvent_Ringing', workNo: '30170', content: { any: 1 } } })).toBe(true);
  });

  it('require the sign-in result on success but not on failure', () => {
    expect(responseValidators.signIn({ message: '', retcode: '0' })).toBe(false);
    expect(responseValidators.signIn({ message: 'x', retcode: '100-004' })).toBe(true);
  });
});
