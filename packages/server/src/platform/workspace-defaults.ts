import type { Locale } from '@guanxi/contract';
import type { Executor } from '../db/client.js';

export type NewWorkspaceInfo = { workspaceId: string; locale: Locale; now: Date };

/** Fills a new workspace with a module's defaults (a pipeline, a pool, …) in its transaction. */
export type WorkspaceDefaults = (tx: Executor, workspace: NewWorkspaceInfo) => Promise<void>;

const steps = new Map<string, WorkspaceDefaults>();

/** A module registers its defaults once, from its index; the name keeps re-imports idempotent. */
export function registerWorkspaceDefaults(name: string, step: WorkspaceDefaults): void {
  steps.set(name, step);
}

export async function applyWorkspaceDefaults(tx: Executor, workspace: NewWorkspaceInfo) {
  for (const step of steps.values()) await step(tx, workspace);
}
