import type { Lead } from '@guanxi/contract';
import { Button } from '@mantine/core';
import { IconTransform } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/session';
import { MergeButton } from '../duplicates/MergeDialog';
import { ReturnToPoolButton } from '../pools';
import { useLeadOptions } from './api';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { LeadStatusActions } from './LeadStatusActions';
import { LEAD_MERGE_FIELDS, leadRecord } from './record';

const useLeadPicks = (q: string, enabled: boolean) => useLeadOptions(q, enabled);

/** A lead's header buttons: status, Convert, Merge…, Return to pool (each when allowed). */
export function LeadActions({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [converting, setConverting] = useState(false);
  if (lead.deletedAt !== null || lead.status === 'converted' || !can('lead', 'update')) return null;
  return (
    <>
      <LeadStatusActions lead={lead} />
      <MergeButton
        object="lead"
        record={lead}
        recordType={leadRecord}
        useOptions={useLeadPicks}
        fields={LEAD_MERGE_FIELDS}
      />
      <ReturnToPoolButton object="lead" record={lead} />
      {can('account', 'create') && can('contact', 'create') && (
        <Button
          leftSection={<IconTransform size={16} aria-hidden />}
          onClick={() => setConverting(true)}
        >
          {t('leads.convert')}
        </Button>
      )}
      {converting && (
        <ConvertLeadDialog lead={lead} opened={converting} onClose={() => setConverting(false)} />
      )}
    </>
  );
}
