import { type AnyRoute, createRoute, useParams } from '@tanstack/react-router';
import type { ComponentType } from 'react';

/** What the router needs of a record type to give it a list page and a page per record. */
type RecordPages<P extends `/${string}`, S> = {
  listPath: P;
  validateSearch: (search: Record<string, unknown>) => S;
  /** Gets the list route's validated search. */
  List: ComponentType<{ search: S }>;
  /** Gets the record id from `<listPath>/$id`. */
  Detail: ComponentType<{ id: string }>;
};

/** The list route (`/accounts`, with its URL search) and the detail route (`/accounts/$id`). */
export function createRecordRoutes<TParent extends AnyRoute, const P extends `/${string}`, S>(
  parent: TParent,
  pages: RecordPages<P, S>,
) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: pages.listPath,
    validateSearch: pages.validateSearch,
    component: function RecordListRoute() {
      // The route's own types stay generic here; its search is what validateSearch returned.
      return <pages.List search={listRoute.useSearch() as S} />;
    },
  });
  const detailRoute = createRoute({
    getParentRoute: () => parent,
    path: `${pages.listPath}/$id` as `${P}/$id`,
    component: function RecordDetailRoute() {
      const { id } = useParams({ strict: false });
      return id ? <pages.Detail id={id} /> : null;
    },
  });
  return [listRoute, detailRoute] as const;
}
