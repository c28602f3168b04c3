import { describe, expect, it } from 'vitest';
import { sortTransitions, type BindingTransition } from './transitions';

const t = (id: number, at: string): BindingTransition => ({ id, at, fromState: null, toState: 'PENDING', actorKind: 'SYSTEM', actorId: null, actorName: 'x', reason: '', rule: null });

describe('sortTransitions', () => {
  it('orders by time, then by id, without touching the input', () => {
    const input = [t(3, '2024-05-02T00:00:00Z'), t(2, '2024-05-01T00:00:00Z'), t(1, '2024-05-01T00:00:00Z')];
    expect(sortTransitions(input).map((x) => x.id)).toEqual([1, 2, 3]);
    expect(input.map((x) => x.id)).toEqual([3, 2, 1]);
  });
});
