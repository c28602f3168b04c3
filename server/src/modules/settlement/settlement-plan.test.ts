/**
 * planSplit without a database: every S3, S5, S7 and E7 branch of the split, and what S12 records.
 */
import type { PolicyRules } from '@gongji/shared';
import { describe, expect, it } from 'vitest';
import { baselineRules } from '../../seed/reference';
import type { PolicyVersion } from '../policy/policy.entity';
import { planSplit, type GiverFacts, type SplitFacts } from './settlement-plan';

const versions = new Map<string, PolicyVersion>();
let nextId = 100;
function policy(province: string, change: Partial<PolicyRules> = {}): PolicyVersion {
  const v = { id: nextId++, provinceCode: province, version: 1, effectiveFrom: '2024-01-01', rules: { ...baselineRules(province), ...change } } as PolicyVersion;
  versions.set(province, v);
  return v;
}
const policyOf = (p: string) => {
  const v = versions.get(p);
  if (!v) throw new Error(`no policy for ${p}`);
  return v;
};

// Guangdong (44): intra-province sharing on, cross-province off. Beijing (11) and Shanxi (14): cross on.
const GD = policy('44', { intraProvinceSharing: true, crossProvinceSharing: false });
const BJ = policy('11', { intraProvinceSharing: true, crossProvinceSharing: true });
const SX = policy('14', { intraProvinceSharing: false, crossProvinceSharing: true });

function giver(id: number, over: Partial<GiverFacts> = {}): GiverFacts {
  return {
    bindingId: 1000 + id,
    giverId: id,
    reservedFen: 0,
    singleLimitFen: null,
    giverStatus: 'ACTIVE',
    giverScheme: 'EMPLOYEE',
    giverProvince: '44',
    giverRegion: '440300',
    account: { id: 500 + id, balanceFen: 50_000, reservedFen: 0 },
    ...over,
  };
}

function facts(over: Partial<SplitFacts> = {}): SplitFacts {
  return {
    patient: { id: 1, status: 'ACTIVE', scheme: 'EMPLOYEE', provinceCode: '44', insuredRegion: '440300', offsiteAccountPermission: false },
    category: 'OUTPATIENT',
    selfPayFen: 10_000,
    placeRegion: '440300',
    acctUsedFlag: true,
    ownAccount: { id: 501, balanceFen: 3_000, reservedFen: 0 },
    givers: [],
    ...over,
  };
}

const amounts = (plan: ReturnType<typeof planSplit>) => plan.payments.map((p) => [p.accountId, p.bindingId, p.amountFen, p.fromReserveFen, p.balanceAfterFen]);

describe('planSplit (S3)', () => {
  it('S3: own account first, then givers by the order given (priority), capped by single limits; cash for the rest', () => {
    const plan = planSplit(facts({ selfPayFen: 60_000, givers: [giver(2, { singleLimitFen: 4_000 }), giver(3)] }), policyOf);
    expect(amounts(plan)).toEqual([
      [501, null, 3_000, 0, 0],
      [502, 1002, 4_000, 0, 46_000],
      [503, 1003, 50_000, 0, 0],
    ]);
    expect([plan.acctPayFen, plan.mulaidPayFen, plan.cashFen]).toEqual([3_000, 54_000, 3_000]);
    expect(plan.acctPayFen + plan.mulaidPayFen + plan.cashFen).toBe(60_000);
  });

  it('S3: the own account is skipped without acctUsedFlag, when the patient is not ACTIVE, or when it has no available money', () => {
    expect(planSplit(facts({ acctUsedFlag: false, ownAccount: null }), policyOf).cashFen).toBe(10_000);
    expect(planSplit(facts({ patient: { ...facts().patient, status: 'SUSPENDED' } }), policyOf).acctPayFen).toBe(0);
    const reservedAway = planSplit(facts({ ownAccount: { id: 501, balanceFen: 3_000, reservedFen: 3_000 } }), policyOf);
    expect([reservedAway.acctPayFen, reservedAway.cashFen]).toEqual([0, 10_000]);
  });

  it('S3/S4: a giver pays at most its balance minus what is reserved for other bindings, drawing its own reservation first', () => {
    const g = giver(2, { reservedFen: 1_000, account: { id: 502, balanceFen: 10_000, reservedFen: 7_000 } });
    const plan = planSplit(facts({ ownAccount: null, selfPayFen: 9_000, givers: [g] }), policyOf);
    // available: 10,000 − (7,000 − 1,000) = 4,000; 1,000 of it from this binding's reservation
    expect(amounts(plan)).toEqual([[502, 1002, 4_000, 1_000, 6_000]]);
    expect(plan.cashFen).toBe(5_000);
  });

  it('S3: one giver backing two bindings is never counted twice', () => {
    const shared = { id: 502, balanceFen: 5_000, reservedFen: 0 };
    const plan = planSplit(facts({ ownAccount: null, selfPayFen: 9_000, givers: [giver(2, { account: shared }), giver(2, { bindingId: 2002, account: shared })] }), policyOf);
    expect(plan.mulaidPayFen).toBe(5_000);
    expect(plan.cashFen).toBe(4_000);
  });

  it('S3/E10: a giver that is not an ACTIVE EMPLOYEE member with an account is skipped with a reason', () => {
    const plan = planSplit(
      facts({ ownAccount: null, givers: [giver(2, { giverStatus: 'DECEASED' }), giver(3, { giverScheme: 'RESIDENT' }), giver(4, { account: null }), giver(5, { account: { id: 505, balanceFen: 0, reservedFen: 0 } })] }),
      policyOf,
    );
    expect(plan.payments).toEqual([]);
    expect(plan.skipped.map((s) => s.bindingId)).toEqual([1002, 1003, 1004, 1005]);
    expect(plan.skipped[3].reason).toBe('nothing available');
    expect(plan.cashFen).toBe(10_000);
  });

  it('S3: a zero self-pay part pays nothing from anyone', () => {
    const plan = planSplit(facts({ selfPayFen: 0, givers: [giver(2)] }), policyOf);
    expect([plan.payments.length, plan.cashFen]).toEqual([0, 0]);
  });
});

