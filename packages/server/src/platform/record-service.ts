import type { AuditEntry, ListQuery } from '@guanxi/contract';
import type { Ctx } from './context.js';
import {
  createRecord,
  deleteRecord,
  restoreRecord,
  updateRecord,
  type WriteHooks,
} from './record-writes.js';
import {
  getRecord,
  getRecordHistory,
  listRecords,
  maskHiddenFields,
  type ObjectDef,
  type StoredRecord,
} from './records.js';

type Writable = Record<string, unknown> & { ownerId?: string; custom?: Record<string, unknown> };

/** The use cases every record object offers; routes only translate HTTP to these calls. */
export type RecordService<Api, C, U> = {
  list(ctx: Ctx, query: ListQuery): Promise<{ data: Api[]; nextCursor: string | null }>;
  get(ctx: Ctx, id: string): Promise<Api>;
  create(ctx: Ctx, data: C): Promise<Api>;
  update(ctx: Ctx, args: { id: string; data: U; expectedVersion?: number }): Promise<Api>;
  remove(ctx: Ctx, args: { id: string; expectedVersion?: number }): Promise<void>;
  restore(ctx: Ctx, id: string): Promise<Api>;
  history(ctx: Ctx, id: string): Promise<AuditEntry[]>;
};

export type RecordServiceHooks<Row, Api, C, U> = Omit<WriteHooks<Row>, 'validate'> & {
  /** Turns stored rows into API records in one batch (e.g. resolving linked names). */
  present?: (ctx: Ctx, rows: Row[]) => Promise<Api[]>;
  /**
   * Object-specific rules checked in the write's transaction before a create (`current`
   * undefined) or an update (`current` is the stored row, locked).
   */
  validate?: (ctx: Ctx, data: C | U, current?: Row) => Promise<void>;
};

/**
 * The standard use cases of an object from its declaration: the shared data layer does
 * tenancy, permissions, concurrency, trash, audit and events; hooks add the object's own rules.
 */
export function recordService<
  Row extends StoredRecord,
  Api extends Record<string, unknown>,
  C extends Writable,
  U extends Writable,
>(
  def: ObjectDef<Row, Api>,
  hooks: RecordServiceHooks<Row, Api, C, U> = {},
): RecordService<Api, C, U> {
  const toApi = hooks.present ?? (async (_ctx: Ctx, rows: Row[]) => rows.map(def.toApi));
  const present = async (ctx: Ctx, rows: Row[]) =>
    (await toApi(ctx, rows)).map((record) => maskHiddenFields(ctx, def, record));
  const presentOne = async (ctx: Ctx, row: Row) => (await present(ctx, [row]))[0];
  const writeHooks: WriteHooks<Row> = {
    validate: hooks.validate as WriteHooks<Row>['validate'],
    derive: hooks.derive,
    afterWrite: hooks.afterWrite,
  };
  return {
    async list(ctx, query) {
      const { rows, nextCursor } = await listRecords(ctx, def, query);
      return { data: await present(ctx, rows), nextCursor };
    },
    get: async (ctx, id) => presentOne(ctx, await getRecord(ctx, def, id)),
    create: async (ctx, data) => presentOne(ctx, await createRecord(ctx, def, data, writeHooks)),
    update: async (ctx, { id, data, expectedVersion }) =>
      presentOne(ctx, await updateRecord(ctx, def, id, data, expectedVersion, writeHooks)),
    async remove(ctx, { id, expectedVersion }) {
      await deleteRecord(ctx, def, id, expectedVersion, writeHooks);
    },
    restore: async (ctx, id) => presentOne(ctx, await restoreRecord(ctx, def, id, writeHooks)),
    history: (ctx, id) => getRecordHistory(ctx, def, id),
  };
}
