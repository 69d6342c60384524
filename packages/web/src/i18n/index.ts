import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../lib/api-client';
import { en } from './en';
import { type Messages, zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'guanxi.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

dayjs.extend(relativeTime);
dayjs.extend(localizedFormat);

/** Map whatever the browser says to one of ours: zh* → zh-CN, everything else → en. */
const toSupported = (lng: string): Language =>
  lng.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

const applyLanguage = (lng: string) => {
  const language = toSupported(lng);
  document.documentElement.lang = language;
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLanguage(language);
};

i18next.on('languageChanged', applyLanguage);

void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    load: 'currentOnly',
    detection: {
      convertDetectedLanguage: toSupported,
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: STORAGE_KEY,
      // Only an explicit choice in the user menu is remembered.
      caches: [],
    },
    interpolation: { escapeValue: false },
  });

export const currentLanguage = (): Language => toSupported(i18next.resolvedLanguage ?? 'en');

/** Switch language and remember the choice on this browser. */
export const changeLanguage = async (language: Language) => {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
};

export { i18next };
