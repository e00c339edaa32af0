/**
 * i18next set up with Vietnamese first and English second. The chosen language is remembered in the
 * browser; Ant Design and dayjs follow it (see AppProviders). The English dictionary is a chunk of its own,
 * fetched only by someone who reads in English, so the first screen carries one dictionary.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lo-trinh.language';

const readStoredLanguage = (): Language => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
};

/** Adds the English dictionary to i18next the first time English is asked for. */
const loadDictionary = async (language: Language): Promise<void> => {
  if (language === 'vi' || i18n.hasResourceBundle(language, 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
};

/** Switches the interface language and remembers it. */
export const changeLanguage = async (language: Language): Promise<void> => {
  await loadDictionary(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode may refuse storage; the switch still works for this visit.
  }
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
};

const storedLanguage = readStoredLanguage();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  // Someone who chose English reads Vietnamese for the moment the English dictionary takes to arrive.
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;
if (storedLanguage !== 'vi') void changeLanguage(storedLanguage);

export default i18n;