describe('planSplit (S5)', () => {
  it('S5: a category the payer’s policy does not allow is not paid from that account', () => {
    policy('54', { allowedCategories: ['OUTPATIENT', 'PHARMACY'], intraProvinceSharing: true });
    const plan = planSplit(
      facts({
        category: 'VACCINE',
        patient: { ...facts().patient, provinceCode: '54', insuredRegion: '540100' },
        placeRegion: '540100',
        givers: [giver(2, { giverProvince: '54', giverRegion: '540100' })],
      }),
      policyOf,
    );
    expect(plan.payments).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('VACCINE'), expect.stringContaining('VACCINE')]);
  });

  it('S5: commercial health insurance only while the payer’s balance reaches the policy minimum', () => {
    const min = GD.rules.commercialInsuranceMinBalanceFen!;
    expect(min).toBeGreaterThan(0);
    const poor = planSplit(facts({ category: 'COMMERCIAL_HEALTH_INSURANCE', ownAccount: { id: 501, balanceFen: min - 1, reservedFen: 0 } }), policyOf);
    expect(poor.acctPayFen).toBe(0);
    const rich = planSplit(facts({ category: 'COMMERCIAL_HEALTH_INSURANCE', ownAccount: { id: 501, balanceFen: min, reservedFen: 0 } }), policyOf);
    expect(rich.acctPayFen).toBe(10_000);
  });
});

describe('planSplit (S7, E7, S12)', () => {
  it('S7: off-site treatment without 个账支付权限 pays everything in cash; with it, accounts pay', () => {
    const off = planSplit(facts({ placeRegion: '440100', givers: [giver(2)] }), policyOf);
    expect([off.payments.length, off.cashFen]).toEqual([0, 10_000]);
    expect(off.skipped[0].reason).toContain('S7');
    const allowed = planSplit(facts({ placeRegion: '440100', patient: { ...facts().patient, offsiteAccountPermission: true }, givers: [giver(2)] }), policyOf);
    expect([allowed.acctPayFen, allowed.mulaidPayFen, allowed.cashFen]).toEqual([3_000, 7_000, 0]);
  });

  it('E7: another pooling region of the same province pays only when the province enables intra-province sharing', () => {
    expect(planSplit(facts({ ownAccount: null, givers: [giver(2, { giverRegion: '440100' })] }), policyOf).mulaidPayFen).toBe(10_000);
    const sx = planSplit(
      facts({ ownAccount: null, patient: { ...facts().patient, provinceCode: '14', insuredRegion: '140100' }, placeRegion: '140100', givers: [giver(2, { giverProvince: '14', giverRegion: '140200' })] }),
      policyOf,
    );
    expect(sx.mulaidPayFen).toBe(0);
    expect(sx.skipped[0].reason).toContain('intra-province');
  });

  it('E7: a giver in another province pays only when both provinces enable cross-province sharing', () => {
    const bjPatient = { ...facts().patient, provinceCode: '11', insuredRegion: '110000' };
    const both = planSplit(facts({ ownAccount: null, patient: bjPatient, placeRegion: '110000', givers: [giver(2, { giverProvince: '14', giverRegion: '140100' })] }), policyOf);
    expect(both.mulaidPayFen).toBe(10_000);
    const oneOff = planSplit(facts({ ownAccount: null, givers: [giver(2, { giverProvince: '14', giverRegion: '140100' })] }), policyOf);
    expect(oneOff.mulaidPayFen).toBe(0);
    expect(oneOff.skipped[0].reason).toContain('cross-province');
  });

  it('S12: every version that decided is recorded once — the patient’s, each giver’s, and the E7 sides', () => {
    const bjPatient = { ...facts().patient, provinceCode: '11', insuredRegion: '110000' };
    const plan = planSplit(
      facts({ patient: bjPatient, placeRegion: '110000', givers: [giver(2, { giverProvince: '14', giverRegion: '140100' }), giver(3, { giverProvince: '11', giverRegion: '110000' })], selfPayFen: 200_000 }),
      policyOf,
    );
    expect(plan.policyVersions).toEqual([
      { role: 'PATIENT', memberId: 1, provinceCode: '11', policyVersionId: BJ.id },
      { role: 'GIVER', memberId: 2, provinceCode: '14', policyVersionId: SX.id },
      { role: 'GIVER', memberId: 3, provinceCode: '11', policyVersionId: BJ.id },
    ]);
  });
});

