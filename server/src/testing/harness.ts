/**
 * End-to-end test harness: a fresh database (SQLite in memory, or a new database on the MySQL/MariaDB
 * server named by DATABASE_URL), migrated and seeded with reference data and one account per role,
 * and the real HTTP server on a free port. Tests talk to it through GraphQL over HTTP.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@gongji/shared';
import { makeIdNumber, type Scheme } from '@gongji/shared';
import mysql from 'mysql2/promise';
import { startApp, type AppDeps, type RunningApp } from '../app';
import type { Config } from '../config';
import { runInContext, type RequestContext } from '../core/context';
import { openDataSource } from '../db/data-source';
import { OUTBOX_CONSUMERS } from '../modules/outbox/consumers';
import { OutboxWorker } from '../modules/outbox/outbox.worker';
import { Database } from '../db/database';
import type { Member } from '../modules/member/member.entity';
import { registerMember, type RegisterMemberInput } from '../modules/member/member.service';
import { DatabaseStorage } from '../modules/proof/proof-storage';
import { createChannelClient, createInstitution, createStaff, type StaffSeed } from '../seed/accounts';
import { seedReference } from '../seed/reference';
import { hashSecret } from '../core/passwords';

export const TEST_PASSWORD = 'test-password-1';
export const TEST_INSTITUTION_SECRET = 'test-inst-secret';
export const TEST_CHANNEL = { clientId: 'test-channel', secret: 'test-channel-secret' };

/** One account per role and scope: national, province 44 (广东), province 11 (北京), pooling region 440300 (深圳). */
export const TEST_STAFF: StaffSeed[] = [];
const ROLES: StaffRole[] = ['CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR'];
for (const role of ROLES) {
  const base = role.toLowerCase();
  const perms = role === 'CASEWORKER' || role === 'FRAUD_ANALYST' ? (['REVEAL_PII'] as const) : [];
  TEST_STAFF.push({ username: `${base}`, displayName: `${role} national`, roles: [role], scope: null, permissions: [...perms] });
  TEST_STAFF.push({ username: `${base}_44`, displayName: `${role} 44`, roles: [role], scope: '44', permissions: [...perms] });
  TEST_STAFF.push({ username: `${base}_11`, displayName: `${role} 11`, roles: [role], scope: '11', permissions: [...perms] });
  TEST_STAFF.push({ username: `${base}_440300`, displayName: `${role} 440300`, roles: [role], scope: '440300', permissions: [...perms] });
}
TEST_STAFF.push({ username: 'caseworker_nopii', displayName: 'no reveal', roles: ['CASEWORKER'], scope: null, permissions: [] });

export const TEST_INSTITUTIONS = [
  { code: 'H44030300001', name: '深圳市人民医院', kind: 'HOSPITAL' as const, regionCode: '440300' },
  { code: 'P44030300002', name: '深圳大药房', kind: 'PHARMACY' as const, regionCode: '440300' },
  { code: 'H11000000001', name: '北京协和医院', kind: 'HOSPITAL' as const, regionCode: '110000' },
  // S7: an institution settles only at its own pooling region, so off-site tests need one elsewhere.
  { code: 'H44010000001', name: '广州市第一人民医院', kind: 'HOSPITAL' as const, regionCode: '440100' },
  { code: 'H54010000001', name: '西藏自治区人民医院', kind: 'HOSPITAL' as const, regionCode: '540100' },
];

export interface GqlResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  status: number;
}

export interface TestServer {
  url: string;
  deps: AppDeps;
  db: Database;
  /** POST a GraphQL operation; `token` is sent as a bearer token. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error, and returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  staffToken(username: string): Promise<string>;
  memberToken(member: Pick<Member, 'idNumber' | 'name'>): Promise<string>;
  institutionToken(code?: string): Promise<string>;
  /** Run code as the system inside one transaction (fixtures and direct checks). */
  run<T>(fn: (ctx: RequestContext) => Promise<T>, now?: Date): Promise<T>;
  /** Hand every pending outbox event to the consumers now (the harness also does after each mutation). */
  drainOutbox(): Promise<number>;
  /** Register a member with a generated valid ID number. */
  member(opts?: MemberFixture): Promise<Member>;
  close(): Promise<void>;
}

