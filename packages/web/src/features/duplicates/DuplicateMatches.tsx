import type { DuplicateMatch } from '@guanxi/contract';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '../../components/DataTable';
import { useEnumLabels } from '../../i18n/enums';
import { RecordLink } from '../../records/RecordLink';

export const LIST_PATH = { account: '/accounts', contact: '/contacts', lead: '/leads' } as const;

type DuplicateMatchesProps = {
  matches: readonly DuplicateMatch[];
  /** Extra column, e.g. "Use this one" in the convert dialog. */
  action?: DataColumn<DuplicateMatch>;
};

/**
 * Records the duplicate check found: name (a link when the person may open it), type, owner
 * and what they have in common. Nothing else of a record is shown.
 */
export function DuplicateMatches({ matches, action }: DuplicateMatchesProps) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const columns: DataColumn<DuplicateMatch>[] = [
    {
      key: 'record',
      header: t('duplicates.columns.record'),
      cell: (m) =>
        m.visible ? (
          <RecordLink to={LIST_PATH[m.object]} id={m.id} fw={500}>
            {m.name}
          </RecordLink>
        ) : (
          <Text size="sm" component="span">
            {m.name}{' '}
            <Text span size="xs" c="dimmed">
              ({t('duplicates.hidden')})
            </Text>
          </Text>
        ),
    },
    {
      key: 'object',
      header: t('duplicates.columns.object'),
      cell: (m) => t(`duplicates.objects.${m.object}`),
    },
    {
      key: 'owner',
      header: t('duplicates.columns.owner'),
      cell: (m) => m.ownerName ?? t('duplicates.noOwner'),
    },
    {
      key: 'matchedOn',
      header: t('duplicates.columns.matchedOn'),
      cell: (m) => m.matchedOn.map((rule) => label('duplicateRule', rule)).join(' · '),
    },
    ...(action ? [action] : []),
  ];
  return (
    <DataTable label={t('duplicates.title')} rows={matches} columns={columns} minWidth={480} />
  );
}
