import type { AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../components/AnchorLink';
import type { RecordListPath } from './record-type';

type RecordLinkProps = Pick<AnchorProps, 'fw' | 'size'> & {
  /** The record type's list path; the record's page is `<listPath>/$id`. */
  to: RecordListPath;
  id: string;
  children: ReactNode;
};

/** A link to one record's page. */
export function RecordLink({ to, id, children, ...anchorProps }: RecordLinkProps) {
  return (
    <AnchorLink to={`${to}/$id` as const} params={{ id }} {...anchorProps}>
      {children}
    </AnchorLink>
  );
}
