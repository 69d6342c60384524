import { HistoryTimeline } from '../../components/HistoryTimeline';
import { useEnumLabels } from '../../i18n/enums';
import { useFieldLabel } from '../../i18n/fields';
import { useUserNames } from '../settings/api';
import { contactsApi } from './api';

type Phone = { label?: unknown; number?: unknown };

export function ContactHistory({ contactId }: { contactId: string }) {
  const query = contactsApi.useHistory(contactId);
  const { label } = useEnumLabels();
  const userNames = useUserNames();
  const fieldLabel = useFieldLabel('contacts');
  return (
    <HistoryTimeline
      entries={query.data}
      isLoading={query.isPending}
      error={query.error}
      onRetry={() => query.refetch()}
      fieldLabel={fieldLabel}
      formatValue={(field, value) => {
        if (field === 'ownerId' && typeof value === 'string') return userNames.get(value) ?? value;
        if (field === 'buyingRole' && typeof value === 'string') return label('buyingRole', value);
        if (field === 'phones' && Array.isArray(value)) {
          return value
            .map(
              (p: Phone) =>
                `${label('phoneLabel', String(p.label ?? ''))} ${String(p.number ?? '')}`,
            )
            .join(', ');
        }
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
      }}
    />
  );
}
