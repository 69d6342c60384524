import { ACTIVITY_KINDS, type Activity, type ActivityKind } from '@guanxi/contract';
import {
  Button,
  Chip,
  Group,
  Modal,
  NumberInput,
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
import { notifySuccess } from '../../lib/notify';
import { useRecordSave } from '../../lib/use-record-save';
import { useFieldAccess } from '../../records/field-access';
import { type ActivityFormValues, activityToValues, valuesToInput } from './activity-form';
import { activitiesApi, type RecordLink } from './api';
import { KIND_LOOK } from './kinds';
import { LocationInput } from './LocationInput';

type LogActivityModalProps = {
  opened: boolean;
  onClose: () => void;
  /** The records a new activity is about (the page it is logged from). */
  link: RecordLink;
  /** The activity to edit; omit to log a new one. */
  activity?: Activity;
};

/** Log (or edit) a call, meeting, visit, email or note. */
export function LogActivityModal(props: LogActivityModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t(props.activity ? 'activities.editTitle' : 'activities.logTitle')}
      size="lg"
    >
      {/* Mounted per opening, so every opening starts from fresh values. */}
      {props.opened && <ActivityForm {...props} />}
    </Modal>
  );
}

function ActivityForm({ onClose, link, activity }: LogActivityModalProps) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const access = useFieldAccess('activity');
  const kindLabelId = useId();
  const [original] = useState(() => activityToValues(activity));
  const form = useFormState<ActivityFormValues>(original);
  const { values, setField, errors } = form;
  const create = activitiesApi.useCreate();
  const update = activitiesApi.useUpdate();
  const save = useRecordSave({
    record: activity,
    detailKey: activitiesApi.keys.detail,
    fetchLatest: (id) => activitiesApi.client.get(id),
    setErrors: form.setErrors,
    onReloaded: (latest) => form.setValues(activityToValues(latest)),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.subject.trim()) {
      const field = t('activities.fields.subject');
      form.setErrors({ subject: t('common.requiredField', { field }) });
      return;
    }
    const input = access.writable(valuesToInput(values));
    const saved = await save.run(() => {
      if (!activity) {
        return create.mutateAsync({
          input: { ...input, kind: values.kind, subject: values.subject.trim(), ...link },
          idempotencyKey: save.idempotencyKey,
        });
      }
      const changes = changedFields(access.writable(valuesToInput(original)), input);
      if (Object.keys(changes).length === 0) return Promise.resolve(activity);
      return update.mutateAsync({ id: activity.id, version: save.baseVersion, input: changes });
    });
    if (saved) {
      notifySuccess(t(activity ? 'activities.saved' : 'activities.logged'));
      onClose();
    }
  };

  const locationError =
    errors.location ?? errors['location.address'] ?? errors['location.latitude'];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.stale && <ConcurrencyAlert reloading={save.reloading} onReload={save.reloadLatest} />}
        {save.error !== null && <ErrorAlert error={save.error} />}
        <Stack gap={6}>
          <Text size="sm" fw={500} id={kindLabelId}>
            {t('activities.fields.kind')}
          </Text>
          <Chip.Group
            value={values.kind}
            onChange={(value) => setField('kind', value as ActivityKind)}
          >
            <Group gap="xs" role="radiogroup" aria-labelledby={kindLabelId}>
              {ACTIVITY_KINDS.map((kind) => {
                const { icon: KindIcon, color } = KIND_LOOK[kind];
                return (
                  <Chip
                    key={kind}
                    value={kind}
                    color={color}
                    variant="outline"
                    icon={<KindIcon size={14} aria-hidden />}
                  >
                    {label('activityKind', kind)}
                  </Chip>
                );
              })}
            </Group>
          </Chip.Group>
        </Stack>
        <TextInput
          label={t('activities.fields.subject')}
          labelProps={requiredLabelProps}
          placeholder={t('activities.subjectPlaceholder')}
          data-autofocus
          {...form.text('subject')}
        />
        {access.visible('body') && (
          <Textarea
            label={t('activities.fields.body')}
            placeholder={t('activities.bodyPlaceholder')}
            autosize
            minRows={3}
            maxRows={10}
            disabled={!access.editable('body')}
            {...form.text('body')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('activities.fields.occurredAt')}
            max={activityToValues().occurredAt}
            {...form.text('occurredAt')}
          />
          <NumberInput
            label={t('activities.fields.durationMinutes')}
            min={0}
            max={1440}
            step={5}
            allowDecimal={false}
            value={values.durationMinutes}
            onChange={(value) => setField('durationMinutes', value)}
            error={errors.durationMinutes}
          />
          {access.visible('outcome') && (
            <TextInput
              label={t('activities.fields.outcome')}
              placeholder={t('activities.outcomePlaceholder')}
              disabled={!access.editable('outcome')}
              {...form.text('outcome')}
            />
          )}
          <TextInput
            type="date"
            label={t('activities.fields.nextFollowUpAt')}
            {...form.text('nextFollowUpDate')}
            error={errors.nextFollowUpAt}
          />
        </SimpleGrid>
        {values.kind === 'visit' && access.visible('location') && (
          <LocationInput
            address={values.address}
            latitude={values.latitude}
            longitude={values.longitude}
            onAddress={(address) => setField('address', address)}
            onCoordinates={(c) => {
              setField('latitude', c?.latitude ?? null);
              setField('longitude', c?.longitude ?? null);
            }}
            error={locationError}
            disabled={!access.editable('location')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
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
