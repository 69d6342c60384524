import type { Account } from '@guanxi/contract';
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { AccountForm } from './AccountForm';

type AccountFormModalProps = {
  opened: boolean;
  onClose: () => void;
  /** Present when editing. */
  account?: Account;
  onSaved?: (account: Account) => void;
};

export function AccountFormModal({ opened, onClose, account, onSaved }: AccountFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={account ? t('accounts.edit') : t('accounts.new')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <AccountForm
          account={account}
          onCancel={onClose}
          onSaved={(saved) => {
            notifications.show({
              color: 'green',
              message: account ? t('accounts.saved') : t('accounts.created'),
            });
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Modal>
  );
}
