import { HistoryTimeline } from '../components/HistoryTimeline';
import { useRecordMessages } from './messages';
import type { HistoryFormat, RecordApi, RecordBase, RecordNamespace } from './record-type';
import { useRecordView } from './view';

type RecordHistoryProps<T extends RecordBase> = {
  recordType: { api: RecordApi<T>; messages: RecordNamespace; history?: HistoryFormat };
  id: string;
};

/** A record's audit entries, each changed field worded as the record type says. */
export function RecordHistory<T extends RecordBase>({ recordType, id }: RecordHistoryProps<T>) {
  const query = recordType.api.useHistory(id);
  const { fieldLabel } = useRecordMessages(recordType.messages);
  const view = useRecordView();
  const { enumFields = {}, fields = {} } = recordType.history ?? {};
  const formatValue = (field: string, value: unknown) => {
    if (field === 'ownerId' && typeof value === 'string') return view.userName(value) ?? value;
    const kind = enumFields[field];
    if (kind && typeof value === 'string') return view.label(kind, value);
    const worded = fields[field]?.(value, view);
    if (worded !== undefined) return worded;
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return (
    <HistoryTimeline
      entries={query.data}
      isLoading={query.isPending}
      error={query.error}
      onRetry={() => query.refetch()}
      fieldLabel={fieldLabel}
      formatValue={formatValue}
      emptyValue={(field) => (field === 'ownerId' ? view.ownerName(null) : undefined)}
    />
  );
}
