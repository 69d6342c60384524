import type { CreatePoolInput, Pool, PoolObject } from '@guanxi/contract';
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabels } from '../../i18n/enums';
import { textOrNull, useFormState } from '../../lib/form-state';
import { notifySuccess } from '../../lib/notify';
import { fieldErrorsOf } from '../../lib/problem';
import { useDepartments } from '../settings/api';
import { useSavePool } from './api';

type Values = {
  name: string;
  objectType: PoolObject;
  description: string;
  holdingLimit: number | '';
  noActivityDays: number | '';
  noWonDays: number | '';
  warnDaysBefore: number | '';
  departmentIds: string[];
};

const toValues = (pool?: Pool): Values => ({
  name: pool?.name ?? '',
  objectType: pool?.objectType ?? 'account',
  description: pool?.description ?? '',
  holdingLimit: pool?.holdingLimit ?? '',
  noActivityDays: pool?.noActivityDays ?? '',
  noWonDays: pool?.noWonDays ?? '',
  warnDaysBefore: pool?.warnDaysBefore ?? '',
  departmentIds: pool?.departmentIds ?? [],
});

const numberOrNull = (value: number | '') => (value === '' ? null : value);

type PoolFormProps = { pool?: Pool; opened: boolean; onClose: () => void };

/** Creates or edits a pool: name, holding limit, reclaim rules and who may claim. */
export function PoolForm({ pool, opened, onClose }: PoolFormProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<PoolFormTitle editing={pool !== undefined} />}
      size="lg"
      centered
    >
      {opened && <PoolFormBody pool={pool} onClose={onClose} />}
    </Modal>
  );
}

function PoolFormTitle({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  return <>{editing ? t('pools.settings.edit') : t('pools.settings.new')}</>;
}

function PoolFormBody({ pool, onClose }: { pool?: Pool; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const departments = useDepartments();
  const save = useSavePool();
  const form = useFormState<Values>(() => toValues(pool));
  const { values, setField } = form;
  const serverErrors = fieldErrorsOf(t, save.error);
  // A server error on `departmentIds.2` belongs to the departments field.
  const serverErrorOf = (field: string) =>
    Object.entries(serverErrors).find(([path]) => path.split('.')[0] === field)?.[1];
  const errorOf = (field: keyof Values) => form.errors[field] ?? serverErrorOf(field);
  const number = (field: 'holdingLimit' | 'noActivityDays' | 'noWonDays' | 'warnDaysBefore') => ({
    value: values[field],
    onChange: (value: string | number) => setField(field, typeof value === 'number' ? value : ''),
    error: errorOf(field),
    min: 1,
    allowDecimal: false,
    allowNegative: false,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      form.setErrors({ name: t('common.requiredField', { field: t('pools.settings.name') }) });
      return;
    }
    const body: CreatePoolInput = {
      name: values.name.trim(),
      objectType: values.objectType,
      description: textOrNull(values.description),
      holdingLimit: numberOrNull(values.holdingLimit),
      noActivityDays: numberOrNull(values.noActivityDays),
      noWonDays: values.objectType === 'account' ? numberOrNull(values.noWonDays) : null,
      warnDaysBefore: numberOrNull(values.warnDaysBefore),
      departmentIds: values.departmentIds,
    };
    save.mutate(
      { pool, body },
      {
        onSuccess: () => {
          notifySuccess(pool ? t('pools.settings.saved') : t('pools.settings.created'));
          onClose();
        },
      },
    );
  };
  const fields = Object.keys(toValues());
  const general =
    save.error && !Object.keys(serverErrors).some((path) => fields.includes(path.split('.')[0]));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {general && <ErrorAlert error={save.error} />}
        <TextInput
          label={t('pools.settings.name')}
          required
          data-autofocus
          maxLength={80}
          {...form.text('name')}
          error={errorOf('name')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="pool-object-label">
            {t('pools.settings.objectType')}
          </Text>
          <SegmentedControl
            aria-labelledby="pool-object-label"
            data={options('poolObject', ['account', 'lead'])}
            value={values.objectType}
            onChange={(value) => setField('objectType', value as PoolObject)}
            disabled={pool !== undefined}
          />
        </Stack>
        <Textarea
          label={t('pools.settings.descriptionField')}
          autosize
          minRows={2}
          maxLength={500}
          {...form.text('description')}
        />
        <NumberInput
          label={t('pools.settings.holdingLimit')}
          description={t('pools.settings.holdingLimitHint')}
          {...number('holdingLimit')}
        />
        <SimpleGrid cols={{ base: 1, sm: values.objectType === 'account' ? 3 : 2 }}>
          <NumberInput
            label={t('pools.settings.noActivityDays')}
            description={t('pools.settings.noActivityDaysHint')}
            {...number('noActivityDays')}
          />
          {values.objectType === 'account' && (
            <NumberInput
              label={t('pools.settings.noWonDays')}
              description={t('pools.settings.noWonDaysHint')}
              {...number('noWonDays')}
            />
          )}
          <NumberInput
            label={t('pools.settings.warnDaysBefore')}
            description={t('pools.settings.warnDaysBeforeHint')}
            {...number('warnDaysBefore')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('pools.settings.departments')}
          description={t('pools.settings.departmentsHint')}
          placeholder={values.departmentIds.length === 0 ? t('pools.settings.everyone') : undefined}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={values.departmentIds}
          onChange={(ids) => setField('departmentIds', ids)}
          error={errorOf('departmentIds')}
          searchable
          clearable
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
