import type { DuplicateMatch, PermissionObject } from '@guanxi/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session';
import { changedFields, useFormState, withoutEmpty } from '../lib/form-state';
import { mergeEdits } from '../lib/merge-edits';
import type { ResourceApi } from '../lib/resource-api';
import { useRecordSave } from '../lib/use-record-save';
import { useFieldAccess } from './field-access';
import type { RecordBase, RecordNamespace } from './record-type';

type RecordFormOptions<T extends RecordBase, C extends object, V> = {
  api: ResourceApi<T, C, Partial<C>>;
  /** Permission object whose field access hides and locks the form's fields. */
  object: PermissionObject;
  messages: RecordNamespace;
  /** The record to edit; undefined when creating. */
  record: T | undefined;
  /** The form's values for a record, or for a new one owned by `ownerId`. */
  toValues: (record: T | undefined, ownerId: string) => V;
  toInput: (values: V) => C;
  onSaved: (record: T) => void;
  /** Runs as a valid form is sent, e.g. to remember which rows went out. */
  onSend?: (values: V) => void;
};

/**
 * State and submit of a record form: values and field errors, the name required, a create that
 * sends only what was filled in, an edit that sends only what changed, and the save cycle of
 * `useRecordSave` (idempotency, If-Match, "reload latest" keeping the edits). Fields the role
 * hides or makes read-only are never sent; `visible` and `text(…).disabled` tell the form.
 */
export function useRecordForm<T extends RecordBase, C extends object, V extends { name: string }>(
  options: RecordFormOptions<T, C, V>,
) {
  const { t } = useTranslation();
  const me = useSession();
  const { api, record, toValues, toInput } = options;
  const access = useFieldAccess(options.object);
  const [original, setOriginal] = useState(() => toValues(record, me.user.id));
  const form = useFormState<V>(original);
  const create = api.useCreate();
  const update = api.useUpdate();
  const save = useRecordSave({
    record,
    detailKey: api.keys.detail,
    fetchLatest: (id) => api.client.get(id),
    setErrors: form.setErrors,
    onReloaded: (latest) => {
      const latestValues = toValues(latest, me.user.id);
      form.setValues((edited) => mergeEdits(original, edited, latestValues));
      setOriginal(latestValues);
    },
  });

  /** Sends the form; `allowDuplicates` once the person confirmed a flagged duplicate. */
  const send = async (allowDuplicates: boolean) => {
    if (!form.values.name.trim()) {
      const field = t(`${options.messages}.fields.name`);
      form.setErrors({ name: t('common.requiredField', { field }) });
      return;
    }
    const input = access.writable(toInput(form.values));
    options.onSend?.(form.values);
    const saved = await save.run(() => {
      if (!record) {
        return create.mutateAsync({
          input: withoutEmpty(input) as C,
          idempotencyKey: save.idempotencyKey,
          allowDuplicates,
        });
      }
      const changes = changedFields(access.writable(toInput(original)), input);
      if (Object.keys(changes).length === 0) return Promise.resolve(record);
      return update.mutateAsync({
        id: record.id,
        version: save.baseVersion,
        input: changes,
        allowDuplicates,
      });
    });
    if (saved) options.onSaved(saved);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(false);
  };

  /** Props for a text input bound to a string field, disabled when the role may not change it. */
  const text = (key: Parameters<typeof form.text>[0]) => ({
    ...form.text(key),
    disabled: !access.editable(String(key)),
  });

  return {
    ...form,
    text,
    visible: (field: keyof V & string) => access.visible(field),
    editable: (field: keyof V & string) => access.editable(field),
    save,
    submit,
    saving: create.isPending || update.isPending,
    duplicateCheck: {
      matches: save.duplicates,
      saveAnyway: () => send(true),
      dismiss: save.dismissDuplicates,
    },
  };
}

/** What the form shell shows of a record form's state. */
export type RecordFormState = {
  submit: (event: FormEvent) => Promise<void>;
  saving: boolean;
  save: Pick<
    ReturnType<typeof useRecordSave>,
    'stale' | 'reloading' | 'reloadLatest' | 'error' | 'errorCount'
  >;
  /** Records the duplicate check found, with "Save anyway" and "Keep editing". */
  duplicateCheck?: DuplicateCheckState;
};

export type DuplicateCheckState = {
  matches: DuplicateMatch[];
  saveAnyway: () => Promise<void>;
  dismiss: () => void;
};
