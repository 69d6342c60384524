import { BUYING_ROLES } from '@guanxi/contract';
import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { OwnerSelect } from '../settings/OwnerSelect';
import type { ContactSearch } from './search';

type ContactFiltersProps = {
  search: ContactSearch;
  onChange: (patch: Partial<ContactSearch>) => void;
};

export function ContactFilters({ search, onChange }: ContactFiltersProps) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [q, setQ] = useState(search.q ?? '');
  const commitQ = useDebouncedCallback((value: string) => onChange({ q: value || undefined }), 300);
  const filtered = Boolean(search.q || search.buyingRole || search.owner);

  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        aria-label={t('contacts.searchLabel')}
        placeholder={t('contacts.searchPlaceholder')}
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
        aria-label={t('contacts.fields.buyingRole')}
        placeholder={t('contacts.fields.buyingRole')}
        data={options('buyingRole', BUYING_ROLES)}
        value={search.buyingRole ?? null}
        onChange={(value) => onChange({ buyingRole: value ?? undefined })}
        clearable
        w={160}
      />
      <OwnerSelect
        label=""
        ariaLabel={t('contacts.fields.ownerId')}
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
            onChange({ q: undefined, buyingRole: undefined, owner: undefined });
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
