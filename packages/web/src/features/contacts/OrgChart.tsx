import type { Contact } from '@guanxi/contract';
import { ActionIcon, Avatar, Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../records/RecordLink';
import { BUYING_ROLE_COLORS, BuyingRoleBadge } from './badges';
import { buildOrgTree, type OrgNode } from './org-tree';

type OrgChartProps = {
  contacts: readonly Contact[];
  /** Accessible name of the chart, e.g. "Org chart of Acme". */
  label: string;
  /** "Add someone who reports to …" on each person; left out when adding is not possible. */
  onAddReport?: (manager: Contact) => void;
};

/** How far a report's card sits right of its manager's line. */
const INDENT = 24;
/** The manager's line runs down from the middle of its avatar (card padding + border + radius). */
const LINE_LEFT = 12 + 1 + 18;
/** The elbow meets the middle of the report's avatar (the gap above + half the card). */
const GAP_ABOVE = 10;
const ELBOW_TOP = GAP_ABOVE + 27;
const LINE = 'var(--mantine-color-gray-4)';

const initials = (name: string) => {
  const words = name.trim().split(/\s+/);
  // Latin names: first letters of the first two words; Chinese names: the last two characters.
  if (words.length > 1) return (words[0][0] + words[1][0]).toUpperCase();
  return /^[\p{Script=Latin}\d]+$/u.test(name) ? name.slice(0, 2).toUpperCase() : name.slice(-2);
};

/**
 * The contacts of an account as a tree by whom they report to, with their buying roles. People
 * without a manager (or whose manager the person cannot see) are at the top.
 */
export function OrgChart({ contacts, label, onAddReport }: OrgChartProps) {
  return (
    <Stack component="ul" gap="xs" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {buildOrgTree(contacts).map((node) => (
        <OrgBranch key={node.contact.id} node={node} onAddReport={onAddReport} />
      ))}
    </Stack>
  );
}

type BranchProps = {
  node: OrgNode<Contact>;
  onAddReport?: (manager: Contact) => void;
  /** Where the line from the manager enters; none at the top level. */
  connector?: 'middle' | 'last';
};

function OrgBranch({ node, onAddReport, connector }: BranchProps) {
  const { reports } = node;
  return (
    <Box
      component="li"
      pos="relative"
      pl={connector ? INDENT : 0}
      pt={connector ? GAP_ABOVE : 0}
      aria-label={node.contact.name}
    >
      {connector && (
        <>
          <Box
            pos="absolute"
            left={0}
            top={0}
            w={1}
            h={connector === 'last' ? ELBOW_TOP : '100%'}
            bg={LINE}
            aria-hidden
          />
          <Box pos="absolute" left={0} top={ELBOW_TOP} w={INDENT - 4} h={1} bg={LINE} aria-hidden />
        </>
      )}
      <PersonCard contact={node.contact} onAddReport={onAddReport} />
      {reports.length > 0 && (
        <Box component="ul" m={0} p={0} ml={LINE_LEFT} style={{ listStyle: 'none' }}>
          {reports.map((report, i) => (
            <OrgBranch
              key={report.contact.id}
              node={report}
              onAddReport={onAddReport}
              connector={i === reports.length - 1 ? 'last' : 'middle'}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}

function PersonCard({
  contact,
  onAddReport,
}: {
  contact: Contact;
  onAddReport?: (manager: Contact) => void;
}) {
  const { t } = useTranslation();
  const color = (contact.buyingRole && BUYING_ROLE_COLORS[contact.buyingRole]) || 'gray';
  const addLabel = t('customer360.contacts.addReport', { name: contact.name });
  const role = [contact.title, contact.department].filter(Boolean).join(' · ');
  return (
    <Paper withBorder radius="md" px="sm" py={8} bg="white">
      <Group gap="sm" wrap="nowrap">
        <Avatar color={color} radius="xl" size={36} aria-hidden>
          {initials(contact.name)}
        </Avatar>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <RecordLink to="/contacts" id={contact.id} fw={600} size="sm">
              {contact.name}
            </RecordLink>
            <BuyingRoleBadge role={contact.buyingRole} />
          </Group>
          {role && (
            <Text size="xs" c="dimmed" truncate>
              {role}
            </Text>
          )}
        </Stack>
        {onAddReport && (
          <Tooltip label={addLabel} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={addLabel}
              onClick={() => onAddReport(contact)}
            >
              <IconUserPlus size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}
