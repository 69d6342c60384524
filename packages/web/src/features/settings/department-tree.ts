import type { Department } from '@guanxi/contract';

export type DepartmentNode = Department & { depth: number; path: string };

/**
 * The flat list from the API in tree order (each department followed by its sub-departments),
 * with its depth and its path of names ("总部 / 华东销售部"). Departments whose parent is
 * missing are shown at the top level rather than lost.
 */
export function departmentTree(departments: readonly Department[]): DepartmentNode[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, Department[]>();
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const result: DepartmentNode[] = [];
  const visit = (parentId: string | null, depth: number, prefix: string) => {
    for (const d of children.get(parentId) ?? []) {
      const path = prefix ? `${prefix} / ${d.name}` : d.name;
      result.push({ ...d, depth, path });
      visit(d.id, depth + 1, path);
    }
  };
  visit(null, 0, '');
  return result;
}
