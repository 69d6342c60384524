import { Button } from '@mantine/core';
import { IconArrowBackUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from './ConfirmModal';
import { Notice } from './Notice';

type RecordActionsProps = {
  deleted: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  deleting: boolean;
  deleteTitle: string;
  deleteMessage: string;
};

/** Edit and Delete (with confirmation) in a record's page header. */
export function RecordActions(props: RecordActionsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (props.deleted) return null;
  return (
    <>
      {props.canUpdate && (
        <Button
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={props.onEdit}
        >
          {t('common.edit')}
        </Button>
      )}
      {props.canDelete && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setConfirming(true)}
        >
          {t('common.delete')}
        </Button>
      )}
      <ConfirmModal
        opened={confirming}
        title={props.deleteTitle}
        message={props.deleteMessage}
        confirmLabel={t('common.delete')}
        loading={props.deleting}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          props.onDelete().then(
            () => setConfirming(false),
            () => setConfirming(false),
          );
        }}
      />
    </>
  );
}

type TrashBannerProps = {
  message: string;
  canRestore: boolean;
  restoring: boolean;
  onRestore: () => void;
};

/** Tells that the record is in the trash and offers to restore it. */
export function TrashBanner({ message, canRestore, restoring, onRestore }: TrashBannerProps) {
  const { t } = useTranslation();
  return (
    <Notice color="gray" icon={<IconTrash size={18} />} heading={message} mb="md" role="status">
      {canRestore && (
        <Button
          size="xs"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          loading={restoring}
          onClick={onRestore}
        >
          {t('common.restore')}
        </Button>
      )}
    </Notice>
  );
}
