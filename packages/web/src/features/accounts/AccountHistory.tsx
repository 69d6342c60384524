import { HistoryTimeline } from '../../components/HistoryTimeline';
import { type EnumKind, useEnumLabels } from '../../i18n/enums';
import { useFieldLabel } from '../../i18n/fields';
import { useUserNames } from '../settings/api';
import { accountsApi } from './api';

const ENUM_FIELDS: Record<string, EnumKind> = {
  industry: 'industry',
  size: 'size',
  tier: 'tier',
  status: 'status',
  source: 'source',
};

export function AccountHistory({ accountId }: { accountId: string }) {
  const query = accountsApi.useHistory(accountId);
  const { label } = useEnumLabels();
  const userNames = useUserNames();
  const fieldLabel = useFieldLabel('accounts');
  return (
    <HistoryTimeline
      entries={query.data}
      isLoading={query.isPending}
      error={query.error}
      onRetry={() => query.refetch()}
      fieldLabel={fieldLabel}
      formatValue={(field, value) => {
        if (field === 'ownerId' && typeof value === 'string') return userNames.get(value) ?? value;
        if (ENUM_FIELDS[field] && typeof value === 'string')
          return label(ENUM_FIELDS[field], value);
        if (Array.isArray(value)) return value.join(', ');
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
      }}
    />
  );
}
