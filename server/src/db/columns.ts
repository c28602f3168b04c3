import type { ValueTransformer } from 'typeorm';

/** mysql2 returns BIGINT as a string; fen amounts fit in a JS safe integer, so read them as numbers. */
export const bigintNumber: ValueTransformer = {
  to: (v: unknown) => v,
  from: (v: unknown) => (v === null || v === undefined ? v : Number(v)),
};

/** Microsecond timestamps: DATETIME(6) matches TypeORM's CURRENT_TIMESTAMP(6) defaults (MySQL 8 requires equal precision). */
export const TIMESTAMP = { type: 'datetime', precision: 6 } as const;
