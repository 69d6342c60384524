import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUsers } from './api';

type OwnerSelectProps = {
  label: string;
  /** Accessible name when there is no visible label (filters). */
  ariaLabel?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  clearable?: boolean;
  placeholder?: string;
  /** Include deactivated users (for filters over old records). */
  includeInactive?: boolean;
  w?: number | string;
};

/** Pick a user of the workspace as a record's owner. */
export function OwnerSelect(props: OwnerSelectProps) {
  const { t } = useTranslation();
  const { data: users = [], isLoading } = useUsers();
  const data = users
    .filter((u) => props.includeInactive || u.status === 'active' || u.id === props.value)
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      label={props.label || undefined}
      aria-label={props.ariaLabel}
      data={data}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      clearable={props.clearable}
      placeholder={isLoading ? t('common.loading') : props.placeholder}
      searchable
      w={props.w}
      comboboxProps={{ withinPortal: true, keepMounted: false }}
    />
  );
}
