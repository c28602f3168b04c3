import type { ValueTransformer } from 'typeorm';

/** mysql2 returns BIGINT as a string; fen amounts fit in a JS safe integer, so read them as numbers. */
export const bigintNumber: ValueTransformer = {
  to: (v: unknown) => v,
  from: (v: unknown) => (v === null || v === undefined ? v : Number(v)),
};

/** Millisecond timestamps on both databases. */
export const TIMESTAMP = { type: 'datetime', precision: 3 } as const;
