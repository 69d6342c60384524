import type { Me, PermissionObject } from '@guanxi/contract';
import { createContext, type ReactNode, useContext } from 'react';

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in person; only inside the signed-in part of the app. */
export const useSession = (): Me => {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside SessionProvider');
  return me;
};

export type ObjectAction = 'create' | 'read' | 'update' | 'delete';

/** A record as far as who may change it goes: its owner (null for one waiting in a pool). */
type Owned = { ownerId: string | null };

/**
 * What the person's role allows, so the UI shows only buttons that will work. With a record,
 * changing it also needs the record in the role's data scope: a rep reads the activities and
 * tasks on their customers, whoever logged them, but changes only their own.
 */
export const usePermissions = () => {
  const me = useSession();
  const { permissions } = me.role;
  const inScope = (object: PermissionObject, record: Owned) => {
    const scope = permissions.objects[object]?.scope;
    if (scope === 'all' || record.ownerId === null) return true;
    if (scope === 'department') return me.teamUserIds.includes(record.ownerId);
    return record.ownerId === me.user.id;
  };
  return {
    can: (object: PermissionObject, action: ObjectAction, record?: Owned) =>
      permissions.objects[object]?.[action] === true &&
      (!record || action === 'create' || action === 'read' || inScope(object, record)),
    manageWorkspace: permissions.manageWorkspace,
  };
};
