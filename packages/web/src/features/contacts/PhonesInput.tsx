import { ActionIcon, Button, Group, Input, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { newPhoneRow, PHONE_LABELS, type PhoneLabel, type PhoneRow } from './form-values';

type PhonesInputProps = {
  value: PhoneRow[];
  onChange: (rows: PhoneRow[]) => void;
  /** Messages per row key, and one for the list as a whole. */
  rowErrors: Record<string, string>;
  error?: string;
  /** Shown but not changeable, e.g. read-only for the person's role. */
  disabled?: boolean;
};

/** Repeater of labelled phone numbers. */
export function PhonesInput({ value, onChange, rowErrors, error, disabled }: PhonesInputProps) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const change = (key: string, patch: Partial<PhoneRow>) =>
    onChange(value.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <Input.Wrapper
      label={t('contacts.fields.phones')}
      error={error}
      component="fieldset"
      styles={{ root: { border: 0, padding: 0, margin: 0 } }}
    >
      <Stack gap="xs" mt={4}>
        {value.map((row, index) => (
          <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
            <Select
              aria-label={`${t('contacts.phoneLabel')} ${index + 1}`}
              data={options('phoneLabel', PHONE_LABELS)}
              value={row.label}
              onChange={(label) => label && change(row.key, { label: label as PhoneLabel })}
              allowDeselect={false}
              disabled={disabled}
              w={110}
            />
            <TextInput
              aria-label={`${t('contacts.phoneNumber')} ${index + 1}`}
              type="tel"
              value={row.number}
              onChange={(event) => change(row.key, { number: event.currentTarget.value })}
              error={rowErrors[row.key]}
              disabled={disabled}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`${t('contacts.removePhone')} ${index + 1}`}
              onClick={() => onChange(value.filter((r) => r.key !== row.key))}
              disabled={disabled}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...value, newPhoneRow(value.length === 0 ? 'mobile' : 'work')])}
          style={{ alignSelf: 'flex-start' }}
          disabled={disabled || value.length >= 10}
        >
          {t('contacts.addPhone')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
