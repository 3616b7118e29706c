import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.ts';

describe('RingBuffer', () => {
  it('behaves like a bounded array queue that drops the oldest (model-checked)', () => {
    const op = fc.oneof(fc.record({ push: fc.integer() }), fc.constant({ shift: true as const }), fc.record({ unshift: fc.integer() }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const ring = new RingBuffer<number>(capacity);
        const model: number[] = [];
        for (const o of ops) {
          if ('push' in o) {
            const dropped = ring.push(o.push);
            model.push(o.push);
            const modelDropped = model.length > capacity;
            if (modelDropped) model.shift();
            expect(dropped).toBe(modelDropped);
          } else if ('shift' in o) {
            expect(ring.shift()).toBe(model.shift());
          } else {
            ring.unshift(o.unshift);
            model.unshift(o.unshift);
            if (model.length > capacity) model.pop();
          }
          expect(ring.length).toBe(model.length);
          for (let i = -1; i <= model.length; i++) expect(ring.fromNewest(i)).toBe(i >= 0 ? model[model.length - 1 - i] : undefined);
        }
        const rest: number[] = [];
        while (ring.length) rest.push(ring.shift()!);
        expect(rest).toEqual(model);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a capacity below 1', () => {
    expect(() => new RingBuffer(0)).toThrow('ring buffer capacity 0 must be a positive integer');
  });
});
