import { DomainError } from '../../core/errors';

export const noPolicy = (province: string, date: string) =>
  new DomainError('POLICY', 'NO_POLICY_IN_FORCE', `省份 ${province} 在 ${date} 没有生效的区域政策 (no policy in force)`);
