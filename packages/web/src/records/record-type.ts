import type { PermissionObject } from '@guanxi/contract';
import type { Icon } from '@tabler/icons-react';
import type { RegisteredRouter } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import type { EnumKind } from '../i18n/enums';
import type { Messages } from '../i18n/zh-CN';
import type { ResourceApi } from '../lib/resource-api';
import { type RecordFilter, type RecordSearch, recordSearchValidator } from './search';
import type { RecordView } from './view';

/** What the shared record pages rely on; every main object's API answer has these. */
export type RecordBase = {
  id: string;
  version: number;
  name: string;
  /** Null while the record waits in a public pool (accounts, leads). */
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

/** The part of a resource API the shared pages use; forms use their feature's API directly. */
export type RecordApi<T extends RecordBase> = Pick<
  ResourceApi<T, unknown, unknown>,
  'useList' | 'useOne' | 'useHistory' | 'useRemove' | 'useRestore'
>;

/** The texts a record type's message namespace must hold (`accounts.title`, …). */
type RecordMessages = Record<
  | 'title'
  | 'subtitle'
  | 'new'
  | 'edit'
  | 'searchLabel'
  | 'searchPlaceholder'
  | 'emptyTitle'
  | 'emptyDescription'
  | 'noMatchTitle'
  | 'noMatchDescription'
  | 'trashEmptyTitle'
  | 'trashEmptyDescription'
  | 'created'
  | 'saved'
  | 'deleted'
  | 'restored'
  | 'deleteTitle'
  | 'deleteMessage'
  | 'inTrash'
  | 'tabDetails'
  | 'tabHistory',
  string
> & { fields: Record<'name' | 'ownerId' | 'createdAt' | 'updatedAt', string> };

export type RecordMessageKey = Exclude<keyof RecordMessages, 'fields'>;

/** Message namespaces that describe a record type: `accounts`, `contacts`, … */
export type RecordNamespace = {
  [K in keyof Messages]: Messages[K] extends RecordMessages ? K : never;
}[keyof Messages];

type DetailPathOf<P> = P extends `${infer List}/$id` ? List : never;
/** Record list paths the router knows, each with a `<list>/$id` detail route (see record-routes). */
export type RecordListPath = DetailPathOf<keyof RegisteredRouter['routesByPath']>;

/** Props every record form takes; `defaults` prefill a new record (e.g. its account). */
export type RecordFormProps<T, D = never> = {
  /** The record to edit; omit to create one. */
  record?: T;
  defaults?: D;
  onSaved: (record: T) => void;
  onCancel: () => void;
};

/** How a history entry shows the values of some fields; the rest show as text. */
export type HistoryFormat = {
  /** Fields whose values are enum keys, with the enum that words them. */
  enumFields?: Partial<Record<string, EnumKind>>;
  /** Fields with their own wording, e.g. a list of phone numbers. */
  fields?: Partial<Record<string, (value: unknown, view: RecordView) => string | undefined>>;
};

/**
 * Everything the shared list, detail, form and route mechanisms need to know about one record
 * type. A feature declares this once (see `features/accounts/record.ts`) and gets its pages.
 * `P` is the list path: plain at the declaration, checked against the router where used, so the
 * router can read the declaration without depending on itself.
 */
export type RecordTypeDefinition<
  T extends RecordBase,
  K extends string = string,
  D = never,
  P extends string = `/${string}`,
> = {
  /** Permission object: what `can(object, action)` asks about. */
  object: PermissionObject;
  /** Message namespace with the texts of `RecordMessages`. */
  messages: RecordNamespace;
  api: RecordApi<T>;
  /** Where the list lives; a record's page is at `<listPath>/$id`. */
  listPath: P;
  /** Shown on the empty list. */
  icon: Icon;
  /** Filters above the list, in order; their `param`s are the list's URL search keys. */
  filters: readonly RecordFilter<K>[];
  validateSearch: (search: Record<string, unknown>) => RecordSearch<K>;
  /** The create and edit form. */
  Form: ComponentType<RecordFormProps<T, D>>;
  history?: HistoryFormat;
};

/** A declared record type whose list path is one the router knows. */
export type RecordType<
  T extends RecordBase,
  K extends string = string,
  D = never,
> = RecordTypeDefinition<T, K, D, RecordListPath>;

type ParamOf<F> = F extends { param: infer K extends string } ? K : never;

/**
 * Declares a record type: `defineRecordType<Account>()({ … })`. The list's URL search comes
 * from the declared filters. (Curried so the record type is given and the rest inferred.)
 */
export const defineRecordType =
  <T extends RecordBase, D = never>() =>
  <const F extends readonly RecordFilter[], const P extends `/${string}`>(
    definition: Omit<RecordTypeDefinition<T, ParamOf<F[number]>, D, P>, 'validateSearch'> & {
      filters: F;
    },
  ): RecordTypeDefinition<T, ParamOf<F[number]>, D, P> => ({
    ...definition,
    validateSearch: recordSearchValidator(definition.filters),
  });
