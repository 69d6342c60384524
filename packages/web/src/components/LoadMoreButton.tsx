import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type PagedQuery = { fetchNextPage: () => unknown; isFetchingNextPage: boolean };

/** Fetches the next page of a list that pages by cursor. */
export function LoadMoreButton({ query }: { query: PagedQuery }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      onClick={() => query.fetchNextPage()}
      loading={query.isFetchingNextPage}
    >
      {t('common.loadMore')}
    </Button>
  );
}
