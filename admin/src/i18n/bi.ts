/** A text in both languages of the dashboard (zh-CN first, English), and trees of them: the shape of every message table in this folder. */
export interface Bi {
  zh: string;
  en: string;
}
export interface BiTree {
  [key: string]: Bi | BiTree;
}
