import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accountContactsFilter, contactsApi } from '../contacts';

type ContactSelectProps = {
  label: string;
  accountId: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  disabled?: boolean;
  /** Contacts already chosen elsewhere (e.g. in the contact roles), left out. */
  exclude?: string[];
  /** Accessible name when there is no visible label. */
  ariaLabel?: string;
};

/** One of the account's contacts; empty until an account is picked. */
export function ContactSelect(props: ContactSelectProps) {
  const { t } = useTranslation();
  if (!props.accountId) {
    return (
      <Select
        label={props.label || undefined}
        aria-label={props.ariaLabel}
        data={[]}
        placeholder={t('opportunities.pickAccountFirst')}
        disabled
      />
    );
  }
  return <AccountContactSelect {...props} accountId={props.accountId} />;
}

function AccountContactSelect(props: ContactSelectProps & { accountId: string }) {
  const { t } = useTranslation();
  const query = contactsApi.useList({
    filter: accountContactsFilter(props.accountId),
    sort: 'name',
    limit: 200,
  });
  const contacts = query.data?.pages.flatMap((p) => p.data) ?? [];
  const data = contacts
    .filter((c) => c.id === props.value || !props.exclude?.includes(c.id))
    .map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }));
  return (
    <Select
      label={props.label || undefined}
      aria-label={props.ariaLabel}
      data={data}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      disabled={props.disabled}
      placeholder={query.isPending ? t('common.loading') : t('opportunities.contactPlaceholder')}
      nothingFoundMessage={t('opportunities.contactRoles.noContacts')}
      searchable
      clearable
    />
  );
}
