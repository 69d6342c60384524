import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountOptions } from '../features/accounts';
import { useContactOptions } from '../features/contacts';

/** Header search over accounts and contacts; picking a result opens it. */
export function QuickSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const enabled = debounced.length > 0;
  const accounts = useAccountOptions(debounced, enabled);
  const contacts = useContactOptions(debounced, enabled);

  const data = enabled
    ? [
        {
          group: t('nav.accounts'),
          items: (accounts.data ?? [])
            .slice(0, 8)
            .map((a) => ({ value: `account:${a.id}`, label: a.name })),
        },
        {
          group: t('nav.contacts'),
          items: (contacts.data ?? []).slice(0, 8).map((c) => ({
            value: `contact:${c.id}`,
            label: c.accountName ? `${c.name} · ${c.accountName}` : c.name,
          })),
        },
      ].filter((group) => group.items.length > 0)
    : [];

  const open = (value: string | null) => {
    if (!value) return;
    const [kind, id] = value.split(':');
    setSearch('');
    void navigate({ to: kind === 'account' ? '/accounts/$id' : '/contacts/$id', params: { id } });
  };

  return (
    <Select
      aria-label={t('header.quickSearch')}
      placeholder={t('header.quickSearchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      data={data}
      value={null}
      onChange={open}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={
        enabled && !accounts.isFetching && !contacts.isFetching ? t('header.noResults') : undefined
      }
      rightSection={<span />}
      w={{ base: 200, sm: 320 }}
      comboboxProps={{ width: 360, position: 'bottom-start', keepMounted: false }}
    />
  );
}
