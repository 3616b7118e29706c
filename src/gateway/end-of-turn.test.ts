import { describe, expect, it } from 'vitest';
import { EndOfTurn } from './end-of-turn.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('EndOfTurn', () => {
  it('runs nothing during the turn, then every item of the turn in the order added', async () => {
    const ran: string[] = [];
    const turn = new EndOfTurn<string>((item) => ran.push(item));
    turn.add('a');
    turn.add('b');
    turn.add('c');
    expect(ran).toEqual([]);
    expect(turn.pending).toBe(3);
    await nextTurn();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(turn.pending).toBe(0);
  });

  it('runs an item added while the turn is being flushed in the same pass', async () => {
    const ran: string[] = [];
    const turn: EndOfTurn<string> = new EndOfTurn<string>((item) => {
      ran.push(item);
      if (item === 'first') turn.add('added by first');
    });
    turn.add('first');
    turn.add('second');
    await nextTurn();
    expect(ran).toEqual(['first', 'second', 'added by first']);
    expect(turn.pending).toBe(0);
  });

  it('starts a new batch in a later turn', async () => {
    const batches: string[][] = [];
    let current: string[] = [];
    const turn = new EndOfTurn<string>((item) => current.push(item));
    turn.add('x');
    await nextTurn();
    batches.push(current);
    current = [];
    turn.add('y');
    turn.add('z');
    await nextTurn();
    batches.push(current);
    expect(batches).toEqual([['x'], ['y', 'z']]);
  });
});
