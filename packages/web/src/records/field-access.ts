import type { PermissionObject } from '@guanxi/contract';
import { useSession } from '../features/auth/session';

/**
 * What the signed-in person's role lets them do with each field of one object. Fields the role
 * does not restrict are visible and editable. Hidden fields come from the API as null and are
 * never shown; read-only ones are shown but never sent.
 */
export function useFieldAccess(object: PermissionObject) {
  const me = useSession();
  const fields: Partial<Record<string, string>> = me.role.permissions.objects[object]?.fields ?? {};
  return {
    visible: (field: string) => fields[field] !== 'hidden',
    editable: (field: string) => fields[field] === undefined,
    /** The input without the fields the role may not write (the API would refuse them). */
    writable: <T extends object>(input: T): Partial<T> =>
      Object.fromEntries(
        Object.entries(input).filter(([field]) => fields[field] === undefined),
      ) as Partial<T>,
  };
}

export type FieldAccessOf = ReturnType<typeof useFieldAccess>;
