import { Select, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { useAccountContacts } from './api';
import { selfAndBelow } from './org-tree';

type ManagerPickerProps = {
  /** The account the contact is at; without one it reports to no one. */
  accountId: string | null;
  /** The contact being edited (it and the people below it are not offered); none when new. */
  contactId?: string;
  value: string | null;
  /** Name of the current manager, so it shows before the list has loaded. */
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error?: string;
  disabled?: boolean;
};

/** "Reports to": one of the other contacts at the chosen account. */
export function ManagerPicker(props: ManagerPickerProps) {
  const { accountId, contactId, value, valueLabel, onChange, error } = props;
  const { t } = useTranslation();
  const { data = [], isFetching } = useAccountContacts(accountId);
  const excluded = contactId ? selfAndBelow(data, contactId) : new Set<string>();
  const options = data
    .filter((c) => !excluded.has(c.id))
    .map((c) => ({ value: c.id, label: c.name }));
  const titles = new Map(data.map((c) => [c.id, c.title]));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: valueLabel ?? t('common.loading') });
  }
  return (
    <Select
      label={t('contacts.fields.reportsToId')}
      placeholder={accountId ? t('contacts.managerPlaceholder') : undefined}
      description={accountId ? undefined : t('contacts.managerNeedsAccount')}
      data={options}
      value={value}
      onChange={(id) => onChange(id, data.find((c) => c.id === id)?.name ?? null)}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {titles.get(option.value) && (
            <Text size="xs" c="dimmed">
              {titles.get(option.value)}
            </Text>
          )}
        </Stack>
      )}
      searchable
      clearable
      error={error}
      disabled={props.disabled || !accountId}
      nothingFoundMessage={isFetching ? t('common.loading') : t('contacts.managerNoneFound')}
    />
  );
}

/** The contact form's own words for a refused manager (the shared ones speak of departments). */
export function managerError(t: TFunction, error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const problem = error.problem?.errors?.find((e) => e.path === 'reportsToId');
  if (problem?.code === 'cycle') return t('contacts.managerCycle');
  if (problem?.code === 'invalid') {
    return problem.params?.reason === 'no_account'
      ? t('contacts.managerNeedsAccount')
      : t('contacts.managerOtherAccount');
  }
  return undefined;
}
