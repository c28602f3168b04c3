import { thrown } from '../../core/errors';

/** Login failures are auth failures: thrown, with a code, and deliberately vague about which part was wrong. */
export const badCredentials = () => thrown('UNAUTHENTICATED', '用户名或密码错误 (wrong credentials)');
export const tokenProblem = (problem: string) => thrown('UNAUTHENTICATED', `登录已失效，请重新登录 (token ${problem.toLowerCase()})`, { reason: problem, http: { status: 401 } });
export const principalGone = () => thrown('UNAUTHENTICATED', '账号已停用 (account no longer active)');
