import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH, loadOpenApiDocument, type JsonSchema, type OpenApiDocument } from './openapi-document.ts';
import { dispatchTaggedUnions, taggedUnionOf } from './tagged-unions.ts';
import { toJsonSchemaDocument, validatorAjv } from './validators.ts';

const ID = 'https://ccgw-harness.invalid/openapi.json';

let doc: OpenApiDocument;
beforeAll(async () => {
  doc = await loadOpenApiDocument(OPENAPI_PATH);
});

function compile(dispatch: boolean, name: string): (data: unknown) => boolean {
  const ajv = validatorAjv(false);
  ajv.addSchema(toJsonSchemaDocument(doc, { dispatch }));
  return ajv.getSchema(`${ID}#/$defs/${name}`)! as (data: unknown) => boolean;
}

const LISTED = ['AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook', 'AgentOther_PhoneRelease', 'AgentState_Busy', 'AgentState_Ready', 'AgentState_Work', 'AgentState_SetNotReady_Success', 'AgentOther_InService', 'AgentOther_ShutdownService', 'AgentEvent_Talking', 'AgentEvent_Call_Release', 'AgentOther_BeQcStart', 'AgentOther_BeQcStop', 'QC_AgentState_Notify'];

/** Events near and far from the contract: listed and unlisted types, good and bad content, odd values anywhere. */
const eventLike = fc.oneof(
  { weight: 6, arbitrary: fc.record(
    {
      eventType: fc.oneof(fc.constantFrom(...LISTED), fc.constantFrom('Other_Event', 'bad type', ''), fc.integer()),
      workNo: fc.oneof({ weight: 4, arbitrary: fc.constant('30101') }, fc.constantFrom('0', 'x'), fc.integer()),
      content: fc.oneof(
        fc.constant(null),
        fc.record({ qcType: fc.constantFrom(8, 9, 7, '9'), qcAgentId: fc.constantFrom(30101, 0, 'a') }, { requiredKeys: [] }),
        fc.record({ phoneState: fc.constantFrom(2, 3, 4) }, { requiredKeys: [] }),
        fc.record({ reason: fc.constantFrom('3', 'x'), type: fc.constantFrom('main', 'other', 1) }, { requiredKeys: [] }),
        fc.constantFrom('callid-1', 5, true),
      ),
      eventGenTime: fc.oneof(fc.nat(), fc.constantFrom('1796541687910', '-1', -5, 1.5)),
    },
    { requiredKeys: ['eventType', 'workNo'] },
  ) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

describe('tagged unions in the generated validators', () => {
  it('finds AgentEvent: a union tagged by eventType with UnlistedEvent as the catch-all', () => {
    const defs = toJsonSchemaDocument(doc, { dispatch: false })['$defs'] as Record<string, JsonSchema>;
    const union = taggedUnionOf(defs, defs['AgentEvent']!);
    expect(union?.tag).toBe('eventType');
    expect(union?.tagged.map((t) => t.value)).toEqual(LISTED);
    expect(union?.rest).toEqual({ $ref: '#/$defs/UnlistedEvent' });
  });

  it('leaves alone an anyOf that is not a tagged union (no common const, a catch-all that lets a tag through, other keywords)', () => {
    const defs: Record<string, JsonSchema> = {
      A: { type: 'object', required: ['t'], properties: { t: { const: 'a' } } },
      B: { type: 'object', required: ['t'], properties: { t: { const: 'b' } } },
      Loose: { type: 'object', required: ['t'], properties: { t: { not: { enum: ['a'] } } } },
      Plain: { type: 'string' },
      NotUnion: { anyOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/Plain' }] },
      LeaksB: { anyOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }, { $ref: '#/$defs/Loose' }] },
      Typed: { type: 'object', anyOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }] },
      Union: { description: 'd', anyOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }] },
    };
    const out = dispatchTaggedUnions(defs);
    for (const name of ['NotUnion', 'LeaksB', 'Typed']) expect(out[name]).toBe(defs[name]);
    expect(out['Union']).toMatchObject({ description: 'd', if: { properties: { t: { enum: ['a', 'b'] } } }, else: false });
  });

  it('gives every event and poll answer the verdict the anyOf as written gives', () => {
    const pairs = ['AgentEvent', 'AgentEventResponse'].map((name) => ({ name, written: compile(false, name), dispatched: compile(true, name) }));
    const answer = (event: unknown) => ({ message: '', retcode: '0', event });
    let valid = 0;
    fc.assert(
      fc.property(eventLike, (event) => {
        const [e, r] = pairs as [(typeof pairs)[0], (typeof pairs)[0]];
        expect(e.dispatched(event), `AgentEvent ${JSON.stringify(event)}`).toBe(e.written(event));
        expect(r.dispatched(answer(event)), `poll answer with ${JSON.stringify(event)}`).toBe(r.written(answer(event)));
        if (e.written(event)) valid++;
      }),
      { numRuns: 3000, seed: 14 },
    );
    expect(valid).toBeGreaterThan(150); // the runs met valid events as well as invalid ones
  });
});
