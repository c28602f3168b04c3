/**
 * The dashboard's own messages, written once with both languages side by side so the two
 * locales cannot drift apart. Domain enum labels come from @gongji/shared.
 */
import {
  BINDING_STATE_LABELS,
  CATEGORY_LABELS,
  DOC_TYPE_LABELS,
  MEMBER_STATUS_LABELS,
  RELATIONSHIP_LABELS,
  SCHEME_LABELS,
  POLICY_KNOBS,
  STAFF_ROLE_LABELS,
  type PolicyKnob,
} from '@gongji/shared';
import { AUDIT_MESSAGES } from './audit';
import { FRAUD_ENUMS, FRAUD_MESSAGES, FRAUD_RESOURCE_MESSAGES } from './fraud';
import { REGISTRY_ENUMS, REGISTRY_LEDGER_CAUSES, REGISTRY_MESSAGES, REGISTRY_RESOURCE_MESSAGES } from './registry';
import { SCREENS_ENUMS, SCREENS_ERROR_CODES, SCREENS_MESSAGES, SCREENS_RESOURCE_MESSAGES } from './screens';
import { CHARGES_ENUMS, CHARGES_ERROR_CODES, CHARGES_LEDGER_CAUSES, CHARGES_MESSAGES } from './charges';

export type Lang = 'zh' | 'en';
export interface Bi {
  zh: string;
  en: string;
}
export interface BiTree {
  [key: string]: Bi | BiTree;
}
export interface Messages {
  [key: string]: string | Messages;
}

const b = (zh: string, en: string): Bi => ({ zh, en });

function isBi(v: Bi | BiTree): v is Bi {
  return typeof (v as Bi).zh === 'string' && typeof (v as Bi).en === 'string' && Object.keys(v).length === 2;
}

/** Pick one language out of a bilingual tree. */
export function pickLang(tree: BiTree, lang: Lang): Messages {
  const out: Messages = {};
  for (const [k, v] of Object.entries(tree)) out[k] = isBi(v) ? v[lang] : pickLang(v, lang);
  return out;
}

/** `{ A: { zh, en } }` label tables from @gongji/shared are already bilingual trees. */
const enumOf = (labels: Record<string, Bi>): BiTree => ({ ...labels });

export const ENUMS = {
  relationship: enumOf(RELATIONSHIP_LABELS),
  scheme: enumOf(SCHEME_LABELS),
  memberStatus: enumOf(MEMBER_STATUS_LABELS),
  bindingState: enumOf(BINDING_STATE_LABELS),
  docType: enumOf(DOC_TYPE_LABELS),
  category: enumOf(CATEGORY_LABELS),
  staffRole: enumOf(STAFF_ROLE_LABELS),
  sex: { MALE: b('男', 'Male'), FEMALE: b('女', 'Female') },
  bindingKind: { MUTUAL_AID: b('家庭共济', 'Family mutual aid'), PROXY: b('亲情账户', 'Proxy (family account)') },
  initiator: { GIVER: b('共济人', 'Giver'), BENEFICIARY: b('被共济人', 'Beneficiary') },
  activationMode: {
    APPROVE_FIRST: b('先审后用', 'Approve first'),
    COMMIT_THEN_REVIEW: b('告知承诺制（先用后审）', 'Commit, then review'),
  },
  proofReviewState: { PENDING: b('待审核', 'Pending'), APPROVED: b('已通过', 'Approved'), REJECTED: b('已驳回', 'Rejected') },
  actorKind: { STAFF: b('工作人员', 'Staff'), MEMBER: b('参保人', 'Member'), INSTITUTION: b('定点机构', 'Institution'), SYSTEM: b('系统', 'System') },
  institutionKind: { HOSPITAL: b('定点医疗机构', 'Hospital'), PHARMACY: b('定点零售药店', 'Pharmacy') },
  staffPermission: { REVEAL_PII: b('查看完整个人信息', 'Reveal personal data') },
  ledgerDirection: { CREDIT: b('收入', 'In'), DEBIT: b('支出', 'Out') },
  ledgerCause: {
    OPENING_BALANCE: b('期初余额', 'Opening balance'),
    MONTHLY_CONTRIBUTION: b('按月划入', 'Monthly contribution'),
    RETIREE_CREDIT: b('退休人员定额划入', 'Retiree credit'),
    SETTLEMENT: b('医药费用结算', 'Settlement'),
    REVERSAL: b('结算冲正退回', 'Reversal'),
    RESIDENT_PREMIUM: b('代缴居民医保', 'Resident premium'),
    ADJUSTMENT: b('调整', 'Adjustment'),
    ...REGISTRY_LEDGER_CAUSES,
    ...CHARGES_LEDGER_CAUSES,
  },
  ...FRAUD_ENUMS,
  ...REGISTRY_ENUMS,
  ...SCREENS_ENUMS,
  ...CHARGES_ENUMS,
} satisfies Record<string, BiTree>;

