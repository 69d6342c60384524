import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountOptions } from '../accounts/api';

type AccountPickerProps = {
  value: string | null;
  /** Name of the picked account, so it shows before any search. */
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error?: string;
  disabled?: boolean;
};

/** Searchable account select that asks the server (`/accounts?q=`) as the person types. */
export function AccountPicker(props: AccountPickerProps) {
  const { value, valueLabel, onChange, error, disabled } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState(valueLabel ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const [open, setOpen] = useState(false);
  // Once an account is picked, the box shows its name; list everything again when reopened.
  const q = debounced === valueLabel ? '' : debounced;
  const { data = [], isFetching } = useAccountOptions(q, open);

  const options = data.map((a) => ({ value: a.id, label: a.name }));
  if (value && valueLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: valueLabel });
  }

  return (
    <Select
      label={t('accounts.pickerLabel')}
      placeholder={t('accounts.pickerPlaceholder')}
      data={options}
      value={value}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onDropdownOpen={() => setOpen(true)}
      clearable
      error={error}
      disabled={disabled}
      nothingFoundMessage={isFetching ? t('common.loading') : t('header.noResults')}
    />
  );
}
