import { RECURRENCE_FREQUENCIES, TASK_PRIORITIES, type Task } from '@guanxi/contract';
import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConcurrencyAlert } from '../../components/ConcurrencyAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { requiredLabelProps } from '../../components/required-label';
import { useEnumLabels } from '../../i18n/enums';
import { changedFields, useFormState } from '../../lib/form-state';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useRecordSave } from '../../lib/use-record-save';
import { useFieldAccess } from '../../records/field-access';
import type { RecordLink } from '../activities/api';
import { useSession } from '../auth/session';
import { AccountPicker } from '../contacts/AccountPicker';
import { OwnerSelect } from '../settings/OwnerSelect';
import { tasksApi } from './api';
import { REMINDER_CHOICES, type TaskFormValues, taskToValues, valuesToInput } from './task-form';

type TaskFormProps = {
  /** The task to edit; omit to create one. */
  task?: Task;
  /** The records a new task is about; without one the form offers an account. */
  link?: RecordLink;
  onSaved: (task: Task) => void;
  onCancel: () => void;
};

/** Create and edit form of a task: due time or all-day date, reminder, repeat, assignee. */
export function TaskForm({ task, link, onSaved, onCancel }: TaskFormProps) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const me = useSession();
  const access = useFieldAccess('task');
  const dueLabelId = useId();
  const [original] = useState(() => taskToValues(task, me.user.id));
  const form = useFormState<TaskFormValues>(original);
  const { values, setField, errors } = form;
  const create = tasksApi.useCreate();
  const update = tasksApi.useUpdate();
  const save = useRecordSave({
    record: task,
    detailKey: tasksApi.keys.detail,
    fetchLatest: (id) => tasksApi.client.get(id),
    setErrors: form.setErrors,
    onReloaded: (latest) => form.setValues(taskToValues(latest, me.user.id)),
  });
  const linked = link !== undefined && Object.values(link).some(Boolean);
  const toInput = (v: TaskFormValues) => {
    const { accountId, ...input } = valuesToInput(v);
    return access.writable(linked ? input : { ...input, accountId });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.title.trim()) {
      form.setErrors({ title: t('common.requiredField', { field: t('tasks.fields.title') }) });
      return;
    }
    const input = toInput(values);
    const saved = await save.run(() => {
      if (!task) {
        return create.mutateAsync({
          input: { ...input, title: values.title.trim(), ...(linked ? link : {}) },
          idempotencyKey: save.idempotencyKey,
        });
      }
      const changes = changedFields(toInput(original), input);
      if (Object.keys(changes).length === 0) return Promise.resolve(task);
      return update.mutateAsync({ id: task.id, version: save.baseVersion, input: changes });
    });
    if (saved) {
      notifySuccess(t(task ? 'tasks.saved' : 'tasks.created'));
      onSaved(saved);
    }
  };

  const reminderData: { value: string; label: string }[] = REMINDER_CHOICES.map((value) => ({
    value,
    label: t(`tasks.reminderOptions.${value}`),
  }));
  if (values.reminder === 'at' && task?.reminderAt) {
    reminderData.push({ value: 'at', label: formatDateTime(task.reminderAt) });
  } else if (!REMINDER_CHOICES.some((c) => c === values.reminder)) {
    reminderData.push({ value: values.reminder, label: `${values.reminder} min` });
  }
  const hasDue = values.dueKind !== 'none';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.stale && <ConcurrencyAlert reloading={save.reloading} onReload={save.reloadLatest} />}
        {save.error !== null && <ErrorAlert error={save.error} />}
        <TextInput
          label={t('tasks.fields.title')}
          labelProps={requiredLabelProps}
          placeholder={t('tasks.titlePlaceholder')}
          data-autofocus
          {...form.text('title')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id={dueLabelId}>
            {t('tasks.fields.dueAt')}
          </Text>
          <SegmentedControl
            aria-labelledby={dueLabelId}
            value={values.dueKind}
            onChange={(value) => setField('dueKind', value as TaskFormValues['dueKind'])}
            data={(['time', 'date', 'none'] as const).map((value) => ({
              value,
              label: t(`tasks.dueKind.${value}`),
            }))}
          />
          {values.dueKind === 'time' && (
            <TextInput
              type="datetime-local"
              aria-label={t('tasks.fields.dueAt')}
              {...form.text('dueAt')}
            />
          )}
          {values.dueKind === 'date' && (
            <TextInput
              type="date"
              aria-label={t('tasks.fields.dueDate')}
              {...form.text('dueDate')}
            />
          )}
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('tasks.fields.reminderMinutesBefore')}
            data={reminderData}
            value={hasDue ? values.reminder : 'none'}
            onChange={(value) => setField('reminder', value ?? 'none')}
            disabled={!hasDue}
            error={errors.reminderMinutesBefore ?? errors.reminderAt}
            description={values.dueKind === 'date' ? t('tasks.allDayReminderNote') : undefined}
            allowDeselect={false}
          />
          <Select
            label={t('tasks.fields.priority')}
            data={options('taskPriority', TASK_PRIORITIES)}
            value={values.priority}
            onChange={(value) => value && setField('priority', value as Task['priority'])}
            allowDeselect={false}
          />
          <Select
            label={t('tasks.fields.recurrence')}
            data={[
              { value: 'none', label: t('tasks.recurrenceNone') },
              ...options('recurrenceFrequency', RECURRENCE_FREQUENCIES),
            ]}
            value={hasDue ? values.recurrence : 'none'}
            onChange={(value) =>
              setField('recurrence', (value ?? 'none') as TaskFormValues['recurrence'])
            }
            disabled={!hasDue}
            error={errors.recurrence}
            allowDeselect={false}
          />
          {hasDue && values.recurrence !== 'none' && (
            <NumberInput
              label={t('tasks.intervalLabel')}
              min={1}
              max={99}
              allowDecimal={false}
              value={values.interval}
              onChange={(value) => setField('interval', value)}
              suffix={` ${t(`tasks.units.${values.recurrence}`)}`}
              error={errors['recurrence.interval']}
            />
          )}
          <OwnerSelect
            label={t('tasks.fields.ownerId')}
            value={values.ownerId}
            onChange={(value) => value && setField('ownerId', value)}
            error={errors.ownerId}
          />
          {!linked && (
            <AccountPicker
              value={values.accountId}
              valueLabel={values.accountName}
              onChange={(id, name) => {
                setField('accountId', id);
                setField('accountName', name);
              }}
              error={errors.accountId}
            />
          )}
        </SimpleGrid>
        {access.visible('description') && (
          <Textarea
            label={t('tasks.fields.description')}
            autosize
            minRows={2}
            maxRows={8}
            disabled={!access.editable('description')}
            {...form.text('description')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={create.isPending || update.isPending}
            disabled={save.stale}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type TaskFormModalProps = {
  opened: boolean;
  onClose: () => void;
  task?: Task;
  link?: RecordLink;
};

/** The task form in a dialog, fresh at every opening. */
export function TaskFormModal({ opened, onClose, task, link }: TaskFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t(task ? 'tasks.edit' : 'tasks.new')} size="lg">
      {opened && <TaskForm task={task} link={link} onSaved={onClose} onCancel={onClose} />}
    </Modal>
  );
}
