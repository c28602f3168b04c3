/**
 * A new installation with GONGJI_SEED=none has reference data only. `pnpm provision` adds staff,
 * institutions and channel clients; `pnpm run import members` brings the registry. This walks that path
 * with the same functions the two commands call, on a fresh SQLite file, and then uses the bureau.
 */
import 'reflect-metadata';
import { makeIdNumber } from '@gongji/shared';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppDeps, type RunningApp } from '../app';
import { loadConfig } from '../config';
import { runInContext } from '../core/context';
import { openDataSource } from '../db/data-source';
import { Database } from '../db/database';
import { Member } from '../modules/member/member.entity';
import { MemoryStorage } from '../modules/proof/proof-storage';
import { importRegistryFile } from '../modules/registry/registry-import.service';
import { provisionChannelClient, provisionInstitution, provisionStaff } from './provision';
import { seedIfEmpty } from './seed';

const dir = mkdtempSync(path.join(tmpdir(), 'gongji-empty-'));
let deps: AppDeps;
let app: RunningApp;

beforeAll(async () => {
  const config = { ...loadConfig({ GONGJI_DATA_DIR: dir, GONGJI_SEED: 'none', GONGJI_SECRET: 'empty-install-test-secret' }), adminDist: null };
  const ds = await openDataSource({ databaseUrl: null, sqlitePath: path.join(dir, 'gongji.sqlite') });
  deps = { db: new Database(ds), config, storage: new MemoryStorage() };
});
afterAll(async () => {
  await app?.close();
  await deps?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('R1: an empty installation becomes a working bureau (GONGJI_SEED=none + provision + import)', () => {
  it('R1: reference data only, then staff, an institution, a channel and the registry; staff, members and the institution work', async () => {
    expect(await seedIfEmpty(deps)).toBe(true);
    expect(await runInContext(deps, null, (ctx) => ctx.em.count(Member))).toBe(0);

    const staff = await provisionStaff(deps, { username: 'cw_sz', displayName: '深圳经办', roles: ['CASEWORKER'], scope: '440300' });
    const inst = await provisionInstitution(deps, { code: 'H44030300099', name: '深圳某医院', kind: 'HOSPITAL', regionCode: '440300' });
    const channel = await provisionChannelClient(deps, 'sz-app', '深圳医保 App');

    const father = makeIdNumber('440305', '1958-02-02', 11);
    const daughter = makeIdNumber('440305', '1986-06-06', 22);
    const file = path.join(dir, 'members.csv');
    writeFileSync(file, ['身份证号,姓名,险种,参保地,是否退休,期初余额', `${father},陈父,职工,440300,是,3000.00`, `${daughter},陈女,职工,440300,否,800`].join('\n'));
    const job = await importRegistryFile(deps, { kind: 'system', name: 'registry-import' }, { kind: 'MEMBERS', file, dryRun: false });
    expect(job).toMatchObject({ status: 'COMPLETED', inserted: 2, rejected: 0 });

    app = await startApp(deps, 0, '127.0.0.1');
    const { login } = await gql(`mutation($i: StaffLoginInput!) { login(input: $i) { token mustChangePassword } }`, { i: { username: 'cw_sz', password: staff.password } });
    // A7: a provisioned account changes its generated password at first sign-in.
    expect(login.mustChangePassword).toBe(true);
    await gql(`mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }`, { c: staff.password, n: 'Shenzhen-caseworker-2026' }, login.token);
    const listed = await gql(`query { members { total items { scheme retired account { balanceFen } } } }`, {}, login.token);
    expect(listed.members.total).toBe(2);
    expect(listed.members.items.map((m: { account: { balanceFen: number } }) => m.account.balanceFen).sort()).toEqual([300_000, 80_000]);

    const { memberChannelLogin } = await gql(`mutation($i: MemberChannelLoginInput!) { memberChannelLogin(input: $i) { token } }`, {
      i: { clientId: 'sz-app', clientSecret: channel.secret, idNumber: father, name: '陈父' },
    });
    expect((await gql(`query { myProfile { retired insuredRegion } }`, {}, memberChannelLogin.token)).myProfile).toEqual({ retired: true, insuredRegion: '440300' });

    const { institutionLogin } = await gql(`mutation($i: InstitutionLoginInput!) { institutionLogin(input: $i) { token } }`, { i: { code: 'H44030300099', secret: inst.secret } });
    const settled = await gql(
      `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { acctPayFen cashFen } ... on RuleViolation { rule code message } } }`,
      {
        input: {
          serialNo: 'EMPTY-INSTALL-0001',
          patientIdNumber: father,
          credentialType: 'T02',
          credentialNo: father,
          category: 'OUTPATIENT',
          totalFen: 10_000,
          poolFen: 4_000,
          selfPayFen: 6_000,
          placeRegion: '440300',
          treatedAt: new Date(Date.now() - 60_000).toISOString(),
          acctUsedFlag: true,
        },
      },
      institutionLogin.token,
    );
    expect(settled.settle).toEqual({ __typename: 'Settlement', acctPayFen: 6_000, cashFen: 0 });
  });
});