export type EnumName = keyof typeof ENUMS;

const common = {
  id: b('编号', 'ID'),
  createdAt: b('创建时间', 'Created at'),
  updatedAt: b('更新时间', 'Updated at'),
};

export const RESOURCE_MESSAGES: BiTree = {
  ...FRAUD_RESOURCE_MESSAGES,
  ...REGISTRY_RESOURCE_MESSAGES,
  ...SCREENS_RESOURCE_MESSAGES,
  members: {
    name: b('参保人', 'Member |||| Members'),
    fields: {
      ...common,
      name: b('姓名', 'Name'),
      idNumber: b('身份证号', 'ID number'),
      phone: b('手机号', 'Phone'),
      sex: b('性别', 'Sex'),
      birthDate: b('出生日期', 'Date of birth'),
      birthYear: b('出生年份', 'Birth year'),
      age: b('年龄', 'Age'),
      scheme: b('参保险种', 'Scheme'),
      status: b('参保状态', 'Status'),
      suspendedUntil: b('暂停联网结算至', 'Suspended until'),
      insuredRegion: b('参保地', 'Insured region'),
      provinceCode: b('省份', 'Province'),
      region: b('地区', 'Region'),
      retired: b('退休', 'Retired'),
      offsiteAccountPermission: b('异地个账支付权限', 'Off-site account payments'),
      contributionBaseFen: b('月缴费基数', 'Monthly contribution base'),
      diedOn: b('死亡日期', 'Died on'),
      exitedOn: b('退出参保日期', 'Left insurance on'),
      account: {
        balanceFen: b('个人账户余额', 'Account balance'),
        reservedFen: b('共济额度', 'Reserved for mutual aid'),
      },
    },
  },
  bindings: {
    name: b('共济绑定', 'Binding |||| Bindings'),
    fields: {
      ...common,
      kind: b('类型', 'Kind'),
      giverId: b('共济人', 'Giver'),
      beneficiaryId: b('被共济人', 'Beneficiary'),
      memberId: b('参保人编号', 'Member ID'),
      relationship: b('关系（被共济人是共济人的）', "Relationship (beneficiary is the giver's)"),
      initiatedBy: b('发起方', 'Initiated by'),
      state: b('状态', 'State'),
      commitmentAcceptedAt: b('签署承诺书时间', 'Commitment accepted at'),
      confirmationRequired: b('需对方确认', 'Confirmation required'),
      confirmedAt: b('确认时间', 'Confirmed at'),
      activationMode: b('生效方式', 'Activation mode'),
      approved: b('已审核通过', 'Approved'),
      singleLimitFen: b('单笔限额', 'Single-payment limit'),
      priority: b('顺位', 'Priority'),
      reservedFen: b('共济额度', 'Reserved amount'),
      giverRegion: b('共济人参保地', "Giver's region"),
      beneficiaryRegion: b('被共济人参保地', "Beneficiary's region"),
      giverProvince: b('共济人省份', "Giver's province"),
      beneficiaryProvince: b('被共济人省份', "Beneficiary's province"),
      region: b('地区', 'Region'),
      policyVersionId: b('适用政策版本', 'Policy version'),
      activatedAt: b('生效时间', 'Activated at'),
      endedAt: b('结束时间', 'Ended at'),
      transitions: b('状态变更记录', 'State history'),
    },
  },
  proofs: {
    name: b('关系证明材料', 'Relationship proof |||| Relationship proofs'),
    fields: {
      ...common,
      createdAt: b('提交时间', 'Submitted at'),
      bindingId: b('共济绑定', 'Binding'),
      docType: b('材料类型', 'Document type'),
      fileName: b('文件名', 'File name'),
      mimeType: b('文件类型', 'File type'),
      sizeBytes: b('大小', 'Size'),
      sha256: b('SHA-256 校验值', 'SHA-256'),
      reviewState: b('审核状态', 'Review state'),
      reviewerName: b('审核人', 'Reviewer'),
      reviewedAt: b('审核时间', 'Reviewed at'),
      reviewReason: b('审核意见', 'Review note'),
      uploadedByMemberId: b('上传人（参保人编号）', 'Uploaded by (member)'),
      waiting: b('已等待', 'Waiting'),
    },
  },
  policies: {
    name: b('区域政策', 'Regional policy |||| Regional policies'),
    fields: {
      ...common,
      provinceCode: b('省份', 'Province'),
      version: b('版本号', 'Version'),
      effectiveFrom: b('生效日期', 'Effective from'),
      note: b('说明', 'Note'),
      createdByName: b('创建人', 'Created by'),
      rules: b('政策规则', 'Rules'),
    },
  },
  provinces: {
    name: b('省级单位', 'Province |||| Provinces'),
    fields: {
      code: b('编码', 'Code'),
      name: b('名称', 'Name'),
      shortName: b('简称', 'Short name'),
      nameEn: b('英文名称', 'English name'),
    },
  },
  institutions: {
    name: b('定点医药机构', 'Institution |||| Institutions'),
    fields: {
      ...common,
      code: b('机构编码', 'Code'),
      name: b('机构名称', 'Name'),
      kind: b('类型', 'Kind'),
      regionCode: b('所在统筹区', 'Region'),
      provinceCode: b('省份', 'Province'),
      region: b('地区', 'Region'),
      active: b('有效', 'Active'),
    },
  },
  auditLogs: {
    name: b('审计日志', 'Audit log |||| Audit log'),
    fields: {
      id: b('序号', 'ID'),
      at: b('时间', 'Time'),
      actorKind: b('操作方类型', 'Actor kind'),
      actorId: b('操作方编号', 'Actor ID'),
      actorName: b('操作人', 'Actor'),
      action: b('操作', 'Action'),
      entityType: b('对象类型', 'Entity type'),
      entityId: b('对象编号', 'Entity ID'),
      reason: b('理由', 'Reason'),
      detail: b('详情', 'Detail'),
      prevHash: b('前一条哈希', 'Previous hash'),
      hash: b('哈希', 'Hash'),
      from: b('起始日期', 'From'),
      to: b('截止日期', 'To'),
    },
  },
};

