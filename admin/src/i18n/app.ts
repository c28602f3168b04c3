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
  STAFF_ROLE_LABELS,
} from '@gongji/shared';

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
} satisfies Record<string, BiTree>;

export type EnumName = keyof typeof ENUMS;

const common = {
  id: b('编号', 'ID'),
  createdAt: b('创建时间', 'Created at'),
  updatedAt: b('更新时间', 'Updated at'),
};

export const RESOURCE_MESSAGES: BiTree = {
  members: {
    name: b('参保人', 'Member |||| Members'),
    fields: {
      ...common,
      name: b('姓名', 'Name'),
      idNumber: b('身份证号', 'ID number'),
      phone: b('手机号', 'Phone'),
      sex: b('性别', 'Sex'),
      birthDate: b('出生日期', 'Date of birth'),
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

const POLICY_RULE_LABELS: BiTree = {
  allowedRelationships: b('可绑定的近亲属关系', 'Relationships a giver may bind'),
  intraProvinceSharing: b('省内跨统筹区共济', 'Sharing between regions of the province'),
  crossProvinceSharing: b('跨省共济', 'Cross-province sharing'),
  beneficiaryMayInitiate: b('被共济人可发起申请', 'Beneficiary may start a request'),
  confirmationRequired: b('需对方确认', 'Other party must confirm'),
  requiredProofs: b('所需关系证明材料', 'Required relationship proofs'),
  activationMode: b('生效方式', 'Activation mode'),
  maxGiversPerBeneficiary: b('每位被共济人的共济人上限', 'Max givers per beneficiary'),
  maxBeneficiariesPerGiver: b('每位共济人的被共济人上限', 'Max beneficiaries per giver'),
  singleFamilyNetwork: b('每人只能属于一个家庭共济网', 'One family network per person'),
  allowedCategories: b('可使用个人账户支付的范围', 'Categories payable from accounts'),
  commercialInsuranceMinBalanceFen: b('购买商业健康保险的最低余额', 'Minimum balance for commercial insurance'),
  residentPremiumWindowStart: b('居民医保缴费期开始（月-日）', 'Resident premium window start (MM-DD)'),
  residentPremiumWindowEnd: b('居民医保缴费期结束（月-日）', 'Resident premium window end (MM-DD)'),
  residentPremiumFen: b('居民医保年缴费额', 'Yearly resident premium'),
  retireeMonthlyCreditFen: b('退休人员每月定额划入', "Retirees' monthly credit"),
  employeeAccountRatePermille: b('在职职工划入比例（‰，以缴费基数计）', "In-service members' share of the contribution base (‰)"),
  fraud: b('基金监管阈值', 'Fraud thresholds'),
};

const FRAUD_THRESHOLD_LABELS: BiTree = {
  travelWindowMinutes: b('异地就医时间窗（分钟）', 'Impossible-travel window (minutes)'),
  travelDistanceKm: b('异地就医距离阈值（公里）', 'Impossible-travel distance (km)'),
  institutionsPerDay: b('单日就诊机构数', 'Institutions per day'),
  pharmacyVisitsPerPeriod: b('周期内购药次数', 'Pharmacy purchases per period'),
  pharmacyPeriodDays: b('购药统计周期（天）', 'Pharmacy period (days)'),
  pharmaciesPerDay: b('单日购药药店数', 'Pharmacies per day'),
  sameDrugRepeats: b('同一药品重复购买次数', 'Same-drug repeats'),
  drainPercent: b('新绑定后余额消耗比例（%）', 'Balance drained after a new binding (%)'),
  drainWindowDays: b('余额消耗统计天数', 'Drain window (days)'),
  fanOutBeneficiaries: b('一人为多人支付的人数', 'Beneficiaries paid for by one giver'),
  fanOutInstitutionPatients: b('同一机构同一共济人下的患者数', 'Patients of one institution on one giver'),
  fanOutWindowDays: b('多人支付统计天数', 'Fan-out window (days)'),
  bindingMismatchAttempts: b('30 天内绑定信息不符次数', 'Failed binding attempts in 30 days'),
};

export const GONGJI_MESSAGES: BiTree = {
  app: {
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
    permissions: b('附加权限', 'Extra permissions'),
    none: b('无', 'None'),
    national: b('全国', 'National'),
    no_roles: b('您的账号尚未分配角色，请联系管理员。', 'Your account has no role yet; please contact an administrator.'),
    shortcuts: b('常用功能', 'Shortcuts'),
    charts_later: b('统计图表即将上线。', 'Charts are coming soon.'),
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
    no_permission: b('您没有查看完整个人信息的权限', 'You are not permitted to reveal personal data'),
  },
  member: {
    personal: b('个人信息', 'Personal data'),
    insurance: b('参保信息', 'Insurance'),
    account: b('个人账户', 'Personal account'),
    no_account: b('无个人账户（非职工医保）', 'No personal account (not on the employee scheme)'),
    as_giver: b('作为共济人的绑定', 'Bindings as giver'),
    as_beneficiary: b('作为被共济人的绑定', 'Bindings as beneficiary'),
    age_years: b('%{age} 岁', '%{age} years'),
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
    sharing: b('共济范围与办理', 'Sharing and processing'),
    limits: b('人数上限', 'Caps'),
    payments: b('支付范围与划入', 'Payments and credits'),
    no_cap: b('不限', 'No cap'),
    none: b('无需提供', 'None required'),
    rules_missing: b('此版本未返回政策规则', 'This version came without rules'),
    any_of: b('任选其一', 'any one of'),
  },
  audit: {
    action_help: b('按前缀匹配，例如 binding. 或 member.reveal', 'Prefix, e.g. binding. or member.reveal'),
    chain: b('哈希链', 'Hash chain'),
  },
  errors: {
    network: b('无法连接服务器，请检查网络', 'Cannot reach the server; check the network'),
  },
};

export function appMessages(lang: Lang): Messages {
  return { resources: pickLang(RESOURCE_MESSAGES, lang), gongji: pickLang(GONGJI_MESSAGES, lang) };
}
