import type { AccountOverview } from '@guanxi/contract';
import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  type Icon,
  IconCalendarEvent,
  IconChecklist,
  IconCoin,
  IconTargetArrow,
  IconTrophy,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useOpportunityFormat } from '../../opportunities/format';
import { followUpColor } from './follow-up';

type Kpi = {
  key: string;
  label: string;
  icon: Icon;
  color: string;
  value: ReactNode;
  hint: ReactNode;
  hintColor?: string;
};

type MoneySums = NonNullable<AccountOverview['kpis']['openPipeline']>;

/** The figures a rep looks at first; a figure the person's role may not see is left out. */
export function AccountKpis({ kpis }: { kpis: AccountOverview['kpis'] }) {
  const { t, i18n } = useTranslation();
  const { money } = useOpportunityFormat();
  const language = i18n.resolvedLanguage ?? 'en';
  const days = (n: number) =>
    new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(n);
  /** "Nov 26" / "11月26日"; with the year when it is not this one. */
  const shortDate = (iso: string) => {
    const date = new Date(iso);
    const thisYear = date.getFullYear() === new Date().getFullYear();
    return new Intl.DateTimeFormat(language, {
      year: thisYear ? undefined : 'numeric',
      month: 'short',
      day: 'numeric',
    }).format(date);
  };
  /** Whole units (tens of millions shortened) so a figure fits its card; exact on hover. */
  const figure = (amount: string, currency: string) => {
    const value = Number(amount);
    try {
      return new Intl.NumberFormat(language, {
        style: 'currency',
        currency,
        maximumFractionDigits: 0,
        notation: Math.abs(value) >= 1e7 ? 'compact' : 'standard',
      }).format(value);
    } catch {
      return money(amount, currency);
    }
  };
  const sums = (list: MoneySums) =>
    list.length === 0 ? (
      '0'
    ) : (
      <Stack gap={0}>
        {list.map((sum) => (
          <span key={sum.currency} title={money(sum.amount, sum.currency)}>
            {figure(sum.amount, sum.currency)}
          </span>
        ))}
      </Stack>
    );

  const since = kpis.daysSinceLastActivity;
  const items: (Kpi | null)[] = [
    kpis.openPipeline && {
      key: 'openPipeline',
      label: t('customer360.kpis.openPipeline'),
      icon: IconCoin,
      color: 'blue',
      value: sums(kpis.openPipeline),
      hint: kpis.openPipeline.length === 0 ? t('customer360.kpis.noDeals') : null,
    },
    kpis.wonRevenue && {
      key: 'wonRevenue',
      label: t('customer360.kpis.wonRevenue'),
      icon: IconTrophy,
      color: 'teal',
      value: sums(kpis.wonRevenue),
      hint: kpis.lastWonAt
        ? t('customer360.kpis.wonOn', { date: formatDate(kpis.lastWonAt) })
        : t('customer360.kpis.noWon'),
    },
    kpis.openOpportunities === null
      ? null
      : {
          key: 'openDeals',
          label: t('customer360.kpis.openDeals'),
          icon: IconTargetArrow,
          color: 'grape',
          value: kpis.openOpportunities,
          hint: kpis.openOpportunities > 0 ? t('customer360.kpis.dealsHint') : null,
        },
    {
      key: 'lastContact',
      label: t('customer360.kpis.lastContact'),
      icon: IconCalendarEvent,
      color: followUpColor(since),
      value: kpis.lastActivityAt ? shortDate(kpis.lastActivityAt) : t('common.empty'),
      hint:
        since === null
          ? t('customer360.kpis.noFollowUp')
          : since === 0
            ? t('customer360.kpis.followedUpToday')
            : t('customer360.kpis.daysSince', { days: days(since) }),
      hintColor: `${followUpColor(since)}.7`,
    },
    kpis.openTasks === null
      ? null
      : {
          key: 'openTasks',
          label: t('customer360.kpis.openTasks'),
          icon: IconChecklist,
          color: 'orange',
          value: kpis.openTasks,
          hint:
            kpis.openTasks > 0 ? t('customer360.kpis.tasksHint') : t('customer360.kpis.noTasks'),
        },
  ];
  const shown = items.filter((item): item is Kpi => !!item);

  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: shown.length }}
      spacing="sm"
      mb="md"
      component="section"
      aria-label={t('customer360.kpis.label')}
    >
      {shown.map((kpi) => (
        <Paper
          key={kpi.key}
          withBorder
          radius="md"
          p="md"
          role="group"
          aria-labelledby={`kpi-${kpi.key}`}
        >
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" color={kpi.color} size={38} radius="md">
              <kpi.icon size={20} aria-hidden />
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" fw={600} id={`kpi-${kpi.key}`}>
                {kpi.label}
              </Text>
              <Text fw={700} size="xl" lh={1.25} component="div" style={{ whiteSpace: 'nowrap' }}>
                {kpi.value}
              </Text>
              {kpi.hint && (
                <Text size="xs" c={kpi.hintColor ?? 'dimmed'} fw={kpi.hintColor ? 600 : 400}>
                  {kpi.hint}
                </Text>
              )}
            </Stack>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
