import { DATA_SCOPES, PERMISSION_OBJECTS, type RolePermissions } from '@guanxi/contract';
import { Checkbox, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { permissionOf, RIGHTS, withRight, withScope } from './role-permissions';

type PermissionMatrixProps = {
  value: RolePermissions;
  onChange: (value: RolePermissions) => void;
  disabled?: boolean;
};

/** One row per object: Create / Read / Update / Delete checkboxes and the data scope. */
export function PermissionMatrix({ value, onChange, disabled }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const { label, options } = useEnumLabels();
  const scopeOptions = options('dataScope', DATA_SCOPES);

  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label={t('roles.permissions')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('roles.object')}</Table.Th>
              {RIGHTS.map((right) => (
                <Table.Th key={right} ta="center">
                  {t(`roles.rights.${right}`)}
                </Table.Th>
              ))}
              <Table.Th>{t('roles.scope')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PERMISSION_OBJECTS.map((object) => {
              const objectLabel = label('permissionObject', object);
              const permission = permissionOf(value, object);
              const set = (next: typeof permission) =>
                onChange({ ...value, objects: { ...value.objects, [object]: next } });
              return (
                <Table.Tr key={object}>
                  <Table.Th scope="row" fw={500}>
                    {objectLabel}
                  </Table.Th>
                  {RIGHTS.map((right) => (
                    <Table.Td key={right}>
                      <Checkbox
                        aria-label={t('roles.rightOf', {
                          object: objectLabel,
                          right: t(`roles.rights.${right}`),
                        })}
                        checked={permission[right]}
                        onChange={(e) => set(withRight(permission, right, e.currentTarget.checked))}
                        disabled={disabled}
                        styles={{ body: { justifyContent: 'center' } }}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Select
                      aria-label={t('roles.scopeOf', { object: objectLabel })}
                      data={scopeOptions}
                      value={permission.scope}
                      onChange={(scope) =>
                        scope && set(withScope(permission, scope as typeof permission.scope))
                      }
                      allowDeselect={false}
                      disabled={disabled || !permission.read}
                      size="xs"
                      w={150}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('roles.readNeeded')}
      </Text>
    </>
  );
}
