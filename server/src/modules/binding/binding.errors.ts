import { DomainError } from '../../core/errors';

const e = (rule: string, code: string, message: string, field?: string) => new DomainError(rule, code, message, field);

export const giverNotEmployee = () => e('E1', 'GIVER_NOT_EMPLOYEE', '共济人须为参加职工医保、状态正常且有个人账户的参保人 (the giver must be an ACTIVE EMPLOYEE member with a personal account)');
export const beneficiaryNotInsured = () => e('E2', 'BENEFICIARY_NOT_INSURED', '被共济人须为正常参加职工医保或居民医保的参保人 (the beneficiary must be an ACTIVE member of EMPLOYEE or RESIDENT insurance)');
export const relationshipNotClose = (value: string) =>
  e('E3', 'RELATIONSHIP_NOT_ALLOWED', `“${value}” 不属于近亲属，不能绑定（配偶的父母等姻亲及其他亲属均不可）(not a close relative: in-laws and other relatives are never allowed)`, 'relationship');
export const relationshipNotInPolicy = (kind: string, province: string, version: number) =>
  e('E3', 'RELATIONSHIP_NOT_ALLOWED', `共济人所在省份 ${province} 的现行政策（第 ${version} 版）不允许绑定 ${kind} (the giver's policy does not allow this relationship)`, 'relationship');
export const selfBinding = () => e('E4', 'SELF_BINDING', '不能与本人绑定 (nobody can be bound to themselves)');
export const duplicateBinding = () => e('E4', 'DUPLICATE_BINDING', '双方已存在同类有效绑定 (a live binding of this kind already exists for this pair)');
export const tooManyGivers = (cap: number) => e('E4', 'TOO_MANY_GIVERS', `被共济人最多可有 ${cap} 名共济人 (the beneficiary already has the maximum of ${cap} givers)`);
export const tooManyBeneficiaries = (cap: number) => e('E4', 'TOO_MANY_BENEFICIARIES', `共济人最多可共济 ${cap} 人 (the giver already has the maximum of ${cap} beneficiaries)`);
export const otherFamilyNetwork = () =>
  e('E4', 'OTHER_FAMILY_NETWORK', '当地政策规定每人只能加入一个家庭共济网络，对方已属于另一个网络 (only one family network per person; the other party belongs to another)');
export const inconsistentRelationship = (problems: string[]) =>
  e('E5', 'RELATIONSHIP_CONTRADICTS_ID', `所填关系与身份证信息不符：${problems.join('；')}`, 'relationship');
export const identityMismatch = () =>
  e('E6', 'IDENTITY_MISMATCH', '对方姓名与身份证号码不匹配，已记录 (the name and ID number do not match the registry; recorded)', 'counterpartName');
export const geographyNotAllowed = (reason: string) => e('E7', 'GEOGRAPHY_NOT_ALLOWED', `双方参保地不允许共济：${reason}`);
export const beneficiaryMayNotInitiate = (province: string) =>
  e('E8', 'BENEFICIARY_MAY_NOT_INITIATE', `共济人所在省份 ${province} 不允许由被共济人发起绑定 (the giver's region does not allow beneficiary-started requests)`);
export const notTheOtherParty = () => e('E8', 'NOT_THE_OTHER_PARTY', '只有未发起绑定的一方可以确认 (only the party who did not start the request can confirm)');
export const notNeeded = (what: string) => e('L1', 'NOTHING_TO_DO', `${what}：无需重复操作 (already done)`);
export const commitmentOnlyByGiver = () => e('E9', 'COMMITMENT_BY_GIVER_ONLY', '承诺书须由共济人本人签署 (only the giver can accept the commitment letter)');
export const proofsMissing = (missing: string[]) => e('E9', 'PROOFS_MISSING', `缺少或未审核通过的关系证明：${missing.join('、')} (required proofs missing or not approved)`);
export const commitmentMissing = () => e('E9', 'COMMITMENT_MISSING', '共济人尚未签署承诺书 (the giver has not accepted the commitment letter)');
export const confirmationMissing = () => e('E8', 'CONFIRMATION_MISSING', '对方尚未确认 (the other party has not confirmed)');
export const notAParty = () => e('NOT_FOUND', 'BINDING_NOT_FOUND', '绑定不存在或与您无关 (binding not found)');
export const onlyGiver = () => e('A2', 'GIVER_ONLY', '只有共济人可以执行此操作 (only the giver can do this)');
export const onlyBeneficiary = () => e('A2', 'BENEFICIARY_ONLY', '只有被共济人可以执行此操作 (only the beneficiary can do this)');
export const proxyHasNoMoney = () => e('E10', 'PROXY_MOVES_NO_MONEY', '亲情账户不涉及资金，不能设置限额或共济额度 (a proxy link moves no money)');
export const notEnoughToReserve = () => e('S4', 'INSUFFICIENT_BALANCE', '可用余额不足，无法预留该共济额度 (not enough available balance to reserve)', 'amountFen');
export const badPriorities = () => e('INPUT', 'BAD_PRIORITY_ORDER', '顺位须恰好列出您全部有效的共济绑定各一次 (list each of your live mutual-aid bindings exactly once)', 'bindingIds');
export const reasonRequired = () => e('L3', 'REASON_REQUIRED', '请填写原因 (a reason is required)', 'reason');
export const badLimit = () => e('INPUT', 'BAD_LIMIT', '单笔限额须为正整数（分）或不设限 (limit must be a positive number of fen, or none)', 'singleLimitFen');
