import type { AppDeps } from '../app';
import { runInContext } from '../core/context';
import { hashSecret } from '../core/passwords';
import { createChannelClient, createInstitution, createStaff, type StaffSeed } from './accounts';

export const DEMO_PASSWORD = 'gongji-demo-2026';
export const DEMO_INSTITUTION_SECRET = 'inst-demo-secret';
export const DEMO_CHANNEL = { clientId: 'member-app', secret: 'channel-demo-secret' };

export const DEMO_STAFF: StaffSeed[] = [
  { username: 'caseworker', displayName: '李审核（全国）', roles: ['CASEWORKER'], scope: null, permissions: ['REVEAL_PII'] },
  { username: 'caseworker_gd', displayName: '陈经办（广东）', roles: ['CASEWORKER'], scope: '44', permissions: ['REVEAL_PII'] },
  { username: 'analyst', displayName: '王分析（全国）', roles: ['FRAUD_ANALYST'], scope: null, permissions: ['REVEAL_PII'] },
  { username: 'admin', displayName: '赵政策（全国）', roles: ['REGIONAL_ADMIN'], scope: null },
  { username: 'admin_gd', displayName: '黄政策（广东）', roles: ['REGIONAL_ADMIN'], scope: '44' },
  { username: 'auditor', displayName: '孙审计（全国）', roles: ['AUDITOR'], scope: null },
];

/** Demo data: staff, institutions, the member channel (members, families and bindings are added by seedDemoPeople). */
export async function seedDemo(deps: AppDeps): Promise<void> {
  const staffHash = await hashSecret(DEMO_PASSWORD);
  const instHash = await hashSecret(DEMO_INSTITUTION_SECRET);
  await runInContext(deps, { kind: 'system', name: 'seed' }, async (ctx) => {
    for (const s of DEMO_STAFF) await createStaff(ctx.em, s, DEMO_PASSWORD, staffHash);
    await createInstitution(ctx.em, { code: 'H44030300001', name: '深圳市人民医院', kind: 'HOSPITAL', regionCode: '440300' }, instHash);
    await createChannelClient(ctx.em, DEMO_CHANNEL.clientId, '国家医保服务平台 App', DEMO_CHANNEL.secret);
  });
}
