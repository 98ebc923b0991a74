/**
 * Every visible string goes through i18next: zh-CN and en, complete (the zh-CN table has the
 * type of the en one, so a missing key does not compile). The language follows the user's setting,
 * then what they chose on this device, then the browser.
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'wareloop.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in before we know who the user is. */
export function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

void i18n.use(initReactI18next).init({
  initAsync: false,
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Adds a surface's own strings (console, floor, portal each keep theirs beside their code, typed
 * the same way: the zh-CN table has the en table's keys).
 */
export function registerMessages(enMessages: object, zhMessages: object) {
  i18n.addResourceBundle('en', 'translation', enMessages, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', zhMessages, true, false);
}

export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export { i18n, useTranslation };
