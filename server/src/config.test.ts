import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gongji-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration for several API nodes', () => {
  it('production on MySQL refuses to start without the shared GONGJI_SECRET', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'mysql://u@db/gongji', GONGJI_DATA_DIR: dir };
    expect(() => loadConfig(env)).toThrow(/GONGJI_SECRET must be set/);
    expect(loadConfig({ ...env, GONGJI_SECRET: 'shared-secret' }).secret).toBe('shared-secret');
  });

  it('development and SQLite generate a per-installation secret once; metrics stay off without a token', () => {
    const a = loadConfig({ GONGJI_DATA_DIR: dir });
    expect(a.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ GONGJI_DATA_DIR: dir }).secret).toBe(a.secret);
    expect(a.metricsToken).toBeNull();
    expect(loadConfig({ GONGJI_DATA_DIR: dir, GONGJI_METRICS_TOKEN: 't0ken' }).metricsToken).toBe('t0ken');
  });

  it('rate limits per caller kind come from GONGJI_RATE_LIMIT_<KIND> (0: none); anything else refuses to start', () => {
    expect(loadConfig({ GONGJI_DATA_DIR: dir }).rateLimits).toEqual({});
    expect(loadConfig({ GONGJI_DATA_DIR: dir, GONGJI_RATE_LIMIT_STAFF: '12000', GONGJI_RATE_LIMIT_ANONYMOUS: '0' }).rateLimits).toEqual({ staff: 12000, anonymous: 0 });
    expect(() => loadConfig({ GONGJI_DATA_DIR: dir, GONGJI_RATE_LIMIT_MEMBER: '1e3' })).toThrow(/GONGJI_RATE_LIMIT_MEMBER must be a whole number/);
    expect(() => loadConfig({ GONGJI_DATA_DIR: dir, GONGJI_RATE_LIMIT_INSTITUTION: '-5' })).toThrow(/whole number/);
  });

  it('export slots come from GONGJI_EXPORTS_PER_USER and GONGJI_EXPORTS_PER_NODE (2 and 4); zero or a non-number refuses to start', () => {
    expect(loadConfig({ GONGJI_DATA_DIR: dir }).exports).toEqual({ perUser: 2, perNode: 4 });
    expect(loadConfig({ GONGJI_DATA_DIR: dir, GONGJI_EXPORTS_PER_USER: '1', GONGJI_EXPORTS_PER_NODE: '16' }).exports).toEqual({ perUser: 1, perNode: 16 });
    expect(() => loadConfig({ GONGJI_DATA_DIR: dir, GONGJI_EXPORTS_PER_USER: '0' })).toThrow(/GONGJI_EXPORTS_PER_USER must be a whole number of at least 1/);
    expect(() => loadConfig({ GONGJI_DATA_DIR: dir, GONGJI_EXPORTS_PER_NODE: 'many' })).toThrow(/GONGJI_EXPORTS_PER_NODE/);
  });
});
