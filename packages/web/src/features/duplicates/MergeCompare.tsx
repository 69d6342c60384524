import type { DuplicateObject } from '@guanxi/contract';
import { Radio, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFieldAccess } from '../../records/field-access';
import { useRecordMessages } from '../../records/messages';
import type { HistoryFormat, RecordBase, RecordNamespace } from '../../records/record-type';
import { useRecordView } from '../../records/view';

export type Choice = 'survivor' | 'merged';

type MergeCompareProps<T extends RecordBase> = {
  object: DuplicateObject;
  messages: RecordNamespace;
  history?: HistoryFormat;
  fields: readonly string[];
  survivor: T;
  merged: T;
  values: Record<string, Choice>;
  onChange: (field: string, choice: Choice) => void;
  /** Fields shown by another value of the record, e.g. a contact's account by its name. */
  display?: Partial<Record<string, (record: T) => string | null | undefined>>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields two records differ in, side by side, with a choice of the value to keep. */
export function differingFields<T extends RecordBase>(fields: readonly string[], a: T, b: T) {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  return fields.filter((f) => !same(left[f], right[f]));
}

export function MergeCompare<T extends RecordBase>(props: MergeCompareProps<T>) {
  const { t } = useTranslation();
  const { fieldLabel } = useRecordMessages(props.messages);
  const view = useRecordView();
  const access = useFieldAccess(props.object);
  const { enumFields = {}, fields: worded = {} } = props.history ?? {};
  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return t('merge.empty');
    if (Array.isArray(value) && value.length === 0) return t('merge.empty');
    if (field === 'ownerId' && typeof value === 'string') return view.userName(value) ?? value;
    const kind = enumFields[field];
    if (kind && typeof value === 'string') return view.label(kind, value);
    const text = worded[field]?.(value, view);
    if (text !== undefined) return text;
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const rows = differingFields(
    props.fields.filter((f) => access.visible(f)),
    props.survivor,
    props.merged,
  );
  if (rows.length === 0) return <Text size="sm">{t('merge.sameValues')}</Text>;
  const survivor = props.survivor as unknown as Record<string, unknown>;
  const merged = props.merged as unknown as Record<string, unknown>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" aria-label={t('merge.compareTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('merge.field')}</Table.Th>
            <Table.Th>{t('merge.keep')}</Table.Th>
            <Table.Th>{t('merge.other')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((field) => {
            const choice = props.values[field] ?? 'survivor';
            const label = fieldLabel(field);
            return (
              <Table.Tr key={field}>
                <Table.Td fw={500}>{label}</Table.Td>
                {(['survivor', 'merged'] as const).map((side) => (
                  <Table.Td key={side}>
                    <Radio
                      name={`merge-${field}`}
                      checked={choice === side}
                      onChange={() => props.onChange(field, side)}
                      disabled={side === 'merged' && !access.editable(field)}
                      label={
                        props.display?.[field]?.(
                          side === 'survivor' ? props.survivor : props.merged,
                        ) ?? show(field, (side === 'survivor' ? survivor : merged)[field])
                      }
                      aria-label={`${label}: ${t(side === 'survivor' ? 'merge.keep' : 'merge.other')}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
