import type { PermissionObject } from '@guanxi/contract';
import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { OwnerSelect } from '../features/settings/OwnerSelect';
import { useEnumLabels } from '../i18n/enums';
import { useRecordMessages } from './messages';
import type { RecordNamespace } from './record-type';
import { clearedFilters, isFiltered, type RecordFilter, type RecordSearch } from './search';

type RecordFiltersProps<K extends string> = {
  recordType: { object: PermissionObject; messages: RecordNamespace };
  /** The record type's filters on fields the person may see. */
  filters: readonly RecordFilter<K>[];
  search: RecordSearch<K>;
  onChange: (patch: Partial<RecordSearch<K>>) => void;
  /** Off where the trash makes no sense (e.g. a board). */
  withTrash?: boolean;
};

type SelectFilterProps<K extends string> = {
  filter: Extract<RecordFilter<K>, { kind: 'select' }>;
  search: RecordSearch<K>;
  label: string;
  onChange: (value: string | null) => void;
};

/** A filter whose options its hook fetches (a component, so the hook runs in one place). */
function SelectFilter<K extends string>({ filter, search, label, onChange }: SelectFilterProps<K>) {
  const data = filter.useOptions(search);
  const value = search[filter.param] ?? null;
  return (
    <Select
      aria-label={label}
      placeholder={label}
      data={data}
      value={value && data.some((o) => o.value === value) ? value : null}
      onChange={onChange}
      clearable
      searchable={data.length > 8}
      w={filter.width}
    />
  );
}

/** Quick search, the record type's filters and the trash switch above a record list. */
export function RecordFilters<K extends string>({
  recordType,
  filters,
  search,
  onChange,
  withTrash = true,
}: RecordFiltersProps<K>) {
  const { t, text, fieldLabel } = useRecordMessages(recordType.messages);
  const { options } = useEnumLabels();
  const [q, setQ] = useState(search.q ?? '');
  const commitQ = useDebouncedCallback((value: string) => onChange({ q: value || undefined }), 300);
  // A computed key and a flag cannot be checked against the generic search; both are its keys.
  const setFilter = (param: K, value: string | null) =>
    onChange({ [param]: value ?? undefined } as Partial<RecordSearch<K>>);

  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        aria-label={text('searchLabel')}
        placeholder={text('searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          commitQ(event.currentTarget.value);
        }}
        w={{ base: '100%', sm: 280 }}
        type="search"
      />
      {filters.map((filter) =>
        filter.kind === 'select' ? (
          <SelectFilter
            key={filter.param}
            filter={filter}
            search={search}
            label={fieldLabel(filter.field)}
            onChange={(value) => setFilter(filter.param, value)}
          />
        ) : filter.kind === 'owner' ? (
          <OwnerSelect
            key={filter.param}
            label=""
            ariaLabel={fieldLabel(filter.field)}
            placeholder={t('common.anyOwner')}
            value={search[filter.param] ?? null}
            onChange={(value) => setFilter(filter.param, value)}
            clearable
            includeInactive
            w={filter.width}
          />
        ) : (
          <Select
            key={filter.param}
            aria-label={fieldLabel(filter.field)}
            placeholder={fieldLabel(filter.field)}
            data={options(filter.field, filter.values)}
            value={search[filter.param] ?? null}
            onChange={(value) => setFilter(filter.param, value)}
            clearable
            searchable={filter.searchable}
            w={filter.width}
          />
        ),
      )}
      {isFiltered(filters, search) && (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('');
            onChange(clearedFilters(filters));
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
      {withTrash && (
        <Switch
          label={t('common.trash')}
          checked={search.trash === true}
          onChange={(event) =>
            onChange({ trash: event.currentTarget.checked || undefined } as Partial<
              RecordSearch<K>
            >)
          }
          ml="auto"
          mb={8}
        />
      )}
    </Group>
  );
}
