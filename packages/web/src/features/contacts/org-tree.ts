/** What the org chart needs of a contact. */
type Reporting = { id: string; reportsToId: string | null };

export type OrgNode<C extends Reporting> = { contact: C; reports: OrgNode<C>[] };

/**
 * The contacts of an account as a tree by `reportsToId`, keeping their order. A contact whose
 * manager is not among them (none, trashed, or not visible to the person) is at the top level.
 */
export function buildOrgTree<C extends Reporting>(contacts: readonly C[]): OrgNode<C>[] {
  const nodes = new Map<string, OrgNode<C>>(
    contacts.map((contact) => [contact.id, { contact, reports: [] }]),
  );
  const roots: OrgNode<C>[] = [];
  for (const node of nodes.values()) {
    const manager = node.contact.reportsToId ? nodes.get(node.contact.reportsToId) : undefined;
    // The server refuses loops; should one ever appear, its members still show at the top.
    if (manager && !isBelow(nodes, manager.contact.id, node.contact.id)) {
      manager.reports.push(node);
    } else roots.push(node);
  }
  return roots;
}

/** Whether `id` is `ancestorId` or reports to it, directly or not. */
function isBelow<C extends Reporting>(
  nodes: Map<string, OrgNode<C>>,
  id: string,
  ancestorId: string,
): boolean {
  const seen = new Set<string>();
  for (let current: string | null = id; current && !seen.has(current); ) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = nodes.get(current)?.contact.reportsToId ?? null;
  }
  return false;
}

/** The ids of `id` and everyone below it: contacts it cannot report to without a loop. */
export function selfAndBelow(contacts: readonly Reporting[], id: string): Set<string> {
  const below = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of contacts) {
      if (c.reportsToId && below.has(c.reportsToId) && !below.has(c.id)) {
        below.add(c.id);
        grew = true;
      }
    }
  }
  return below;
}
