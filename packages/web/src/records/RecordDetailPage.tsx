import { Badge, Button, Drawer, Paper, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { BackLink } from '../components/BackLink';
import { DetailGrid } from '../components/DetailGrid';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RecordActions, TrashBanner } from '../components/RecordActions';
import { usePermissions } from '../features/auth/session';
import { formatDateTime } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { useFieldAccess } from './field-access';
import { useRecordMessages } from './messages';
import { RecordFormModal } from './RecordFormModal';
import { RecordHistory } from './RecordHistory';
import type { RecordBase, RecordType } from './record-type';
import { type RecordView, useRecordView } from './view';

/** One field on the details tab; `value` shows as given, a dash when empty. */
export type RecordDetailItem = { field: string; value: ReactNode; span?: 'full' };

/** A tab between the details and the history, e.g. an account's contacts. */
export type RecordTab<T> = {
  value: string;
  label: (record: T) => ReactNode;
  panel: (record: T) => ReactNode;
};

type RecordDetailPageProps<T extends RecordBase, K extends string, D> = {
  recordType: RecordType<T, K, D>;
  id: string;
  /** Badges next to the name. */
  meta?: (record: T) => ReactNode;
  subtitle: (record: T, view: RecordView) => ReactNode;
  /** The details tab; created and updated times follow. */
  details: (record: T, view: RecordView) => RecordDetailItem[];
  /** Shown between the header and the tabs, e.g. an opportunity's stage path. */
  summary?: (record: T) => ReactNode;
  /** More header buttons before Edit and Delete, e.g. "Return to pool". */
  actions?: (record: T) => ReactNode;
  tabs?: readonly RecordTab<T>[];
  /**
   * The record type's own page body in place of the tabs (the account 360), given the details
   * the person may see, labelled; History then opens in a drawer from the header.
   */
  layout?: (record: T, details: LabelledDetailItem[]) => ReactNode;
};

/** A details item with its field's label. */
export type LabelledDetailItem = RecordDetailItem & { label: string };

/**
 * One record's page: header with facts, Edit and Delete; the trash banner with Restore; tabs
 * for details, the record type's own tabs, and history; the edit form.
 */
export function RecordDetailPage<T extends RecordBase, K extends string, D>(
  props: RecordDetailPageProps<T, K, D>,
) {
  const { recordType, id, tabs = [] } = props;
  const { t, text, fieldLabel } = useRecordMessages(recordType.messages);
  const view = useRecordView();
  const { can } = usePermissions();
  const access = useFieldAccess(recordType.object);
  const query = recordType.api.useOne(id);
  const remove = recordType.api.useRemove();
  const restore = recordType.api.useRestore();
  const [editing, setEditing] = useState(false);
  const [showingHistory, setShowingHistory] = useState(false);

  const back = <BackLink to={recordType.listPath} label={text('title')} />;
  if (query.isPending) {
    return (
      <Stack>
        {back}
        <Skeleton height={36} width="40%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        <Button component={Link} to={recordType.listPath} variant="default">
          {text('title')}
        </Button>
      </Stack>
    );
  }

  const record = query.data;
  const deleted = record.deletedAt !== null;
  const onDelete = () =>
    remove.mutateAsync(record).then(
      () => notifySuccess(text('deleted')),
      (error: unknown) => notifyError(t, error),
    );
  const onRestore = () =>
    restore.mutate(record.id, {
      onSuccess: () => notifySuccess(text('restored')),
      onError: (error) => notifyError(t, error),
    });
  const details = [
    ...props.details(record, view).filter((item) => access.visible(item.field)),
    { field: 'createdAt', value: formatDateTime(record.createdAt) },
    { field: 'updatedAt', value: formatDateTime(record.updatedAt) },
  ].map((item) => ({ ...item, label: fieldLabel(item.field) }));
  const history = <RecordHistory recordType={recordType} id={record.id} />;

  return (
    <>
      {back}
      <PageHeader
        title={record.name}
        meta={
          <>
            {props.meta?.(record)}
            {deleted && <Badge color="gray">{t('common.trash')}</Badge>}
          </>
        }
        subtitle={props.subtitle(record, view)}
        actions={
          <>
            {props.actions?.(record)}
            {props.layout && (
              <Button
                variant="default"
                leftSection={<IconHistory size={16} aria-hidden />}
                onClick={() => setShowingHistory(true)}
              >
                {text('tabHistory')}
              </Button>
            )}
            <RecordActions
              deleted={deleted}
              canUpdate={can(recordType.object, 'update', record)}
              canDelete={can(recordType.object, 'delete', record)}
              onEdit={() => setEditing(true)}
              onDelete={onDelete}
              deleting={remove.isPending}
              deleteTitle={text('deleteTitle')}
              deleteMessage={text('deleteMessage', { name: record.name })}
            />
          </>
        }
      />
      {deleted && (
        <TrashBanner
          message={text('inTrash')}
          canRestore={
            can(recordType.object, 'delete', record) || can(recordType.object, 'update', record)
          }
          restoring={restore.isPending}
          onRestore={onRestore}
        />
      )}
      {props.summary?.(record)}
      {props.layout ? (
        <>
          {props.layout(record, details)}
          <Drawer
            opened={showingHistory}
            onClose={() => setShowingHistory(false)}
            title={text('tabHistory')}
            position="right"
            size="lg"
            styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
            closeButtonProps={{ 'aria-label': t('common.close') }}
          >
            {showingHistory && history}
          </Drawer>
        </>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Tabs defaultValue="details" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="details">{text('tabDetails')}</Tabs.Tab>
              {tabs.map((tab) => (
                <Tabs.Tab key={tab.value} value={tab.value}>
                  {tab.label(record)}
                </Tabs.Tab>
              ))}
              <Tabs.Tab value="history">{text('tabHistory')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="details">
              <DetailGrid items={details} />
            </Tabs.Panel>
            {tabs.map((tab) => (
              <Tabs.Panel key={tab.value} value={tab.value}>
                {tab.panel(record)}
              </Tabs.Panel>
            ))}
            <Tabs.Panel value="history">{history}</Tabs.Panel>
          </Tabs>
        </Paper>
      )}
      <RecordFormModal
        recordType={recordType}
        opened={editing}
        onClose={() => setEditing(false)}
        record={record}
      />
    </>
  );
}
