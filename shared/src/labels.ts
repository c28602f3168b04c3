import type { BindingState, Category, DocType, MemberStatus, RelationshipKind, Scheme, StaffRole } from './enums';

export const RELATIONSHIP_LABELS: Record<RelationshipKind, { zh: string; en: string }> = {
  SPOUSE: { zh: '配偶', en: 'Spouse' },
  PARENT: { zh: '父母', en: 'Parent' },
  CHILD: { zh: '子女', en: 'Child' },
  SIBLING: { zh: '兄弟姐妹', en: 'Sibling' },
  PATERNAL_GRANDPARENT: { zh: '祖父母', en: 'Paternal grandparent' },
  MATERNAL_GRANDPARENT: { zh: '外祖父母', en: 'Maternal grandparent' },
  GRANDCHILD_VIA_SON: { zh: '孙子女', en: 'Grandchild (via son)' },
  GRANDCHILD_VIA_DAUGHTER: { zh: '外孙子女', en: 'Grandchild (via daughter)' },
};

export const SCHEME_LABELS: Record<Scheme, { zh: string; en: string }> = {
  EMPLOYEE: { zh: '职工医保', en: 'Employee' },
  RESIDENT: { zh: '居民医保', en: 'Resident' },
  NONE: { zh: '未参保', en: 'Uninsured' },
};

export const MEMBER_STATUS_LABELS: Record<MemberStatus, { zh: string; en: string }> = {
  ACTIVE: { zh: '正常参保', en: 'Active' },
  SUSPENDED: { zh: '暂停联网结算', en: 'Suspended' },
  DECEASED: { zh: '已死亡', en: 'Deceased' },
  TERMINATED: { zh: '终止参保', en: 'Terminated' },
};

export const BINDING_STATE_LABELS: Record<BindingState, { zh: string; en: string }> = {
  PENDING: { zh: '待审核/待确认', en: 'Pending' },
  ACTIVE: { zh: '生效', en: 'Active' },
  REJECTED: { zh: '已驳回', en: 'Rejected' },
  REVOKED: { zh: '已解绑', en: 'Revoked' },
  SUSPENDED: { zh: '已暂停', en: 'Suspended' },
  TERMINATED: { zh: '自动终止', en: 'Terminated' },
};

export const DOC_TYPE_LABELS: Record<DocType, { zh: string; en: string }> = {
  HOUSEHOLD_REGISTER: { zh: '户口簿', en: 'Household register' },
  MARRIAGE_CERTIFICATE: { zh: '结婚证', en: 'Marriage certificate' },
  BIRTH_CERTIFICATE: { zh: '出生医学证明', en: 'Birth certificate' },
  ID_CARD: { zh: '身份证', en: 'ID card' },
  OTHER: { zh: '其他证明', en: 'Other' },
};

export const CATEGORY_LABELS: Record<Category, { zh: string; en: string }> = {
  INPATIENT: { zh: '住院', en: 'Inpatient' },
  OUTPATIENT: { zh: '普通门诊', en: 'Outpatient' },
  SPECIAL_OUTPATIENT: { zh: '门诊慢特病', en: 'Chronic/special outpatient' },
  MATERNITY: { zh: '生育', en: 'Maternity' },
  PHARMACY: { zh: '药店购药', en: 'Pharmacy' },
  RESIDENT_PREMIUM: { zh: '居民医保缴费', en: 'Resident premium' },
  LONG_TERM_CARE_PREMIUM: { zh: '长期护理保险缴费', en: 'Long-term care premium' },
  VACCINE: { zh: '非免疫规划疫苗', en: 'Vaccine' },
  PHYSICAL_EXAM: { zh: '健康体检', en: 'Physical exam' },
  COMMERCIAL_HEALTH_INSURANCE: { zh: '商业健康保险', en: 'Commercial health insurance' },
  COSMETIC: { zh: '医疗美容', en: 'Cosmetic care' },
  HEALTH_SUPPLEMENT: { zh: '保健品', en: 'Health supplement' },
  FITNESS: { zh: '健身', en: 'Fitness' },
  PUBLIC_HEALTH: { zh: '公共卫生', en: 'Public health' },
  TREATMENT_ABROAD: { zh: '境外就医', en: 'Treatment abroad' },
  THIRD_PARTY_LIABILITY: { zh: '第三方责任', en: 'Third-party liability' },
};

export const STAFF_ROLE_LABELS: Record<StaffRole, { zh: string; en: string }> = {
  CASEWORKER: { zh: '经办审核员', en: 'Caseworker' },
  FRAUD_ANALYST: { zh: '基金监管分析员', en: 'Fraud analyst' },
  REGIONAL_ADMIN: { zh: '区域政策管理员', en: 'Regional admin' },
  AUDITOR: { zh: '审计员', en: 'Auditor' },
};
