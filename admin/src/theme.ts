import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** System fonts with good CJK coverage first. */
const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"Segoe UI"',
  'Roboto',
  'Helvetica',
  'Arial',
  'sans-serif',
].join(',');

const withFont = (t: RaThemeOptions): RaThemeOptions => ({ ...t, typography: { ...(t.typography as object), fontFamily } });

export const lightTheme = withFont(defaultLightTheme);
export const darkTheme = withFont(defaultDarkTheme);
