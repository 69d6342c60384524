import {
  PERMISSION_OBJECTS,
  type PermissionObject,
  RESTRICTABLE_FIELDS,
  type RolePermissions,
} from '@guanxi/contract';
import { Accordion, Badge, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { useFieldLabel } from '../../i18n/fields';
import {
  FIELD_CHOICES,
  type FieldChoice,
  fieldChoiceOf,
  permissionOf,
  withFieldAccess,
} from './role-permissions';

type FieldAccessMatrixProps = {
  value: RolePermissions;
  onChange: (value: RolePermissions) => void;
  disabled?: boolean;
};

/** Per object, which fields the role sees read-only or not at all; collapsed by default. */
export function FieldAccessMatrix({ value, onChange, disabled }: FieldAccessMatrixProps) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  return (
    <Accordion multiple variant="contained" chevronPosition="left">
      {PERMISSION_OBJECTS.map((object) => {
        const permission = permissionOf(value, object);
        const restricted = Object.keys(permission.fields ?? {}).length;
        const objectLabel = label('permissionObject', object);
        return (
          <Accordion.Item key={object} value={object}>
            <Accordion.Control>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {t('roles.fieldAccessOf', { object: objectLabel })}
                </Text>
                {restricted > 0 && (
                  <Badge variant="light" color="orange" tt="none">
                    {t('roles.restrictedFields', { count: restricted })}
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <FieldTable
                object={object}
                objectLabel={objectLabel}
                choiceOf={(field) => fieldChoiceOf(permission, field)}
                onChoose={(field, choice) =>
                  onChange({
                    ...value,
                    objects: {
                      ...value.objects,
                      [object]: withFieldAccess(permission, field, choice),
                    },
                  })
                }
                // Without Read the object's fields are never shown anyway.
                disabled={disabled || !permission.read}
              />
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}

const MESSAGES = {
  account: 'accounts',
  contact: 'contacts',
  lead: 'leads',
  opportunity: 'opportunities',
  activity: 'activities',
  task: 'tasks',
} as const satisfies Record<PermissionObject, string>;

type FieldTableProps = {
  object: PermissionObject;
  objectLabel: string;
  choiceOf: (field: string) => FieldChoice;
  onChoose: (field: string, choice: FieldChoice) => void;
  disabled?: boolean;
};

function FieldTable({ object, objectLabel, choiceOf, onChoose, disabled }: FieldTableProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel(MESSAGES[object]);
  const choices = FIELD_CHOICES.map((choice) => ({
    value: choice,
    label: t(`roles.fieldChoices.${choice}`),
  }));
  return (
    <Table aria-label={t('roles.fieldAccessOf', { object: objectLabel })} verticalSpacing={4}>
      <Table.Tbody>
        {RESTRICTABLE_FIELDS[object].map((field) => (
          <Table.Tr key={field}>
            <Table.Th scope="row" fw={500} w="30%">
              {fieldLabel(field)}
            </Table.Th>
            <Table.Td>
              <SegmentedControl
                aria-label={fieldLabel(field)}
                name={`${object}-${field}`}
                data={choices}
                value={choiceOf(field)}
                onChange={(choice) => onChoose(field, choice as FieldChoice)}
                disabled={disabled}
                size="xs"
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
