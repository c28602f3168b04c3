/**
 * react-admin's store holds UI state: list filters and sort orders, selections, expanded rows…
 * Its default (localStorageStore) would write list filters — which can contain an ID number a
 * caseworker searched for — to localStorage. This store keeps everything in memory and persists
 * only a whitelist of harmless preferences (language, theme, sidebar).
 */
import { memoryStore, type Store } from 'ra-core';

const PREFIX = 'gongji.admin.pref.';
export const PERSISTED_KEYS = ['locale', 'theme', 'sidebar.open'] as const;

function local(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readPreference<T>(key: (typeof PERSISTED_KEYS)[number]): T | undefined {
  const raw = local()?.getItem(PREFIX + key);
  if (raw == null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

function persisted(key: string): boolean {
  return (PERSISTED_KEYS as readonly string[]).includes(key);
}

function initial(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of PERSISTED_KEYS) {
    const v = readPreference(key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function preferenceStore(): Store {
  const inner = memoryStore(initial());
  return {
    ...inner,
    setItem(key, value) {
      inner.setItem(key, value);
      if (persisted(key)) local()?.setItem(PREFIX + key, JSON.stringify(value));
    },
    removeItem(key) {
      inner.removeItem(key);
      if (persisted(key)) local()?.removeItem(PREFIX + key);
    },
  };
}
