import { describe, expect, it } from 'vitest';
import { getQueueFilter, pickNext, queueListFilter, reviewPath, setQueueFilter } from './queue';

describe('review queue', () => {
  it('filters pending items and adds the chosen region and relationship', () => {
    expect(queueListFilter('proofs', {})).toEqual({ reviewState: 'PENDING' });
    expect(queueListFilter('bindings', { region: '44', relationship: 'SPOUSE' })).toEqual({ state: 'PENDING', region: '44', relationship: 'SPOUSE' });
    expect(queueListFilter('proofs', { region: '', relationship: null })).toEqual({ reviewState: 'PENDING' });
  });

  it('remembers the narrowing in memory', () => {
    setQueueFilter({ region: '440300', relationship: '' });
    expect(getQueueFilter()).toEqual({ region: '440300', relationship: null });
    expect(queueListFilter('proofs')).toEqual({ reviewState: 'PENDING', region: '440300' });
    setQueueFilter({});
  });

  it('goes on to the oldest item that is neither the one just decided nor skipped', () => {
    const items = [{ id: 3 }, { id: 5 }, { id: 8 }];
    expect(pickNext(items, 3)?.id).toBe(5);
    expect(pickNext(items, '5')?.id).toBe(3);
    expect(pickNext(items, 3, new Set(['5']))?.id).toBe(8);
    expect(pickNext([{ id: 3 }], 3)).toBeNull();
    expect(reviewPath('proofs', 7)).toBe('/review/proofs/7');
  });
});
