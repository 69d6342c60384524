import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** Where each linkable record type's page lives; other features' kinds link by this too. */
const RECORD_PATHS: Record<string, string> = {
  account: '/accounts',
  contact: '/contacts',
  lead: '/leads',
  opportunity: '/opportunities',
  task: '/tasks',
};

/** The page of a record by its type (`account`, `task`, …), or null when it has none. */
export function recordPath(recordType: string | null, id: string | null): string | null {
  if (!recordType) return null;
  const list = RECORD_PATHS[recordType];
  if (!list) return null;
  // Tasks have no page of their own: they are worked on from "My tasks".
  return recordType === 'task' || !id ? list : `${list}/${id}`;
}

type RecordRefProps = Pick<AnchorProps, 'size' | 'fw' | 'c'> & {
  recordType: 'account' | 'contact' | 'lead' | 'opportunity';
  id: string;
  children: ReactNode;
};

/**
 * A link to a linked record's page. The path is built at run time (the record type comes from
 * data), so it is given to the router as a plain path.
 */
export function RecordRef({ recordType, id, children, ...props }: RecordRefProps) {
  const to = recordPath(recordType, id) ?? '/';
  return (
    <Anchor component={Link} to={to as never} {...props}>
      {children}
    </Anchor>
  );
}
