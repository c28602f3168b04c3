/**
 * Labels for the audit log's stable codes (actions, object types, detail keys), both languages.
 * An action not listed here is shown by its group ("绑定 · binding.xyz" never appears: the group
 * label plus the last part), so a new server action still reads sensibly.
 */
import type { BiTree } from './bi';

const b = (zh: string, en: string) => ({ zh, en });

export const AUDIT_ACTIONS = {
  'binding.approve': b('通过绑定', 'Approve binding'),
  'binding.reject': b('驳回绑定', 'Reject binding'),
  'binding.review_approve': b('审核通过绑定', 'Approve binding (review)'),
  'binding.suspend': b('暂停绑定', 'Suspend binding'),
  'binding.restore': b('恢复绑定', 'Restore binding'),
  'binding.revoke': b('解除绑定', 'Revoke binding'),
  'binding.terminate': b('终止绑定', 'Terminate binding'),
  'proof.approve': b('通过证明材料', 'Approve proof'),
  'proof.reject': b('驳回证明材料', 'Reject proof'),
  'member.reveal': b('查看完整个人信息', 'Reveal personal data'),
  'member.death': b('登记死亡', 'Record death'),
  'member.exit': b('登记退出', 'Record exit'),
  'member.registry_update': b('变更参保登记', 'Registry change'),
  'member.search': b('按完整证件号或姓名查询', 'Search by full ID or name'),
  'policy.create': b('发布政策版本', 'Publish policy version'),
  'policy.withdraw': b('撤回政策版本', 'Withdraw policy version'),
  'fraud.flag': b('人工标记可疑', 'Flag as suspicious'),
  'fraud.assign': b('分派案件', 'Assign case'),
  'fraud.investigate': b('开始调查', 'Start investigation'),
  'fraud.note': b('添加案件备注', 'Add case note'),
  'fraud.confirm': b('认定欺诈', 'Confirm fraud'),
  'fraud.dismiss': b('排除嫌疑', 'Dismiss case'),
  'settlement.settled': b('结算', 'Settlement'),
  'settlement.reversed': b('冲正', 'Reversal'),
  'staff.create': b('创建工作人员账号', 'Create staff account'),
  'staff.login': b('工作人员登录', 'Staff sign-in'),
  'staff.activate': b('启用账号', 'Activate account'),
  'staff.deactivate': b('停用账号', 'Deactivate account'),
  'institution.create': b('新增定点机构', 'Add institution'),
  'registry.import': b('名册导入', 'Registry import'),
  'registry.import.dry-run': b('名册导入（试运行）', 'Registry import (dry run)'),
  'account.close': b('注销个人账户', 'Close account'),
  'account.withdrawal': b('个人账户支取', 'Account withdrawal'),
  'charge.record': b('登记应收款', 'Record a charge owed'),
  'charge.waive': b('减免应收款', 'Waive a charge owed'),
  'member.create': b('新增参保人', 'Add member'),
  'member.correct': b('更正参保信息', 'Correct member data'),
  'staff.login_failed': b('登录失败', 'Failed sign-in'),
  'staff.locked': b('账号锁定', 'Account locked'),
  'staff.password_change': b('修改密码', 'Password change'),
  'wallet.send': b('转出账户余额', 'Send balance'),
  'wallet.accept': b('接收转入余额', 'Accept transfer'),
  'wallet.decline': b('拒收转入余额', 'Decline transfer'),
  'wallet.return': b('退回转入余额', 'Return transfer'),
  'export.members': b('导出参保人', 'Export members'),
  'export.bindings': b('导出共济绑定', 'Export bindings'),
  'export.settlements': b('导出结算记录', 'Export settlements'),
  'export.proofs': b('导出证明材料', 'Export proofs'),
  'export.fraudCases': b('导出风险案件', 'Export fraud cases'),
  'export.auditLogs': b('导出审计日志', 'Export audit log'),
} as const;