// W4: the patient's 医保钱包 pays after the own account and before mutual-aid givers.
const XZ = policy('54', { intraProvinceSharing: true }); // Tibet: VACCINE not allowed
const GX_NO_WALLET = policy('45', { intraProvinceSharing: true, wallet: { ...baselineRules('45').wallet, enabled: false } });

describe('planSplit with a 医保钱包 (W4)', () => {
  const wallet = { id: 77, balanceFen: 4_000 };

  it('W4: the wallet pays after the own account and before the givers; acct_pay counts both, walletPayFen the wallet part', () => {
    const plan = planSplit(facts({ selfPayFen: 10_000, wallet, givers: [giver(2)] }), policyOf);
    expect(amounts(plan)).toEqual([
      [501, null, 3_000, 0, 0],
      [502, 1002, 3_000, 0, 47_000],
    ]);
    expect(plan.walletPayment).toEqual({ walletId: 77, amountFen: 4_000, balanceAfterFen: 0 });
    expect([plan.acctPayFen, plan.walletPayFen, plan.mulaidPayFen, plan.cashFen]).toEqual([7_000, 4_000, 3_000, 0]);
  });

  it('W4: a wallet that covers the rest leaves the givers untouched; only what is needed is taken', () => {
    const plan = planSplit(facts({ selfPayFen: 5_000, wallet, givers: [giver(2)] }), policyOf);
    expect(plan.walletPayment).toEqual({ walletId: 77, amountFen: 2_000, balanceAfterFen: 2_000 });
    expect(plan.mulaidPayFen).toBe(0);
    expect(plan.payments.map((p) => p.bindingId)).toEqual([null]);
  });

  it('W4: a RESIDENT patient (no own account) pays from the wallet first', () => {
    const patient = { ...facts().patient, scheme: 'RESIDENT' };
    const plan = planSplit(facts({ patient, ownAccount: null, wallet, givers: [giver(2)] }), policyOf);
    expect(plan.walletPayFen).toBe(4_000);
    expect(plan.mulaidPayFen).toBe(6_000);
  });

  it('W4: a category the patient’s policy does not allow is not paid from the wallet (the givers’ policies still decide theirs)', () => {
    const patient = { ...facts().patient, provinceCode: '54', insuredRegion: '540100' };
    const plan = planSplit(
      facts({ patient, placeRegion: '540100', category: 'VACCINE', ownAccount: null, wallet, givers: [giver(2, { giverProvince: '54', giverRegion: '540100' })] }),
      policyOf,
    );
    expect(plan.walletPayment).toBeNull();
    expect(plan.walletPayFen).toBe(0);
    expect(plan.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('VACCINE'), expect.stringContaining('VACCINE')]);
    expect(plan.cashFen).toBe(10_000);
    expect(XZ.rules.allowedCategories).not.toContain('VACCINE');
  });

  it('W4: an empty wallet is skipped, not failed; the givers pay', () => {
    const plan = planSplit(facts({ wallet: { id: 77, balanceFen: 0 }, givers: [giver(2)] }), policyOf);
    expect(plan.walletPayment).toBeNull();
    expect(plan.skipped).toEqual([{ bindingId: null, reason: 'W4: wallet empty' }]);
    expect([plan.acctPayFen, plan.mulaidPayFen, plan.cashFen]).toEqual([3_000, 7_000, 0]);
  });

  it('W4: a patient policy with wallets disabled does not pay from the wallet', () => {
    const patient = { ...facts().patient, provinceCode: '45', insuredRegion: '450100' };
    const plan = planSplit(facts({ patient, placeRegion: '450100', wallet, ownAccount: null }), policyOf);
    expect(GX_NO_WALLET.rules.wallet.enabled).toBe(false);
    expect(plan.walletPayment).toBeNull();
    expect(plan.skipped[0].reason).toContain('wallets disabled');
    expect(plan.cashFen).toBe(10_000);
  });

  it('W4: the wallet is not used when the patient did not ask to use accounts, nor off-site without 个账支付权限 (S7)', () => {
    const off = planSplit(facts({ acctUsedFlag: false, wallet }), policyOf);
    expect(off.walletPayment).toBeNull();
    expect(off.skipped.map((s) => s.reason)).toContain('W4: wallet not used (acctUsedFlag off)');
    const offsite = planSplit(facts({ placeRegion: '440100', wallet }), policyOf);
    expect(offsite.walletPayment).toBeNull();
    expect(offsite.cashFen).toBe(10_000);
  });
});
