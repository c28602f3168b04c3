/** W3 (staff view): a member's 医保钱包 and transfers, in scope, names masked (A3, A6). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core/context';
import { startTestServer, type TestServer } from '../../testing/harness';
import { AuditLog } from '../audit/audit.entity';
import { policyInForce } from '../policy/policy-lookup';
import { PolicyVersion } from '../policy/policy.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  // Tests run at any hour: no quiet period in province 44 here.
  await t.run(async (ctx) => {
    const on = beijingDate(new Date());
    const p = await policyInForce(ctx.em, '44', on);
    const [{ v }] = await ctx.em.query('SELECT MAX(version) AS v FROM policy_version WHERE province_code = ?', ['44']);
    await ctx.em.insert(PolicyVersion, {
      provinceCode: '44',
      version: Number(v) + 1,
      effectiveFrom: on,
      rules: { ...p.rules, wallet: { ...p.rules.wallet, quietFrom: '00:00', quietUntil: '00:00' } },
      note: 'test: no quiet hours',
      createdById: null,
      createdByName: 'test',
    });
  });
});
afterAll(async () => {
  await t?.close();
});

const SEND = `mutation($input: SendWalletTransferInput!) { sendWalletTransfer(input: $input) { __typename ... on WalletTransfer { id } ... on RuleViolation { code } } }`;
const ACCEPT = `mutation($id: Int!) { acceptWalletTransfer(id: $id) { __typename } }`;
const VIEW = `query($m: Int!, $d: String) { memberWallet(memberId: $m) { balanceFen entries { total items { cause amountFen balanceAfterFen } } }
  memberWalletTransfers(memberId: $m, direction: $d, sortField: "id", sortOrder: ASC) { total items { id senderId recipientId senderName recipientName amountFen state relationship } } }`;

describe('W3: staff see a member’s wallet transfers', () => {
  it('W3: a caseworker in scope sees the wallet, its ledger and both directions of transfers, names masked (A3)', async () => {
    const parent = await t.member({ insuredRegion: '440300', birthDate: '1960-05-05', openingBalanceFen: 300_000, name: '王大明' });
    const child = await t.member({ insuredRegion: '440300', birthDate: '1990-05-05', scheme: 'RESIDENT', name: '王小红' });
    const send = async (amountFen: number) =>
      (await t.ok(SEND, { input: { requestId: `st-${Math.random()}`, recipientIdNumber: child.idNumber, recipientName: child.name, relationship: 'CHILD', amountFen } }, await t.memberToken(parent)))
        .sendWalletTransfer;
    const a = await send(10_000);
    expect(a.__typename, JSON.stringify(a)).toBe('WalletTransfer');
    await send(2_500);
    await t.ok(ACCEPT, { id: a.id }, await t.memberToken(child));

    const cw = await t.staffToken('caseworker_440300');
    const auditsBefore = await t.run((ctx) => ctx.em.count(AuditLog));
    const childView = await t.ok(VIEW, { m: child.id }, cw);
    expect(childView.memberWallet).toEqual({ balanceFen: 10_000, entries: { total: 1, items: [{ cause: 'WALLET_ACCEPT', amountFen: 10_000, balanceAfterFen: 10_000 }] } });
    expect(childView.memberWalletTransfers.total).toBe(2);
    expect(childView.memberWalletTransfers.items.map((x: { state: string }) => x.state)).toEqual(['ACCEPTED', 'PENDING']);
    expect(childView.memberWalletTransfers.items[0]).toMatchObject({ senderName: '王**', recipientName: '王**', amountFen: 10_000, relationship: 'CHILD' });
    // Masked names only: looking is not a reveal, so nothing is audited.
    expect(await t.run((ctx) => ctx.em.count(AuditLog))).toBe(auditsBefore);

    const parentView = await t.ok(VIEW, { m: parent.id, d: 'RECEIVED' }, cw);
    expect(parentView.memberWallet).toBeNull();
    expect(parentView.memberWalletTransfers.total).toBe(0);
    expect((await t.ok(VIEW, { m: parent.id, d: 'SENT' }, await t.staffToken('auditor'))).memberWalletTransfers.total).toBe(2);
  });

  it('A1: out of scope it is not found; the member channel and regional admins cannot use the staff queries', async () => {
    const m = await t.member({ insuredRegion: '440300', birthDate: '1970-01-01' });
    const out = await t.gql(VIEW, { m: m.id }, await t.staffToken('caseworker_11'));
    expect(out.errors?.[0].extensions).toMatchObject({ rule: 'NOT_FOUND' });
    expect(out.errors?.[0].message).not.toContain(m.name);
    expect((await t.gql(VIEW, { m: m.id }, await t.staffToken('regional_admin'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(VIEW, { m: m.id }, await t.memberToken(m))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
