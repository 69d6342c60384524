import { useTranslation } from 'react-i18next';
import { en } from './en';
import { type Messages, zhCN } from './zh-CN';

type ObjectWithFields = {
  [K in keyof Messages]: Messages[K] extends { fields: Record<string, string> } ? K : never;
}[keyof Messages];

/**
 * Label of a record field by its API name, e.g. in history; the pool fields every poolable
 * record has are worded once by the pools feature, the entries of a merge by the merge feature;
 * unknown fields show their name.
 */
export function useFieldLabel(object: ObjectWithFields) {
  const { i18n } = useTranslation();
  const messages: Messages = i18n.resolvedLanguage === 'zh-CN' ? zhCN : en;
  const labels: Record<string, string> = messages[object].fields;
  const poolLabels: Record<string, string> = messages.pools.fields;
  const mergeLabels: Record<string, string> = messages.merge.fields;
  return (field: string) => labels[field] ?? poolLabels[field] ?? mergeLabels[field] ?? field;
}
