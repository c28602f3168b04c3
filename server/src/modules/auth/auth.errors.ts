import { InvalidInputError, thrown } from '../../core/errors';

/** Login failures are auth failures: thrown, with a code, and deliberately vague about which part was wrong. */
export const badCredentials = () => thrown('UNAUTHENTICATED', '用户名或密码错误 (wrong credentials)');
export const tokenProblem = (problem: string) => thrown('UNAUTHENTICATED', `登录已失效，请重新登录 (token ${problem.toLowerCase()})`, { reason: problem, http: { status: 401 } });
export const principalGone = () => thrown('UNAUTHENTICATED', '账号已停用 (account no longer active)');
export const accountLocked = (until: Date, now: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return thrown('UNAUTHENTICATED', `登录失败次数过多，账号已锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试 (account locked after repeated failures)`, { reason: 'ACCOUNT_LOCKED', retryAfterSeconds: seconds });
};
export const sessionIdle = () => thrown('UNAUTHENTICATED', '长时间未操作，请重新登录 (session ended after 30 minutes idle)', { reason: 'SESSION_IDLE', http: { status: 401 } });
export const badNewPassword = (problem: string) =>
  new InvalidInputError(`PASSWORD_${problem}`, `新密码不符合要求：至少 12 位，包含大写字母、小写字母、数字、符号中的至少 3 类，且不含用户名、不同于旧密码 (${problem.toLowerCase()})`, 'newPassword');