/**
 * Labels and help of every policy knob come from the knob catalogue (@gongji/shared policy-knobs.ts):
 * `gongji.policy.rules.<knob>` for top-level knobs, `gongji.policy.<fraud|wallet>.<knob>` for nested
 * ones (see resources/policies/knobs.ts), `gongji.policy.knob_help.<same path>` for help.
 */
function knobTree(pick: (k: PolicyKnob) => Bi | undefined, prefix?: string): BiTree {
  const out: BiTree = {};
  for (const k of POLICY_KNOBS) {
    const [head, tail] = k.key.split('.', 2);
    const bi = pick(k);
    if (!bi || (prefix ? head !== prefix || !tail : tail)) continue;
    out[tail ?? head] = bi;
  }
  return out;
}

const POLICY_RULE_LABELS: BiTree = {
  ...knobTree((k) => k.label),
  fraud: b('基金监管阈值', 'Fraud thresholds'),
  wallet: b('医保钱包', 'Medical-insurance wallet'),
};
const FRAUD_THRESHOLD_LABELS: BiTree = knobTree((k) => k.label, 'fraud');
const WALLET_LABELS: BiTree = knobTree((k) => k.label, 'wallet');
const KNOB_HELP: BiTree = { ...knobTree((k) => k.help), fraud: knobTree((k) => k.help, 'fraud'), wallet: knobTree((k) => k.help, 'wallet') };

