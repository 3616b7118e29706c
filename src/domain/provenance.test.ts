import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_STATUS_PROVENANCE, IN_CALL_PROVENANCE } from './agent.ts';
import { IDS_2024, IDS_2025 } from './ids.ts';
import { OPERATION_RULES, OPERATION_SUCCESS } from './index.ts';
import { PROFILE_2024 } from './profiles.ts';
import { describeProvenance, documented, inferred, type Provenance } from './provenance.ts';
import { GATEWAY_TIMING } from './timing.ts';
import { CTI_STATUS_PROVENANCE } from './vdn-views.ts';

/** The documents of docs/sources/, normalised: lower case, markdown emphasis and code marks removed, spaces collapsed. */
const SOURCES_DIR = new URL('../../docs/sources/', import.meta.url);
const normalise = (s: string) => s.toLowerCase().replace(/[*`]/g, '').replace(/\s+/g, ' ').trim();
const corpus = normalise(readdirSync(SOURCES_DIR).map((f) => readFileSync(new URL(f, SOURCES_DIR), 'utf8')).join('\n'));

const provenances: Array<[string, Provenance]> = [
  ['ids 2024 range', IDS_2024.provenance],
  ['ids 2024 path pattern', IDS_2024.pathPatternProvenance],
  ['ids 2025 range', IDS_2025.provenance],
  ['gateway status values', GATEWAY_STATUS_PROVENANCE],
  ['in-call', IN_CALL_PROVENANCE],
  ['CTI state of a gateway status', CTI_STATUS_PROVENANCE],
  ...Object.entries(GATEWAY_TIMING).map(([k, v]): [string, Provenance] => [`timing ${k}`, v.provenance]),
  ...Object.entries(PROFILE_2024.answers).map(([k, v]): [string, Provenance] => [`profile answer ${k}`, v.provenance]),
  ...Object.entries(OPERATION_RULES).flatMap(([op, rules]) => rules.map((r): [string, Provenance] => [`rule ${op}.${r.id}`, r.provenance])),
  ...Object.entries(OPERATION_SUCCESS).map(([op, row]): [string, Provenance] => [`rule ${op}.ok`, row.provenance]),
];

describe('every documented rule quotes a sentence of docs/sources/', () => {
  for (const [name, p] of provenances) {
    if (p.kind !== 'documented') continue;
    it(`${name}: "${p.says}" (${p.source})`, () => {
      expect(corpus.includes(normalise(p.says)), `"${p.says}" is not in docs/sources/; quote the document exactly or mark the rule inferred`).toBe(true);
    });
  }

  it('a documented rule quotes a sentence that states it, not a bare list of retcodes', () => {
    for (const [name, p] of provenances) {
      if (p.kind === 'documented') expect(p.says, name).not.toMatch(/:\s*(?:[0-9]{3}-[0-9]{3}(?:,\s*|$))+$/);
    }
  });

  it('every inferred rule says why', () => {
    for (const [name, p] of provenances) if (p.kind === 'inferred') expect(p.reason.length, name).toBeGreaterThan(20);
  });
});

describe('describing a provenance', () => {
  it('quotes a documented rule with its source', () => {
    expect(describeProvenance(documented('EN/x', 'It says so.'))).toBe('documented in EN/x: "It says so."');
  });

  it('gives an inferred rule its reason, and its basis only when there is one', () => {
    expect(inferred('a reason')).toEqual({ kind: 'inferred', reason: 'a reason' });
    expect(inferred('a reason', 'EN/y')).toEqual({ kind: 'inferred', reason: 'a reason', basis: 'EN/y' });
    expect(describeProvenance(inferred('a reason'))).toBe('inferred: a reason');
    expect(describeProvenance(inferred('a reason', 'EN/y'))).toBe('inferred: a reason (see EN/y)');
  });
});
