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

/** What the person's role allows, so the UI shows only buttons that will work. */
export const usePermissions = () => {
  const me = useSession();
  const { permissions } = me.role;
  return {
    can: (object: PermissionObject, action: ObjectAction) =>
      permissions.objects[object]?.[action] === true,
    manageWorkspace: permissions.manageWorkspace,
  };
};
