import { ACCOUNT_INDUSTRIES, ACCOUNT_STATUSES, ACCOUNT_TIERS } from '@guanxi/contract';
import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { OwnerSelect } from '../settings/OwnerSelect';
import type { AccountSearch } from './search';

type AccountFiltersProps = {
  search: AccountSearch;
  onChange: (patch: Partial<AccountSearch>) => void;
};

/** Quick search, filters and the trash switch above the accounts table. */
export function AccountFilters({ search, onChange }: AccountFiltersProps) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [q, setQ] = useState(search.q ?? '');
  const commitQ = useDebouncedCallback((value: string) => onChange({ q: value || undefined }), 300);
  const filtered = Boolean(
    search.industry || search.tier || search.status || search.owner || search.q,
  );

  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        aria-label={t('accounts.searchLabel')}
        placeholder={t('accounts.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          commitQ(event.currentTarget.value);
        }}
        w={{ base: '100%', sm: 280 }}
        type="search"
      />
      <Select
        aria-label={t('accounts.fields.industry')}
        placeholder={t('accounts.fields.industry')}
        data={options('industry', ACCOUNT_INDUSTRIES)}
        value={search.industry ?? null}
        onChange={(value) => onChange({ industry: value ?? undefined })}
        clearable
        searchable
        w={170}
      />
      <Select
        aria-label={t('accounts.fields.tier')}
        placeholder={t('accounts.fields.tier')}
        data={options('tier', ACCOUNT_TIERS)}
        value={search.tier ?? null}
        onChange={(value) => onChange({ tier: value ?? undefined })}
        clearable
        w={120}
      />
      <Select
        aria-label={t('accounts.fields.status')}
        placeholder={t('accounts.fields.status')}
        data={options('status', ACCOUNT_STATUSES)}
        value={search.status ?? null}
        onChange={(value) => onChange({ status: value ?? undefined })}
        clearable
        w={140}
      />
      <OwnerSelect
        label=""
        ariaLabel={t('accounts.fields.ownerId')}
        placeholder={t('accounts.anyOwner')}
        value={search.owner ?? null}
        onChange={(value) => onChange({ owner: value ?? undefined })}
        clearable
        includeInactive
        w={170}
      />
      {filtered && (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('');
            onChange({
              q: undefined,
              industry: undefined,
              tier: undefined,
              status: undefined,
              owner: undefined,
            });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
      <Switch
        label={t('common.trash')}
        checked={search.trash === true}
        onChange={(event) => onChange({ trash: event.currentTarget.checked || undefined })}
        ml="auto"
        mb={8}
      />
    </Group>
  );
}
