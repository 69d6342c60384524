import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../features/settings/api';
import { type EnumKind, useEnumLabels } from '../i18n/enums';

/** What cells, headers and history need to word a record's values, fetched once per view. */
export type RecordView = {
  t: TFunction;
  label: (kind: EnumKind, value: string | null | undefined) => string;
  userName: (id: string) => string | undefined;
  /** An owner's name; a record without one is in the public pool. */
  ownerName: (id: string | null) => string | undefined;
};

export function useRecordView(): RecordView {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const userNames = useUserNames();
  return {
    t,
    label,
    userName: (id) => userNames.get(id),
    ownerName: (id) => (id === null ? t('pools.inPool') : userNames.get(id)),
  };
}