export const AUDIT_GROUPS = {
  binding: b('绑定', 'Binding'),
  proof: b('证明材料', 'Proof'),
  member: b('参保人', 'Member'),
  policy: b('区域政策', 'Policy'),
  fraud: b('欺诈案件', 'Fraud case'),
  settlement: b('结算', 'Settlement'),
  staff: b('工作人员', 'Staff'),
  institution: b('定点机构', 'Institution'),
  registry: b('参保名册', 'Registry'),
  account: b('个人账户', 'Account'),
  wallet: b('账户转移', 'Transfer'),
  export: b('导出', 'Export'),
} as const;

export const AUDIT_ENTITY_TYPES = {
  binding: b('绑定', 'Binding'),
  proof: b('证明材料', 'Proof'),
  member: b('参保人', 'Member'),
  fraud_case: b('欺诈案件', 'Fraud case'),
  policy_version: b('政策版本', 'Policy version'),
  staff: b('工作人员', 'Staff'),
  settlement: b('结算', 'Settlement'),
  institution: b('定点机构', 'Institution'),
  ImportJob: b('名册导入', 'Registry import'),
  AccountClosure: b('账户注销', 'Account closure'),
  WalletTransfer: b('账户转移', 'Transfer'),
  export: b('导出', 'Export'),
} as const;

/** Keys that often appear in `detail`. */
export const AUDIT_DETAIL_KEYS = {
  state: b('状态', 'State'),
  from: b('原状态', 'From'),
  to: b('新状态', 'To'),
  provinceCode: b('省份', 'Province'),
  version: b('版本', 'Version'),
  effectiveFrom: b('生效日期', 'Effective from'),
  basedOn: b('基础版本', 'Based on'),
  previousId: b('撤回后生效的版本', 'Version in force after withdrawal'),
  changes: b('变更内容', 'Changes'),
  rules: b('政策规则', 'Rules'),
  note: b('说明', 'Note'),
  decision: b('决定', 'Decision'),
  fields: b('字段', 'Fields'),
  bindingId: b('绑定编号', 'Binding'),
  memberId: b('参保人编号', 'Member'),
  proofId: b('材料编号', 'Proof'),
  caseId: b('案件编号', 'Case'),
  rule: b('规则', 'Rule'),
  sanctions: b('处理措施', 'Sanctions'),
  ip: b('IP 地址', 'IP address'),
  username: b('用户名', 'User name'),
  roles: b('角色', 'Roles'),
  scope: b('管辖范围', 'Scope'),
  serialNo: b('流水号', 'Serial'),
  amountFen: b('金额', 'Amount'),
  date: b('日期', 'Date'),
  reason: b('理由', 'Reason'),
  assigneeId: b('承办人', 'Assignee'),
  mustChangePassword: b('须修改密码', 'Must change password'),
  dryRun: b('试运行', 'Dry run'),
  filter: b('筛选条件', 'Filter'),
  sort: b('排序', 'Sort'),
  rows: b('行数', 'Rows'),
  complete: b('完整', 'Complete'),
} as const;

export const AUDIT_MESSAGES: BiTree = {
  actions: AUDIT_ACTIONS,
  groups: AUDIT_GROUPS,
  entity_types: AUDIT_ENTITY_TYPES,
  detail_keys: AUDIT_DETAIL_KEYS,
  system: b('系统', 'System'),
  raw: b('原始记录（JSON）', 'Raw record (JSON)'),
  all_of_group: b('全部%{group}操作', 'All %{group} actions'),
  chain_check: b('校验哈希链', 'Verify the hash chain'),
};

/** The route of the record an audit entry is about, when the dashboard has a page for it. */
export function auditEntityPath(entityType: string, entityId: string | null | undefined): string | null {
  if (!entityId) return null;
  const routes: Record<string, string> = {
    binding: `/bindings/${entityId}/show`,
    member: `/members/${entityId}/show`,
    proof: `/review/proofs/${entityId}`,
    fraud_case: `/fraudCases/${entityId}/show`,
    policy_version: `/policies/${entityId}/show`,
    settlement: `/settlements/${entityId}/show`,
  };
  return routes[entityType] ?? null;
}
