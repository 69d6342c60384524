import type { Contact } from '@guanxi/contract';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { ContactForm } from './ContactForm';
import type { ContactDefaults } from './form-values';

type ContactFormModalProps = {
  opened: boolean;
  onClose: () => void;
  contact?: Contact;
  defaults?: ContactDefaults;
  onSaved?: (contact: Contact) => void;
};

export function ContactFormModal({
  opened,
  onClose,
  contact,
  defaults,
  onSaved,
}: ContactFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={contact ? t('contacts.edit') : t('contacts.new')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <ContactForm
          contact={contact}
          defaults={defaults}
          onCancel={onClose}
          onSaved={(saved) => {
            notifySuccess(contact ? t('contacts.saved') : t('contacts.created'));
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Modal>
  );
}
