import type { Contact } from '@guanxi/contract';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink';
import { DetailGrid } from '../../components/DetailGrid';
import { useEnumLabels } from '../../i18n/enums';
import type { Messages } from '../../i18n/zh-CN';
import { formatDateTime } from '../../lib/format';
import { useUserNames } from '../settings/api';
import { BuyingRoleBadge } from './badges';

/** Every field of a contact, read-only. */
export function ContactDetailsPanel({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const userNames = useUserNames();
  const f = (key: keyof Messages['contacts']['fields']) => t(`contacts.fields.${key}`);
  return (
    <DetailGrid
      items={[
        { label: f('name'), value: contact.name },
        {
          label: f('accountId'),
          value: contact.accountId ? (
            <AnchorLink to="/accounts/$accountId" params={{ accountId: contact.accountId }}>
              {contact.accountName ?? contact.accountId}
            </AnchorLink>
          ) : (
            t('contacts.noAccount')
          ),
        },
        { label: f('title'), value: contact.title },
        { label: f('department'), value: contact.department },
        {
          label: f('email'),
          value: contact.email && <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>,
        },
        { label: f('wechat'), value: contact.wechat },
        {
          label: f('buyingRole'),
          value: contact.buyingRole && <BuyingRoleBadge role={contact.buyingRole} />,
        },
        { label: f('ownerId'), value: userNames.get(contact.ownerId) },
        {
          label: f('phones'),
          span: 'full',
          value: contact.phones.length > 0 && (
            <Stack gap={4} component="span">
              {contact.phones.map((phone) => (
                <Group key={`${phone.label}-${phone.number}`} gap="xs" component="span">
                  <Badge variant="outline" color="gray" size="sm" tt="none">
                    {label('phoneLabel', phone.label)}
                  </Badge>
                  <Anchor href={`tel:${phone.number}`}>{phone.number}</Anchor>
                </Group>
              ))}
            </Stack>
          ),
        },
        { label: f('notes'), value: contact.notes, span: 'full' },
        { label: f('createdAt'), value: formatDateTime(contact.createdAt) },
        {
          label: f('updatedAt'),
          value: <Text size="sm">{formatDateTime(contact.updatedAt)}</Text>,
        },
      ]}
    />
  );
}
