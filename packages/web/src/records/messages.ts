import { useTranslation } from 'react-i18next';
import { useFieldLabel } from '../i18n/fields';
import type { RecordMessageKey, RecordNamespace } from './record-type';

/** The texts of one record type: `text('new')` is `accounts.new`, `fieldLabel('city')` its label. */
export function useRecordMessages(ns: RecordNamespace) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel(ns);
  const text = (key: RecordMessageKey, values?: { name: string }) => t(`${ns}.${key}`, values);
  return { t, text, fieldLabel };
}