export interface MemberFixture extends Partial<Omit<RegisterMemberInput, 'idNumber'>> {
  birthDate?: string;
  sex?: 'MALE' | 'FEMALE';
  /** The region code written into the ID number (defaults to insuredRegion). */
  idRegion?: string;
  idNumber?: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
let seq = 0;

export async function startTestServer(): Promise<TestServer> {
  const url = process.env.DATABASE_URL?.trim();
  let dbName: string | null = null;
  let databaseUrl: string | null = null;
  if (url && /^(mysql|mariadb):\/\//.test(url)) {
    const server = new URL(url.replace(/^mariadb:/, 'mysql:'));
    dbName = `gongji_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = await mysql.createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    server.pathname = `/${dbName}`;
    databaseUrl = server.toString();
  }
  const ds = await openDataSource({ databaseUrl, sqlitePath: ':memory:' });
  // Entities newer than the last migration are added here so work in progress can be tested; the
  // schema-sync test (src/db/schema-sync.test.ts) fails until a migration covers them.
  if ((await ds.driver.createSchemaBuilder().log()).upQueries.length > 0) await ds.synchronize();
  const db = new Database(ds);
  // No savepoints (docs/operations.md: MariaDB Galera without a binary log replicates what a
  // ROLLBACK TO SAVEPOINT undid). Any a test provokes — ours or TypeORM's for a nested transaction —
  // fails the file when its server closes.
  const savepoints: string[] = [];
  const logQuery = ds.logger.logQuery.bind(ds.logger);
  ds.logger.logQuery = (query, parameters, queryRunner) => {
    if (/^\s*(SAVEPOINT|ROLLBACK\s+TO|RELEASE\s+SAVEPOINT)\b/i.test(query)) savepoints.push(query.trim());
    return logQuery(query, parameters, queryRunner);
  };
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir: '/nonexistent',
    production: false,
    secret: randomBytes(32).toString('hex'),
    seedDemo: false,
    adminDist: null,
    staffTokenTtlMinutes: 60,
    maxUploadBytes: 1024 * 1024,
    outboxIntervalMs: 0,
  };
  const deps: AppDeps = { db, config, storage: new DatabaseStorage() };
  const staffHash = await hashSecret(TEST_PASSWORD);
  const instHash = await hashSecret(TEST_INSTITUTION_SECRET);
  await runInContext(deps, { kind: 'system', name: 'test-setup' }, async (ctx) => {
    await seedReference(ctx.em);
    for (const s of TEST_STAFF) await createStaff(ctx.em, s, TEST_PASSWORD, staffHash);
    for (const i of TEST_INSTITUTIONS) await createInstitution(ctx.em, i, instHash);
    await createChannelClient(ctx.em, TEST_CHANNEL.clientId, 'test channel', TEST_CHANNEL.secret);
  });
  const app: RunningApp = await startApp(deps, 0, '127.0.0.1');
  // No polling worker in tests: the outbox is drained after every mutation the tests send (and on
  // demand), so consumers' effects are there when the next assertion looks, deterministically.
  const outbox = new OutboxWorker(deps, OUTBOX_CONSUMERS, { gapWaitMs: 0 });
  // Concurrent requests share drains: a caller waits for the round in progress and one more round
  // after it (which sees its event), instead of every request queueing a round of its own.
  let current: Promise<unknown> = Promise.resolve();
  let next: Promise<number> | null = null;
  const drainOutbox = (): Promise<number> => {
    if (next) return next;
    const round: Promise<number> = current.then(() => {
      next = null;
      return outbox.drain();
    });
    next = round;
    current = round.catch(() => 0);
    return round;
  };
  const tokens = new Map<string, string>();

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<GqlResponse<T>> => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse<T>;
    if (/^\s*mutation\b/.test(query)) await drainOutbox();
    return { ...body, status: res.status };
  };
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T> => {
    const r = await gql<T>(query, variables, token);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
    return r.data as T;
  };
  const login = async (key: string, op: string, input: Record<string, unknown>) => {
    const cached = tokens.get(key);
    if (cached) return cached;
    const data = await ok<any>(`mutation($input: ${op[0].toUpperCase()}${op.slice(1)}Input!) { ${op === 'staffLogin' ? 'login' : op}(input: $input) { token } }`, { input });
    const token = data[op === 'staffLogin' ? 'login' : op].token as string;
    tokens.set(key, token);
    return token;
  };

  const run = <T>(fn: (ctx: RequestContext) => Promise<T>, now?: Date) => runInContext(deps, { kind: 'system', name: 'test' }, fn, now);

  return {
    url: app.url,
    deps,
    db,
    gql,
    ok,
    run,
    drainOutbox,
    staffToken: (username) => login(`staff:${username}`, 'staffLogin', { username, password: TEST_PASSWORD }),
    memberToken: (m) =>
      login(`member:${m.idNumber}`, 'memberChannelLogin', {
        clientId: TEST_CHANNEL.clientId,
        clientSecret: TEST_CHANNEL.secret,
        idNumber: m.idNumber,
        name: m.name,
      }),
    institutionToken: (code = TEST_INSTITUTIONS[0].code) => login(`inst:${code}`, 'institutionLogin', { code, secret: TEST_INSTITUTION_SECRET }),
    member: (opts: MemberFixture = {}) => {
      const n = seq++;
      const region = opts.insuredRegion ?? '440300';
      const birth = opts.birthDate ?? '1980-01-01';
      const sexDigit = opts.sex === 'FEMALE' ? 0 : opts.sex === 'MALE' ? 1 : n % 2;
      const idNumber = opts.idNumber ?? makeIdNumber(opts.idRegion ?? region, birth, (n % 499) * 2 + sexDigit);
      const name = opts.name ?? `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}${GIVEN[(n * 3 + 1) % GIVEN.length]}`;
      const scheme: Scheme = opts.scheme ?? 'EMPLOYEE';
      return run((ctx) =>
        registerMember(ctx, {
          ...opts,
          idNumber,
          name,
          scheme,
          insuredRegion: region,
          openingBalanceFen: opts.openingBalanceFen ?? (scheme === 'EMPLOYEE' ? 100_000 : 0),
        }),
      );
    },
    close: async () => {
      await app.close();
      await db.close();
      if (dbName && url) {
        const server = new URL(url.replace(/^mariadb:/, 'mysql:'));
        const admin = await mysql.createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
        await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
        await admin.end();
      }
      if (savepoints.length) throw new Error(`savepoints were used (never: docs/operations.md): ${[...new Set(savepoints)].join('; ')}`);
    },
  };
}
