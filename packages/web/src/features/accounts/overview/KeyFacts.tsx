import { Button, Collapse, Divider } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailGrid } from '../../../components/DetailGrid';
import type { LabelledDetailItem } from '../../../records/RecordDetailPage';
import type { OverviewPanelProps } from './panels';

const REGION_PARTS = ['country', 'province', 'city'];
/** The facts a rep needs at a glance; every other detail is one click away. */
const KEY_FIELDS = ['tier', 'industry', 'region', 'website', 'phone', 'creditCode', 'tags'];
/** Shown elsewhere on the page: the name and owner in the header. */
const ELSEWHERE = ['name', 'ownerId'];

/** The account's key facts (only those the person's role may see), then the rest folded away. */
export function KeyFacts({ details }: OverviewPanelProps) {
  const { t } = useTranslation();
  const [more, setMore] = useState(false);
  const parts = details.filter((item) => REGION_PARTS.includes(item.field) && item.value);
  const region: LabelledDetailItem[] =
    parts.length > 0 || details.some((item) => REGION_PARTS.includes(item.field))
      ? [
          {
            field: 'region',
            label: t('customer360.facts.region'),
            value: parts.map((item) => item.value).join(' · '),
          },
        ]
      : [];
  const all = [...details, ...region];
  const key = KEY_FIELDS.flatMap((field) => all.filter((item) => item.field === field));
  const rest = details.filter(
    (item) =>
      !KEY_FIELDS.includes(item.field) &&
      !REGION_PARTS.includes(item.field) &&
      !ELSEWHERE.includes(item.field),
  );
  return (
    <>
      <DetailGrid items={key} />
      {rest.length > 0 && (
        <>
          <Divider my="sm" />
          <Collapse expanded={more}>
            <DetailGrid items={rest} />
          </Collapse>
          <Button
            variant="subtle"
            size="xs"
            mt={more ? 'sm' : 0}
            px={4}
            leftSection={more ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
            onClick={() => setMore((m) => !m)}
            aria-expanded={more}
          >
            {more ? t('customer360.facts.less') : t('customer360.facts.more')}
          </Button>
        </>
      )}
    </>
  );
}
