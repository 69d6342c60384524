import { BUYING_ROLES, type BuyingRole, type Opportunity } from '@guanxi/contract';
import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Radio,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconPlus, IconStar, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useEnumLabels } from '../../i18n/enums';
import { notifySuccess } from '../../lib/notify';
import { RecordLink } from '../../records/RecordLink';
import { usePermissions } from '../auth/session';
import { useOpportunityContacts, useSetOpportunityContacts } from './api';
import { ContactSelect } from './ContactSelect';

type Row = { key: number; contactId: string | null; buyingRole: BuyingRole | null; name: string };

/** Who is involved in the deal and how; the primary one is the opportunity's contact. */
export function ContactRoles({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const { can } = usePermissions();
  const query = useOpportunityContacts(opportunity.id);
  const [editing, setEditing] = useState(false);
  const canEdit = can('opportunity', 'update') && opportunity.deletedAt === null;

  if (query.isPending) return <TableSkeleton rows={2} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  if (editing) {
    return (
      <ContactRolesEditor
        opportunity={opportunity}
        initial={query.data}
        onDone={() => setEditing(false)}
      />
    );
  }
  const editButton = canEdit && (
    <Button variant="default" onClick={() => setEditing(true)}>
      {t('opportunities.contactRoles.edit')}
    </Button>
  );
  if (query.data.length === 0) {
    return (
      <EmptyState
        py="lg"
        title={t('opportunities.contactRoles.emptyTitle')}
        description={t('opportunities.contactRoles.emptyDescription')}
        icon={<IconUsers size={28} />}
        withIndicatorBackground
      >
        {editButton && <EmptyState.Actions>{editButton}</EmptyState.Actions>}
      </EmptyState>
    );
  }
  return (
    <Stack>
      {editButton && <Group justify="flex-end">{editButton}</Group>}
      <Table striped highlightOnHover aria-label={t('opportunities.fields.contactRoles')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('opportunities.contactRoles.contact')}</Table.Th>
            <Table.Th>{t('opportunities.contactRoles.buyingRole')}</Table.Th>
            <Table.Th>{t('opportunities.contactRoles.primary')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((row) => (
            <Table.Tr key={row.contactId}>
              <Table.Td>
                {row.contactName ? (
                  <RecordLink to="/contacts" id={row.contactId}>
                    {row.contactName}
                  </RecordLink>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('opportunities.contactRoles.hidden')}
                  </Text>
                )}
                {row.title && (
                  <Text size="xs" c="dimmed">
                    {row.title}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {row.buyingRole ? label('buyingRole', row.buyingRole) : t('common.empty')}
              </Table.Td>
              <Table.Td>
                {row.isPrimary && (
                  <Badge leftSection={<IconStar size={12} aria-hidden />} variant="light">
                    {t('opportunities.contactRoles.primary')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

let rowSeq = 0;

function ContactRolesEditor(props: {
  opportunity: Opportunity;
  initial: {
    contactId: string;
    contactName: string | null;
    buyingRole: BuyingRole | null;
    isPrimary: boolean;
  }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const save = useSetOpportunityContacts(props.opportunity.id);
  const [rows, setRows] = useState<Row[]>(() =>
    props.initial.map((r) => ({
      key: rowSeq++,
      contactId: r.contactId,
      buyingRole: r.buyingRole,
      name: r.contactName ?? t('opportunities.contactRoles.hidden'),
    })),
  );
  const [primary, setPrimary] = useState<string | null>(
    props.initial.find((r) => r.isPrimary)?.contactId ?? null,
  );
  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const chosen = rows.map((r) => r.contactId).filter((id): id is string => id !== null);

  const submit = () =>
    save.mutate(
      {
        contacts: rows
          .filter((r) => r.contactId)
          .map((r) => ({
            contactId: r.contactId as string,
            buyingRole: r.buyingRole,
            isPrimary: r.contactId === primary,
          })),
      },
      {
        onSuccess: () => {
          notifySuccess(t('opportunities.contactRoles.saved'));
          props.onDone();
        },
      },
    );

  return (
    <Stack>
      {save.error !== null && <ErrorAlert error={save.error} />}
      <Radio.Group
        value={primary}
        onChange={setPrimary}
        label={t('opportunities.contactRoles.primary')}
      >
        <Stack gap="xs" mt="xs">
          {rows.map((row) => (
            <Group key={row.key} gap="sm" wrap="nowrap" align="flex-end">
              <Radio
                value={row.contactId ?? `new-${row.key}`}
                disabled={!row.contactId}
                aria-label={t('opportunities.contactRoles.primaryOf', { name: row.name })}
                mb={8}
              />
              <div style={{ flex: 2 }}>
                <ContactSelect
                  label=""
                  ariaLabel={t('opportunities.contactRoles.contact')}
                  accountId={props.opportunity.accountId}
                  value={row.contactId}
                  exclude={chosen}
                  onChange={(id) => change(row.key, { contactId: id })}
                />
              </div>
              <Select
                aria-label={t('opportunities.contactRoles.buyingRole')}
                placeholder={t('opportunities.contactRoles.buyingRole')}
                data={options('buyingRole', BUYING_ROLES)}
                value={row.buyingRole}
                onChange={(value) => change(row.key, { buyingRole: value as BuyingRole | null })}
                clearable
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t('opportunities.contactRoles.remove', { name: row.name })}
                onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      <Group justify="space-between">
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            setRows((all) => [
              ...all,
              { key: rowSeq++, contactId: null, buyingRole: null, name: '' },
            ])
          }
        >
          {t('opportunities.contactRoles.add')}
        </Button>
        <Group>
          <Button variant="default" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
