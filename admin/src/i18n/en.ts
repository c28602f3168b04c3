import type { TranslationMessages } from 'ra-core';
import englishMessages from 'ra-language-english';
import { appMessages } from './app';

/** English: react-admin's own English messages plus the dashboard's own. */
export const en: TranslationMessages = { ...appMessages('en'), ra: englishMessages.ra };
export default en;