export const GONGJI_MESSAGES: BiTree = {
  fraud: FRAUD_MESSAGES,
  ...REGISTRY_MESSAGES,
  screens: SCREENS_MESSAGES,
  charges: CHARGES_MESSAGES,
  app: {
    logout_expired: b('登录已超时（30 分钟无操作或账号状态变化），请重新登录', 'Your session ended (30 minutes without activity, or the account changed); please sign in again'),
    logout_revoked: b('您的登录已被撤销，请重新登录', 'Your session was revoked; please sign in again'),
    title: b('共济 · 家庭共济管理平台', 'Gongji · Family mutual aid administration'),
    short_title: b('共济', 'Gongji'),
    login_hint: b('医保经办工作人员登录', 'Medical-insurance bureau staff sign-in'),
  },
  enums: ENUMS,
  dashboard: {
    welcome: b('欢迎', 'Welcome'),
    greeting: b('%{name}，您好！', 'Hello, %{name}!'),
    roles: b('角色', 'Roles'),
    scope: b('管辖范围', 'Scope'),
    scope_chip: b('管辖范围：%{scope}', 'Scope: %{scope}'),
    permissions: b('附加权限', 'Extra permissions'),
    none: b('无', 'None'),
    national: b('全国', 'National'),
    no_roles: b('您的账号尚未分配角色，请联系管理员。', 'Your account has no role yet; please contact an administrator.'),
    shortcuts: b('常用功能', 'Shortcuts'),
    today: b('今日结算（%{date}，北京时间）', "Today's settlements (%{date}, Beijing time)"),
    kpi_count: b('结算笔数', 'Settlements'),
    kpi_self_pay: b('个人自付合计', 'Self-pay total'),
    kpi_acct: b('本人个人账户支付', 'Own account paid'),
    kpi_mulaid: b('家庭共济支付', 'Mutual aid paid'),
    kpi_mulaid_count: b('使用共济的笔数', 'Settlements using mutual aid'),
    kpi_cash: b('现金支付', 'Cash paid'),
    by_month: b('家庭共济支付金额与笔数（按月、按费用类别）', 'Mutual aid paid by month and category'),
    by_month_sub: b('%{from} 至 %{to}，合计 %{total}（已扣除冲正）', '%{from} to %{to}, total %{total} (net of reversals)'),
    by_province: b('家庭共济支付金额（按患者参保省份）', "Mutual aid paid by the patient's province"),
    by_province_sub: b('%{from} 至 %{to}，前 12 名', '%{from} to %{to}, top 12'),
    no_payments: b('此期间没有家庭共济支付', 'No mutual-aid payments in this period'),
    n_settlements: b('%{n} 笔', '%{n} settlements'),
    axis_yuan: b('金额（元）', 'Amount (yuan)'),
    axis_count: b('笔数', 'Count'),
    settlement_count: b('使用共济的结算笔数', 'Settlements using mutual aid'),
    queues: b('待审核事项及等待时间', 'Review queues by waiting time'),
    queue: { PROOFS: b('待审材料', 'Proofs'), BINDINGS: b('待审绑定', 'Bindings') },
    age: {
      under1Day: b('不足 1 天', '< 1 day'),
      days1to3: b('1–3 天', '1–3 days'),
      days3to7: b('3–7 天', '3–7 days'),
      days7to30: b('7–30 天', '7–30 days'),
      over30Days: b('30 天以上', '30+ days'),
    },
    oldest: b('最早一件已等待 %{days} 天', 'oldest waiting %{days} days'),
    open_review: b('进入审核工作台', 'Open the review desk'),
    sharing: b('各省家庭共济开通范围', 'How far each province shares'),
    open_map: b('查看跨省共济地图', 'Open the sharing map'),
  },
  reveal: {
    button: b('查看完整信息', 'Reveal'),
    title: b('查看完整个人信息', 'Reveal personal data'),
    explain: b(
      '完整的姓名、身份证号和手机号属于敏感个人信息。每次查看都会连同理由记入审计日志。',
      'The full name, ID number and phone are sensitive personal data. Every reveal is written to the audit log with its reason.',
    ),
    reason: b('查看理由', 'Reason'),
    reason_help: b('至少 4 个字，例如“核对绑定申请 #123 的关系证明”', 'At least 4 characters, e.g. "checking the proofs of binding #123"'),
    reason_too_short: b('理由至少 4 个字', 'The reason needs at least 4 characters'),
    confirm: b('确认查看', 'Reveal'),
    revealed: b('已显示完整信息（已记入审计日志），离开页面后自动隐藏', 'Revealed (audited); hidden again when you leave this page'),
    hide: b('隐藏', 'Hide'),
    masked: b('已脱敏', 'Masked'),
    clear_data: b('完整信息', 'Clear data'),
    no_permission: b('您没有查看完整个人信息的权限', 'You are not permitted to reveal personal data'),
  },
  export: {
    failed: b('导出失败，请稍后重试', 'The export failed; please try again'),
  },
  date: {
    invalid: b('日期不完整或无效，请按 年-月-日 输入', 'Incomplete or invalid date: enter year-month-day'),
    too_early: b('不能早于 %{date}', 'Must not be before %{date}'),
    too_late: b('不能晚于 %{date}', 'Must not be after %{date}'),
  },
  member_search: {
    label: b('参保人（姓名或身份证号）', 'Member (name or ID number)'),
    help: b('输入完整身份证号（18 位或 15 位）或姓名开头', 'The full ID number (18 or 15 digits) or the start of the name'),
  },
  member: {
    print: b('打印', 'Print'),
    id_search_help: b('完整身份证号（18 位或 15 位，查询记入审计日志）', 'The full ID number, 18 or 15 digits (the search is audited)'),
    name_search_help: b('姓名开头（查询记入审计日志）', 'The start of the name (the search is audited)'),
    personal: b('个人信息', 'Personal data'),
    insurance: b('参保信息', 'Insurance'),
    account: b('个人账户', 'Personal account'),
    no_account: b('无个人账户（非职工医保）', 'No personal account (not on the employee scheme)'),
    as_giver: b('作为共济人的绑定', 'Bindings as giver'),
    as_beneficiary: b('作为被共济人的绑定', 'Bindings as beneficiary'),
    age_years: b('%{age} 岁', '%{age} years'),
    statement: b('账户明细', 'Account statement'),
    family: b('家庭共济关系', 'Family mutual aid'),
    gives_to: b('为以下亲属支付（作为共济人）', 'Pays for (as giver)'),
    receives_from: b('由以下亲属支付（作为被共济人）', 'Paid for by (as beneficiary)'),
    no_statement: b('暂无账户明细', 'No entries yet'),
    st_at: b('时间', 'Time'),
    st_direction: b('收支', 'In/out'),
    st_cause: b('事项', 'Item'),
    st_amount: b('金额', 'Amount'),
    st_balance: b('余额', 'Balance after'),
    st_category: b('费用类别', 'Category'),
    st_counterpart: b('共济对方', 'Family member'),
    st_institution: b('定点机构', 'Institution'),
    st_settlement: b('结算单', 'Settlement'),
  },
  binding: {
    parties: b('绑定双方', 'Parties'),
    terms: b('额度与顺位', 'Limits and priority'),
    process: b('办理信息', 'Processing'),
    timeline: b('状态变更记录', 'State history'),
    no_transitions: b('暂无状态变更记录', 'No state changes recorded'),
    created: b('创建', 'Created'),
    by: b('操作人', 'By'),
    rule: b('触发规则', 'Rule'),
    consistency: b('身份信息与关系核验', 'ID data vs. relationship'),
    consistent: b('双方身份证信息与所报关系相符', 'The ID data of both people fits the stated relationship'),
    ages: b('共济人 %{giverAge} 岁，被共济人 %{beneficiaryAge} 岁', 'Giver %{giverAge}, beneficiary %{beneficiaryAge} years old'),
    proofs: b('关系证明材料', 'Relationship proofs'),
    no_limit: b('不限', 'No limit'),
  },
  proof: {
    open_file: b('查看材料', 'Open file'),
    open_failed: b('无法打开材料文件', 'Could not open the file'),
    queue_title: b('待审核关系证明（按提交时间先后）', 'Proof queue (oldest first)'),
    waiting_days: b('%{days} 天', '%{days} d'),
    waiting_today: b('今天', 'today'),
  },
  policy: {
    rules: POLICY_RULE_LABELS,
    fraud: FRAUD_THRESHOLD_LABELS,
    wallet: WALLET_LABELS,
    knob_help: KNOB_HELP,
    range: b('范围 %{range}', 'Range %{range}'),
    out_of_range: b('须在 %{range} 之间', 'Must be within %{range}'),
    invalid_value: b('格式不正确', 'Not a valid value'),
    hh_mm: b('格式为 时:分，例如 22:00', 'Format HH:MM, e.g. 22:00'),
    rule_of: b('规则 %{rule}', 'Rule %{rule}'),
    sharing: b('共济范围与办理', 'Sharing and processing'),
    limits: b('人数上限', 'Caps'),
    payments: b('支付范围与划入', 'Payments and credits'),
    no_cap: b('不限', 'No cap'),
    none: b('无需提供', 'None required'),
    rules_missing: b('此版本未返回政策规则', 'This version came without rules'),
    any_of: b('任选其一', 'any one of'),
    no_changes: b('两个版本的规则完全相同', 'The two versions have the same rules'),
    item: b('规则项', 'Rule'),
    before: b('原值', 'Before'),
    after: b('新值', 'After'),
    single_version: b('该省只有一个政策版本', 'This province has a single version'),
    compare_from: b('比较：旧版本', 'Compare: older version'),
    compare_to: b('新版本', 'newer version'),
    in_force_line: b('现行第 %{version} 版，%{date} 起生效', 'Version v%{version} in force since %{date}'),
    new_version: b('新建政策版本', 'New policy version'),
    read_only: b('只读（不在管辖范围内）', 'Read-only (outside your scope)'),
    history: b('版本历史', 'Version history'),
    in_force: b('现行', 'In force'),
    scheduled: b('待生效', 'Scheduled'),
    diff: b('版本对比', 'Compare versions'),
    current_rules: b('现行规则（第 %{version} 版）', 'Rules in force (v%{version})'),
    pick_province: b('请先从省级单位或地图中选择要调整政策的省份', 'Pick a province first (from the provinces list or the map)'),
    based_on: b('以 %{name} 最新的第 %{version} 版为基础修改；发布后生成新版本，原版本保留', "Starting from %{name}'s newest version v%{version}; publishing adds a new version and keeps the old one"),
    version_n: b('第 %{version} 版', 'v%{version}'),
    version_meta: b('版本信息', 'Version'),
    effective_help: b('今天或以后的日期（不能追溯修改）', 'Today or later (history is never rewritten)'),
    empty_no_cap: b('留空表示不限', 'Empty: no cap'),
    in_yuan: b('单位：元', 'In yuan'),
    mm_dd: b('格式为 月-日，例如 09-01', 'Format MM-DD, e.g. 09-01'),
    withdraw: b('撤回', 'Withdraw'),
    withdraw_title: b('撤回第 %{version} 版（原定 %{date} 生效）', 'Withdraw version %{version} (scheduled for %{date})'),
    withdraw_help: b('尚未生效的版本可以撤回；撤回后按原计划不再生效，其内容和撤回原因记入审计日志。', 'A version that has not taken effect can be withdrawn; its rules and the reason go to the audit log.'),
    withdraw_reason: b('撤回原因（必填）', 'Reason (required)'),
    withdrawn: b('第 %{version} 版已撤回', 'Version %{version} withdrawn'),
    based_on_scheduled: b('注意：第 %{version} 版已排定于 %{date} 生效，本次修改以它为基础，生效日期须晚于 %{date}', 'Note: version %{version} is scheduled for %{date}; this edit starts from it and must take effect after %{date}'),
    preview: b('预览变更并发布', 'Preview changes and publish'),
    confirm_title: b('确认发布：%{name} 第 %{version} 版之后的新版本', 'Publish: a new version after %{name} v%{version}'),
    confirm_line: b('生效日期 %{date}；共 %{count} 项变更。发布后不能修改，只能在生效前撤回。', 'Effective %{date}; %{count} change(s). Once published it cannot be edited, only withdrawn before it takes effect.'),
    confirm_publish: b('确认发布', 'Publish'),
    nothing_changed: b('与基础版本相比没有任何变更，无需发布', 'Nothing differs from the base version; nothing to publish'),
  },
  review: {
    menu: b('审核工作台', 'Review desk'),
    queue_title: b('审核工作台：待审材料与待审绑定（按提交时间先后）', 'Review desk: pending proofs and bindings (oldest first)'),
    title: b('审核', 'Review'),
    tab_proofs: b('待审关系证明', 'Pending proofs'),
    tab_bindings: b('待审绑定申请', 'Pending bindings'),
    region: b('地区', 'Region'),
    relationship: b('关系', 'Relationship'),
    start: b('从最早一件开始审核', 'Start with the oldest'),
    progress: b('办理进度', 'Progress'),
    needs_commitment: b('待签承诺书', 'awaiting commitment'),
    needs_confirmation: b('待对方确认', 'awaiting confirmation'),
    ready: b('可审核', 'ready for review'),
    document: b('证明材料', 'Document'),
    no_documents: b('该绑定尚未上传证明材料', 'No documents uploaded for this binding'),
    claim: b('申请的关系', 'Claimed relationship'),
    claim_line: b('被共济人是共济人的%{relationship}', "The beneficiary is the giver's %{relationship}"),
    not_needed: b('无需确认', 'not needed'),
    consistency: b('身份信息与关系核验（E5）', 'ID data vs. relationship (E5)'),
    no_consistency: b('无法核验（缺少一方的身份信息）', 'Cannot check (ID data of a party missing)'),
    inconsistent: b('身份信息与所报关系不符，请重点核查', 'The ID data does not fit the stated relationship; check carefully'),
    fact_sexes: b('共济人性别：%{giver}；被共济人性别：%{beneficiary}', 'Giver: %{giver}; beneficiary: %{beneficiary}'),
    fact_gap: b('年龄差（被共济人减共济人）：%{gap} 岁', 'Age gap (beneficiary minus giver): %{gap} years'),
    parties: b('双方参保登记信息', "Both members' registry data"),
    proof_ok: b('已有通过审核的材料', 'an approved proof is on file'),
    proof_missing: b('尚无通过审核的所需材料', 'no approved required proof yet'),
    decide_proof: b('审核此材料', 'Decide on this document'),
    decide_binding: b('审核此绑定申请', 'Decide on this binding'),
    reason: b('审核意见', 'Reason'),
    reason_help: b('驳回时必填（至少 2 个字），通过时可不填', 'Required to reject (2+ characters), optional to approve'),
    reason_help_binding: b('必填（至少 2 个字），将记入状态变更记录和审计日志', 'Required (2+ characters); recorded in the history and the audit log'),
    reason_required: b('请填写审核意见（至少 2 个字）', 'Please give a reason (at least 2 characters)'),
    approve: b('通过', 'Approve'),
    reject: b('驳回', 'Reject'),
    skip: b('跳过，看下一件', 'Skip to the next'),
    shortcuts: b('快捷键：Alt+A 通过 · Alt+J 驳回 · Alt+N 下一件', 'Keys: Alt+A approve · Alt+J reject · Alt+N next'),
    back_to_queue: b('返回列表', 'Back to the queue'),
    already_decided: b('此项已审核完毕', 'This item has already been decided'),
    read_only: b('只读：您的角色不能审核', 'Read-only: your role cannot decide'),
    approved: b('#%{id} 已通过，已打开下一件', '#%{id} approved; the next item is open'),
    rejected: b('#%{id} 已驳回，已打开下一件', '#%{id} rejected; the next item is open'),
    queue_empty: b('队列中已没有待审核的事项', 'Nothing left in the queue'),
    decided_now: b('本次已处理', 'Decided in this session'),
    proof_n: b('材料 #%{id}', 'Proof #%{id}'),
    binding_n: b('绑定 #%{id}', 'Binding #%{id}'),
  },
  policy_map: {
    menu: b('跨省共济地图', 'Sharing map'),
    title: b('家庭共济开通情况', 'Where family mutual aid may be shared'),
    summary: b('%{date} 起生效情况：%{cross}/%{total} 个省级单位已开通跨省共济', 'In force on %{date}: %{cross} of %{total} provincial units share across provinces'),
    level: {
      CROSS: b('已开通跨省共济', 'Cross-province'),
      INTRA: b('仅省内跨统筹区', 'Within the province'),
      LOCAL: b('仅统筹区内', 'Within the pooling region'),
    },
    status: b('共济范围', 'Sharing'),
    on: b('已开通', 'On'),
    off: b('未开通', 'Off'),
    version_in_force: b('现行版本', 'Version in force'),
    next: b('已排定的新版本生效日', 'Next scheduled version from'),
    open_policy: b('查看该省政策与版本历史', "Open the province's policy and history"),
    pick: b('点击地图上的省份查看其政策', 'Click a province on the map to see its policy'),
    turn_on_title: b('开通跨省共济（生成新的政策版本）', 'Turn cross-province sharing on (adds a policy version)'),
    turn_off_title: b('暂停跨省共济（生成新的政策版本）', 'Turn cross-province sharing off (adds a policy version)'),
    turn_on: b('开通跨省共济', 'Turn on'),
    turn_off: b('暂停跨省共济', 'Turn off'),
    note_help: b('可不填，默认写明开通/暂停', 'Optional; defaults to a standard note'),
    not_editable: b('该省不在您的管辖范围内，只能查看', 'This province is outside your scope: view only'),
    saved: b('已生成政策第 %{version} 版，%{date} 起生效', 'Policy version v%{version} added, in force from %{date}'),
  },
  audit: {
    ...AUDIT_MESSAGES,
    action_help: b('选择一类或一种操作', 'Pick a group or an action'),
    chain: b('哈希链', 'Hash chain'),
  },
  viewer: {
    zoom_in: b('放大（+）', 'Zoom in (+)'),
    zoom_out: b('缩小（−）', 'Zoom out (−)'),
    rotate: b('旋转 90°（R）', 'Rotate 90° (R)'),
    reset: b('还原（0）', 'Reset (0)'),
    full_screen: b('全屏（F）', 'Full screen (F)'),
  },
  reasons: {
    presets: b('常用意见', 'Common reasons'),
    unclear: b('材料照片不清晰，无法核对关系，请重新上传', 'The document is not legible; please upload it again'),
    mismatch: b('材料所载关系与申请不一致', 'The document does not show the stated relationship'),
    wrong_type: b('材料类型不符合当地政策要求', 'This type of document is not accepted by the local policy'),
    incomplete: b('材料不完整（缺页或缺少关键信息）', 'The document is incomplete (pages or key details missing)'),
    expired: b('材料已过期或已失效', 'The document has expired'),
    ok: b('材料清晰，关系核对一致', 'Legible; the relationship checks out'),
  },
  commands: {
    done: b('已完成：%{action}', 'Done: %{action}'),
    date: b('日期', 'Date'),
    reason: b('原因（必填，记入审计日志）', 'Reason (required; recorded in the audit log)'),
    suspend: b('暂停绑定', 'Suspend'),
    suspend_title: b('暂停此绑定（暂停期间不能用于结算）', 'Suspend this binding (it cannot pay while suspended)'),
    restore: b('恢复绑定', 'Restore'),
    restore_title: b('恢复此绑定', 'Restore this binding'),
    death: b('登记死亡', 'Record death'),
    death_title: b('登记参保人死亡（其全部绑定自动终止，L2）', "Record the member's death (all bindings end, L2)"),
    exit: b('登记退出参保', 'Record exit'),
    exit_title: b('登记参保人退出基本医保（其全部绑定自动终止，L2）', 'Record leaving basic insurance (all bindings end, L2)'),
    irreversible: b('此操作不可撤销，请核对后再提交。', 'This cannot be undone; check before submitting.'),
    chain_check: b('校验哈希链', 'Verify the hash chain'),
    chain_ok: b('哈希链完整：已校验 %{checked} 条记录，未发现改动或删除', 'Chain intact: %{checked} entries checked, nothing changed or deleted'),
    chain_broken: b('哈希链在第 %{id} 条处断开：该条或其前一条记录被改动或删除（已校验 %{checked} 条）', 'The chain breaks at entry %{id}: it or the one before was changed or deleted (%{checked} checked)'),
  },
  actors: {
    system: b('系统', 'System'),
    seed: b('系统初始数据', 'Initial data'),
    demo: b('演示数据', 'Demo data'),
    import: b('批量导入', 'Bulk import'),
    worker: b('后台任务', 'Background job'),
    fraud_consumer: b('风险监测（实时）', 'Fraud detection (live)'),
    fraud_scan: b('风险监测（批量扫描）', 'Fraud detection (batch scan)'),
    member_n: b('参保人 %{id}', 'Member %{id}'),
    institution_n: b('定点机构 %{id}', 'Institution %{id}'),
    staff_n: b('工作人员 %{id}', 'Staff %{id}'),
  },
  errors: {
    network: b('无法连接服务器，请检查网络', 'Cannot reach the server; check the network'),
    title: b('数据未能加载', 'The data could not be loaded'),
    retry: b('重试', 'Retry'),
    offline: b('当前处于离线状态，恢复网络后将自动重新加载', 'You are offline; the page reloads when the network is back'),
    record_title: b('无法显示此记录', 'This record cannot be shown'),
    stale_decision: b('此项已由其他人处理，页面已更新为最新状态', 'Someone else has already decided this item; the page now shows its current state'),
    /** Used when the server sent no message of its own (network, bare HTTP errors). */
    generic: {
      UNKNOWN: b('发生未知错误', 'An unknown error occurred'),
      NETWORK_ERROR: b('无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and retry'),
      HTTP_ERROR: b('服务器出错（HTTP %{status}），请稍后重试', 'Server error (HTTP %{status}); please retry later'),
      INTERNAL_SERVER_ERROR: b('服务器内部错误，请稍后重试', 'Internal server error; please retry later'),
      EMPTY_RESULT: b('服务器未返回结果', 'The server returned no result'),
      NOT_FOUND: b('记录不存在，或不在您的管辖范围内', 'The record does not exist or is outside your scope'),
      UNAUTHENTICATED: b('登录已失效，请重新登录', 'Your session has ended; please sign in again'),
      FORBIDDEN: b('您的角色无权执行此操作', 'Your role may not do this'),
      OUT_OF_SCOPE: b('该记录不在您的管辖范围内', 'This record is outside your scope'),
      CONFLICT_RETRY: b('数据刚被他人修改，请刷新后重试', 'The data was just changed by someone else; reload and retry'),
      UNAVAILABLE: b('服务暂时不可用，请稍后重试', 'The service is temporarily unavailable; please retry'),
      GRAPHQL_VALIDATION_FAILED: b('请求格式不被服务器接受（版本不一致？请刷新页面）', 'The server rejected the request format (version mismatch? reload the page)'),
    },
    /** Worded from the code and params (preferred over the server's message). */
    codes: {
      POLICY_KNOB_OUT_OF_RANGE: b('%{knobLabel}须在 %{range} 之间（收到 %{shown}）', '%{knobLabel} must be within %{range} (got %{shown})'),
      POLICY_KNOB_INVALID: b('%{knobLabel}的值无效（%{shown}）', '%{knobLabel}: not a valid value (%{shown})'),
      PROOF_ALREADY_REVIEWED: b('该材料已由他人审核', 'This document has already been reviewed'),
      STALE_POLICY_BASE: b('编辑所依据的版本已过时：%{date} 生效的是第 %{expectedVersion} 版，请在最新版本上重新修改', 'Your edit started from an outdated version: version %{expectedVersion} is in force on %{date}; edit on top of it'),
      EFFECTIVE_DATE_TAKEN: b('%{date} 已排定第 %{version} 版生效，同一日期只能有一个版本', 'Version %{version} is already scheduled for %{date}; one version per date'),
      LATER_VERSION_SCHEDULED: b('第 %{version} 版已排定于 %{laterDate} 生效，它会覆盖 %{date} 的修改：请先撤回它，或把生效日期定在其后', 'Version %{version} is scheduled for %{laterDate} and would undo a change from %{date}: withdraw it or date this one after it'),
      POLICY_ALREADY_IN_FORCE: b('第 %{version} 版已于 %{date} 生效，不能撤回', 'Version %{version} took effect on %{date} and cannot be withdrawn'),
      RETROACTIVE_POLICY: b('生效日期 %{date} 早于今天 %{today}，历史政策不可改写', 'The effective date %{date} is before today (%{today}); history is never rewritten'),
      ...SCREENS_ERROR_CODES,
      ...CHARGES_ERROR_CODES,
      EFFECTIVE_DATE_TOO_FAR: b('生效日期 %{date} 超过两年以后', 'The effective date %{date} is more than two years ahead'),
    },
  },
};

export function appMessages(lang: Lang): Messages {
  return { resources: pickLang(RESOURCE_MESSAGES, lang), gongji: pickLang(GONGJI_MESSAGES, lang) };
}
