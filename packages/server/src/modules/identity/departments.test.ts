import { describe, expect, it } from 'vitest';
import { countRows } from '../../../test/db-state.js';
import { signUp } from '../../../test/helpers.js';

describe('departments', () => {
  it('keeps one tree: new departments go under the root, cycles and second roots are refused', async () => {
    const admin = await signUp();
    const root = (await admin.get('/departments')).json().data[0];
    expect(root.parentId).toBeNull();

    const sales = (await admin.post('/departments', { name: 'Sales' })).json();
    expect(sales.parentId).toBe(root.id);
    const east = (
      await admin.post('/departments', { name: 'Sales East', parentId: sales.id })
    ).json();

    const cycle = await admin.patch(`/departments/${sales.id}`, { parentId: east.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors).toEqual([
      expect.objectContaining({ path: 'parentId', code: 'cycle' }),
    ]);
    const self = await admin.patch(`/departments/${sales.id}`, { parentId: sales.id });
    expect(self.json().errors[0].code).toBe('cycle');

    const secondRoot = await admin.patch(`/departments/${east.id}`, { parentId: null });
    expect(secondRoot.statusCode).toBe(400);
    expect(secondRoot.json().errors).toEqual([
      expect.objectContaining({ path: 'parentId', code: 'required' }),
    ]);

    const after = (await admin.get('/departments')).json().data;
    expect(after.filter((d: { parentId: string | null }) => d.parentId === null)).toHaveLength(1);
    expect(after.find((d: { id: string }) => d.id === east.id).parentId).toBe(sales.id);

    const busy = await admin.delete(`/departments/${sales.id}`);
    expect(busy.statusCode).toBe(409);
    expect(await countRows('departments', admin.workspaceId)).toBe(3);
    expect((await admin.delete(`/departments/${east.id}`)).statusCode).toBe(204);
    expect(await countRows('departments', admin.workspaceId)).toBe(2);
  });
});
