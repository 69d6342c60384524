import { Modal } from '@mantine/core';
import type { ComponentType } from 'react';
import { notifySuccess } from '../lib/notify';
import { useRecordMessages } from './messages';
import type { RecordFormProps, RecordNamespace } from './record-type';

type RecordFormModalProps<T, D> = {
  recordType: { messages: RecordNamespace; Form: ComponentType<RecordFormProps<T, D>> };
  opened: boolean;
  onClose: () => void;
  /** Present when editing. */
  record?: T;
  defaults?: D;
  onSaved?: (record: T) => void;
};

/** A record type's form in a dialog: "New …" or "Edit …", with a notice once saved. */
export function RecordFormModal<T, D>(props: RecordFormModalProps<T, D>) {
  const { recordType, opened, onClose, record, defaults, onSaved } = props;
  const { t, text } = useRecordMessages(recordType.messages);
  const { Form } = recordType;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={record ? text('edit') : text('new')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <Form
          record={record}
          defaults={defaults}
          onCancel={onClose}
          onSaved={(saved) => {
            notifySuccess(record ? text('saved') : text('created'));
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Modal>
  );
}
