/** Messages of the 应收未收 (C1, fees owed) screens: the member page's section and the closure page's fees (zh-CN first, English beside it). */
import type { Bi, BiTree } from './bi';

const b = (zh: string, en: string): Bi => ({ zh, en });

export const CHARGES_ENUMS = {
  chargeKind: { FRAUD_RECOVERY: b('追回欺诈款', 'Fraud recovery'), OTHER: b('其他应收', 'Other') },
  chargeState: { OPEN: b('未结清', 'Open'), PAID: b('已结清', 'Paid'), WAIVED: b('已减免', 'Waived') },
} satisfies Record<string, BiTree>;

export const CHARGES_LEDGER_CAUSES: BiTree = {
  FEE: b('应收款结算', 'Fee owed, settled'),
};

export const CHARGES_MESSAGES: BiTree = {
  title: b('应收未收', 'Fees owed'),
  explain: b(
    '个人账户欠医保基金的款项。账户注销、转移或提取时先行结算（按登记先后，余额不足的部分仍为未结清）。',
    'Amounts the personal account owes the fund. They are settled first when the account closes, transfers or pays a withdrawal (oldest first; what the balance cannot cover stays open).',
  ),
  none: b('没有应收款', 'Nothing owed'),
  record: b('登记应收', 'Record a charge'),
  waive: b('减免', 'Waive'),
  waive_title: b('减免应收款 #%{id}', 'Waive charge #%{id}'),
  kind: b('类别', 'Kind'),
  amount: b('金额（元）', 'Amount (yuan)'),
  paid: b('已结算', 'Paid'),
  unpaid: b('未结清', 'Unpaid'),
  state: b('状态', 'State'),
  reason: b('原因', 'Reason'),
  waive_reason: b('减免原因', 'Reason for waiving'),
  fraud_case: b('风险案件编号', 'Fraud case no.'),
  document: b('文书编号（可选）', 'Document reference (optional)'),
  created: b('登记', 'Recorded'),
  settled: b('结算/减免', 'Settled / waived'),
  closure: b('注销 #%{id}', 'Closure #%{id}'),
  done: b('已保存', 'Saved'),
  total_unpaid: b('未结清合计：%{amount}', 'Unpaid in total: %{amount}'),
  fees_paid: b('先行结算的应收款', 'Fees settled first'),
  fee_shortfall: b('余额不足、仍未结清', 'Still owed (balance short)'),
};

export const CHARGES_ERROR_CODES: BiTree = {
  CHARGE_AMOUNT_NOT_POSITIVE: b('应收金额必须大于 0', 'The amount owed must be more than 0'),
  CHARGE_MEMBER_CLOSED: b('该参保人个人账户已注销，不能再登记应收', 'The member’s account is closed; nothing more can be recorded'),
  CHARGE_NO_ACCOUNT: b('该参保人没有个人账户', 'The member has no personal account'),
  CHARGE_REASON_REQUIRED: b('须填写原因', 'A reason is required'),
  CHARGE_NEEDS_CONFIRMED_CASE: b('追回欺诈款须关联本人已确认的风险案件', 'A fraud recovery needs a confirmed case of this member'),
  CHARGE_NOT_OPEN: b('该应收款已结清或已减免', 'This charge is already paid or waived'),
};
