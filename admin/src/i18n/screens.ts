/** Messages of the staff screens for issues 12/13 (move, correction, wallet, revoke, staff list; zh-CN first, English beside it). */
import type { Bi, BiTree } from './bi';

const b = (zh: string, en: string): Bi => ({ zh, en });

export const SCREENS_ENUMS = {
  walletTransferState: {
    PENDING: b('待接收', 'Pending'),
    ACCEPTED: b('已接收', 'Accepted'),
    DECLINED: b('已拒收退回', 'Declined'),
    RETURNED: b('逾期退回', 'Returned'),
  },
  walletDirection: { SENT: b('转出', 'Sent'), RECEIVED: b('转入', 'Received') },
} satisfies Record<string, BiTree>;

export const SCREENS_RESOURCE_MESSAGES: BiTree = {
  staffUsers: {
    name: b('工作人员账号', 'Staff account |||| Staff accounts'),
    fields: {
      id: b('编号', 'ID'),
      username: b('登录名', 'Username'),
      displayName: b('姓名', 'Name'),
      roles: b('角色', 'Roles'),
      role: b('角色', 'Role'),
      permissions: b('特殊权限', 'Permissions'),
      scope: b('管辖范围', 'Scope'),
      active: b('启用', 'Active'),
      lastLoginAt: b('最近登录', 'Last sign-in'),
      lockedUntil: b('锁定至', 'Locked until'),
      mustChangePassword: b('须修改密码', 'Must change password'),
      passwordChangedAt: b('密码修改时间', 'Password changed'),
      createdAt: b('创建时间', 'Created at'),
      search: b('登录名或姓名', 'Username or name'),
    },
  },
};

export const SCREENS_MESSAGES: BiTree = {
  national: b('全国', 'National'),
  read_only: b('只读：工作人员账号由运维人员在服务器上开通与重置', 'Read-only: accounts are created and reset by the operators on the server (pnpm provision)'),
  move: {
    button: b('迁移统筹区', 'Move region'),
    title: b('登记转移接续（迁往其他统筹区）', 'Record a move to another pooling region'),
    help: b(
      '参保人的全部绑定自动终止（L2），个人账户余额整体转入新统筹区（C3）；跨省转移须由转入地经办人员接收后才到账。',
      "All the member's bindings end (L2) and the whole balance moves to the new region (C3); across provinces it arrives once the receiving region accepts.",
    ),
    region: b('迁入统筹区', 'New pooling region'),
    same_region: b('与现参保地相同', 'Same as the current region'),
    done: b('已登记转移：%{region}', 'Move recorded: %{region}'),
    awaiting: b('跨省转移已发起，待转入地接收', 'Cross-province transfer started; awaiting acceptance by the receiving region'),
    open_closures: b('查看转移记录', 'Open the transfer'),
  },
  correct: {
    button: b('更正登记信息', 'Correct registry'),
    title: b('更正参保人登记信息', "Correct the member's registry data"),
    help: b('只填写需要更正的项目；未填写的保持不变。更正记入审计日志。', 'Fill in only what changes; empty fields stay as they are. Corrections are audited.'),
    name: b('姓名（更正后）', 'Name (corrected)'),
    phone: b('手机号（更正后）', 'Phone (corrected)'),
    contribution: b('缴费基数（元/月）', 'Contribution base (yuan/month)'),
    nothing: b('请至少填写一项需要更正的内容', 'Fill in at least one field to correct'),
    bad_amount: b('缴费基数须为不小于 0 的金额，最多两位小数', 'The contribution base must be an amount ≥ 0 with at most two decimals'),
  },
  revoke: {
    button: b('代为解除绑定', 'Revoke'),
    title: b('经办人员代为解除此绑定（不可撤销）', 'Revoke this binding on behalf of a party (cannot be undone)'),
    help: b('用于参保人书面申请解除等情形；已预留的共济额度退回共济人（L2）。', 'For example on a written request by a party; any reserved amount returns to the giver (L2).'),
  },
  approve_all: {
    button: b('连同 %{count} 份材料一并通过', 'Approve with its %{count} document(s)'),
    help: b('一次操作：先通过全部待审核材料，再通过绑定；如期间有他人处理，将不做任何更改。', 'One action: approves every pending document, then the binding; if someone else decided meanwhile, nothing changes.'),
    done: b('已一并通过绑定 #%{id} 及其材料', 'Binding #%{id} approved with its documents'),
  },
  wallet: {
    title: b('医保钱包', 'Health wallet'),
    balance: b('钱包余额', 'Wallet balance'),
    no_wallet: b('尚未开通医保钱包（收到第一笔转账时开通）', 'No wallet yet (opened when the first transfer arrives)'),
    none: b('暂无医保钱包转账', 'No wallet transfers'),
    transfers: b('医保钱包转账', 'Wallet transfers'),
    at: b('转账时间', 'Sent at'),
    direction: b('方向', 'Direction'),
    sender: b('转出人', 'From'),
    recipient: b('接收人', 'To'),
    relationship: b('接收人关系', 'Relationship'),
    amount: b('金额', 'Amount'),
    state: b('状态', 'State'),
    expires: b('接收期限', 'Accept by'),
    decided: b('处理时间', 'Decided at'),
    masked_note: b('姓名均已脱敏（A3）', 'Names are masked (A3)'),
  },
  statement: {
    from: b('起始日期', 'From'),
    to: b('截止日期', 'To'),
    clear: b('清除日期', 'Clear dates'),
    period: b('期间：%{from} 至 %{to}', 'Period: %{from} to %{to}'),
    all_time: b('全部期间', 'All dates'),
    printed_for: b('参保人：%{name}（#%{id}）', 'Member: %{name} (#%{id})'),
    printed_at: b('打印时间：%{at}', 'Printed: %{at}'),
    loading_print: b('正在准备打印…', 'Preparing to print…'),
    truncated: b('仅打印前 %{count} 条，请缩小日期范围', 'Only the first %{count} entries are printed; narrow the dates'),
  },
};

/** Error codes of the operations above (server: binding, proof, account statement). */
export const SCREENS_ERROR_CODES: BiTree = {
  PROOFS_CHANGED: b(
    '审核期间材料有变化（%{decided} 份已由 %{by} 审核，%{added} 份为新上传），未做任何更改，页面已刷新',
    'The documents changed meanwhile (%{decided} reviewed by %{by}, %{added} new); nothing was changed and the page is refreshed',
  ),
  BINDING_ALREADY_DECIDED: b('该绑定已由 %{by} 处理，本次审核未生效，页面已刷新', 'This binding was already decided by %{by}; your decision was not applied and the page is refreshed'),
  BAD_DATE: b('日期格式应为 年-月-日', 'Dates are year-month-day'),
  BAD_DATE_RANGE: b('起始日期不能晚于截止日期', 'The start date is after the end date'),
};
