import type { TranslationMessages } from 'ra-core';
import { appMessages } from './app';
import { raZhCN } from './ra-zh-CN';

/** 简体中文 (default locale): react-admin's messages plus the dashboard's own. */
export const zhCN: TranslationMessages = { ...appMessages('zh'), ra: raZhCN };
export default zhCN;
