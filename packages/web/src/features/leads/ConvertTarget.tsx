import type { DuplicateMatch } from '@guanxi/contract';
import { Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { RecordPicker } from '../duplicates/RecordPicker';

/** Create a new record from the lead, or use an existing one (a match or one picked). */
export type TargetChoice =
  | { mode: 'create' }
  | { mode: 'match'; id: string; name: string }
  | { mode: 'pick'; id: string | null; name: string | null };

type ConvertTargetProps = {
  legend: string;
  /** Name of the record that would be created. */
  createName: string;
  matches: DuplicateMatch[];
  value: TargetChoice;
  onChange: (choice: TargetChoice) => void;
  pickLabel: string;
  useOptions: (
    q: string,
    enabled: boolean,
  ) => { data?: { id: string; name: string }[]; isFetching: boolean };
  error?: string;
};

const radioValue = (choice: TargetChoice) =>
  choice.mode === 'match' ? `match:${choice.id}` : choice.mode;

/** One side of a conversion (account or contact): new, a similar existing one, or a picked one. */
export function ConvertTarget(props: ConvertTargetProps) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const usable = props.matches.filter((m) => m.visible);
  const choose = (value: string) => {
    if (value === 'create') props.onChange({ mode: 'create' });
    else if (value === 'pick') props.onChange({ mode: 'pick', id: null, name: null });
    else {
      const match = usable.find((m) => `match:${m.id}` === value);
      if (match) props.onChange({ mode: 'match', id: match.id, name: match.name });
    }
  };
  return (
    <Radio.Group
      label={props.legend}
      value={radioValue(props.value)}
      onChange={choose}
      error={props.error}
    >
      <Stack gap="xs" mt="xs">
        <Radio value="create" label={t('conversion.createNew', { name: props.createName })} />
        {usable.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('conversion.matchesFound')}
          </Text>
        )}
        {usable.map((m) => (
          <Radio
            key={m.id}
            value={`match:${m.id}`}
            label={t('conversion.useExisting', { name: m.name })}
            description={[
              m.ownerName ?? t('duplicates.noOwner'),
              m.matchedOn.map((rule) => label('duplicateRule', rule)).join(' · '),
            ].join(' — ')}
          />
        ))}
        <Radio value="pick" label={t('conversion.pickExisting')} />
        {props.value.mode === 'pick' && (
          <RecordPicker
            label={props.pickLabel}
            placeholder={t('merge.pickPlaceholder')}
            useOptions={props.useOptions}
            value={props.value.id}
            valueLabel={props.value.name}
            onChange={(id, name) => props.onChange({ mode: 'pick', id, name })}
          />
        )}
      </Stack>
    </Radio.Group>
  );
}
