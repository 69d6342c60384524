import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Named = { id: string; name: string };

type RecordPickerProps = {
  label: string;
  placeholder: string;
  /** The record type's search (`/…?q=` by name). */
  useOptions: (q: string, enabled: boolean) => { data?: Named[]; isFetching: boolean };
  value: string | null;
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null) => void;
  /** Records not offered, e.g. the one being merged into. */
  exclude?: string[];
  description?: string;
};

/** A searchable select over one record type that asks the server as the person types. */
export function RecordPicker(props: RecordPickerProps) {
  const { value, valueLabel, onChange, exclude = [] } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState(valueLabel ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const [open, setOpen] = useState(false);
  const q = debounced === valueLabel ? '' : debounced;
  const { data = [], isFetching } = props.useOptions(q, open);
  const options = data
    .filter((r) => !exclude.includes(r.id))
    .map((r) => ({ value: r.id, label: r.name }));
  if (value && valueLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: valueLabel });
  }
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      description={props.description}
      data={options}
      value={value}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onDropdownOpen={() => setOpen(true)}
      clearable
      nothingFoundMessage={isFetching ? t('common.loading') : t('header.noResults')}
    />
  );
}
