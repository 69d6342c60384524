import { useTranslation } from 'react-i18next';
import { en } from './en';
import { type Messages, zhCN } from './zh-CN';

export type EnumKind = keyof Messages['enums'];

/** Translated labels for enum values (industry, tier, buying role, …) in the active language. */
export function useEnumLabels() {
  const { i18n } = useTranslation();
  const messages: Messages = i18n.resolvedLanguage === 'zh-CN' ? zhCN : en;
  const label = (kind: EnumKind, value: string | null | undefined): string => {
    if (value === null || value === undefined || value === '') return '';
    const labels: Record<string, string> = messages.enums[kind];
    return labels[value] ?? value;
  };
  const options = (kind: EnumKind, values: readonly string[]) =>
    values.map((value) => ({ value, label: label(kind, value) }));
  return { label, options };
}
