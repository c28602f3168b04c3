import { DomainError } from '../../core/errors';

/** Rule id "F" = the case workflow of DOMAIN.md (Fraud and anomalies → Case workflow); F9 = manual flags. */
const e = (rule: string, code: string, message: string, field?: string) => new DomainError(rule, code, message, field);

export const badCaseTransition = (from: string, to: string) =>
  e('F', 'BAD_CASE_TRANSITION', `案件当前为 ${from}，不能变为 ${to} (a case goes OPEN → INVESTIGATING → CONFIRMED or DISMISSED)`);
export const dismissalReasonRequired = () => e('F', 'DISMISSAL_REASON_REQUIRED', '撤销案件须填写原因 (a dismissal needs a reason)', 'reason');
export const reasonRequired = () => e('F', 'REASON_REQUIRED', '请填写原因 (a reason is required)', 'reason');
export const noteRequired = () => e('INPUT', 'NOTE_REQUIRED', '备注不能为空 (the note is empty)', 'text');
export const badSuspensionMonths = (m: number) => e('F', 'BAD_SUSPENSION_MONTHS', `暂停联网结算须为 3 至 12 个月（收到 ${m}）(suspension must be 3 to 12 months)`, 'suspendMemberMonths');
export const badFineMultiplier = (m: number) => e('F', 'BAD_FINE_MULTIPLIER', `罚款倍数须为 2 至 5 倍（收到 ${m}）(a fine is 2 to 5 times the amount)`, 'fineMultiplier');
export const fineWithoutAmount = () => e('F', 'FINE_WITHOUT_AMOUNT', '案件没有涉及金额，无法计算罚款 (no amount involved to base a fine on; give fineBaseFen)', 'fineBaseFen');
export const noMemberToSuspend = () => e('F', 'NO_MEMBER_SUBJECT', '案件对象不是参保人，不能暂停其联网结算 (the case subject is not a member)', 'suspendMemberMonths');
export const notInCase = (what: string, id: number) => e('F', 'NOT_IN_CASE', `${what} ${id} 与本案无关 (not linked to this case)`);
export const assigneeNotAnalyst = (id: number) => e('A1', 'ASSIGNEE_NOT_ANALYST', `工作人员 ${id} 不是可办理本案的基金监管人员 (not an active fraud analyst with this case in scope)`, 'assigneeId');
export const flagNeedsOneSubject = () => e('F9', 'FLAG_NEEDS_ONE_SUBJECT', '请指定且只指定一个对象：结算、参保人或绑定 (flag exactly one settlement, member or binding)');
export const flagReasonRequired = () => e('F9', 'FLAG_REASON_REQUIRED', '人工标记须填写原因 (a manual flag needs a reason)', 'reason');
