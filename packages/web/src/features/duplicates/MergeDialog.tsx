import type { DuplicateObject } from '@guanxi/contract';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/Notice';
import type {
  HistoryFormat,
  RecordApi,
  RecordBase,
  RecordNamespace,
} from '../../records/record-type';
import { usePermissions } from '../auth/session';
import { type MergeResult, useMerge } from './api';
import { type Choice, MergeCompare } from './MergeCompare';
import { RecordPicker } from './RecordPicker';

export type MergeSetup<T extends RecordBase> = {
  object: DuplicateObject;
  recordType: { messages: RecordNamespace; api: RecordApi<T>; history?: HistoryFormat };
  /** The record type's name search, for picking the other record. */
  useOptions: (
    q: string,
    enabled: boolean,
  ) => { data?: { id: string; name: string }[]; isFetching: boolean };
  /** Fields a person may choose between (the writable ones). */
  fields: readonly string[];
  /** Fields shown by another value of the record, e.g. a contact's account by its name. */
  display?: Partial<Record<string, (record: T) => string | null | undefined>>;
};

type MergeDialogProps<T extends RecordBase> = MergeSetup<T> & {
  record: T;
  opened: boolean;
  onClose: () => void;
};

const MOVED_KINDS = ['contacts', 'leads', 'opportunities', 'activities', 'tasks'] as const;

/**
 * "Merge…": pick the duplicate to merge into this record, choose the value to keep for each
 * field that differs, confirm, then see how many linked records moved.
 */
export function MergeDialog<T extends RecordBase>(props: MergeDialogProps<T>) {
  const { t } = useTranslation();
  const [other, setOther] = useState<{ id: string; name: string } | null>(null);
  const [step, setStep] = useState<'pick' | 'compare'>('pick');
  const [values, setValues] = useState<Record<string, Choice>>({});
  const [result, setResult] = useState<MergeResult<T> | null>(null);
  const merge = useMerge<T>(props.object);
  const otherQuery = props.recordType.api.useOne(other?.id ?? props.record.id);

  const close = () => {
    setOther(null);
    setStep('pick');
    setValues({});
    setResult(null);
    merge.reset();
    props.onClose();
  };
  const confirm = () =>
    other &&
    merge.mutate(
      { survivorId: props.record.id, mergedId: other.id, values },
      {
        onSuccess: setResult,
      },
    );

  const moved = result
    ? MOVED_KINDS.filter((kind) => (result.moved[kind] ?? 0) > 0).map((kind) =>
        t('merge.movedCount', { kind: t(`merge.movedKinds.${kind}`), count: result.moved[kind] }),
      )
    : [];

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={t(`merge.title.${props.object}`)}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {result ? (
        <Stack>
          <Notice
            color="green"
            icon={<IconCircleCheck size={18} />}
            heading={t('merge.done')}
            role="status"
          >
            <Text size="sm" mt={4}>
              {t('merge.movedTitle')}
            </Text>
            {moved.length > 0 ? (
              <List size="sm" mt={4}>
                {moved.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{t('merge.movedNone')}</Text>
            )}
          </Notice>
          <Group justify="flex-end">
            <Button onClick={close}>{t('merge.close')}</Button>
          </Group>
        </Stack>
      ) : step === 'pick' ? (
        <Stack>
          <RecordPicker
            label={t(`merge.pickLabel.${props.object}`)}
            placeholder={t('merge.pickPlaceholder')}
            description={t('merge.pickHint')}
            useOptions={props.useOptions}
            value={other?.id ?? null}
            valueLabel={other?.name ?? null}
            onChange={(id, name) => setOther(id && name ? { id, name } : null)}
            exclude={[props.record.id]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!other} onClick={() => setStep('compare')}>
              {t('merge.next')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('merge.compareHint')}
          </Text>
          {otherQuery.isError && <ErrorAlert error={otherQuery.error} />}
          {otherQuery.data && otherQuery.data.id === other?.id && (
            <MergeCompare
              object={props.object}
              messages={props.recordType.messages}
              history={props.recordType.history}
              fields={props.fields}
              display={props.display}
              survivor={props.record}
              merged={otherQuery.data}
              values={values}
              onChange={(field, choice) => setValues((v) => ({ ...v, [field]: choice }))}
            />
          )}
          {merge.isError && <ErrorAlert error={merge.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep('pick')}>
              {t('merge.back')}
            </Button>
            <Button
              color="red"
              loading={merge.isPending}
              disabled={otherQuery.data?.id !== other?.id}
              onClick={confirm}
            >
              {t('merge.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** The "Merge…" header button with its dialog, for a record's page. */
export function MergeButton<T extends RecordBase>(props: MergeSetup<T> & { record: T }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [opened, setOpened] = useState(false);
  const allowed = can(props.object, 'update') && can(props.object, 'delete');
  if (props.record.deletedAt !== null || !allowed) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('merge.action')}
      </Button>
      <MergeDialog {...props} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
