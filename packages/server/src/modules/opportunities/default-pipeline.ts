import type { CreatePipelineInput, Locale } from '@guanxi/contract';
import { registerWorkspaceDefaults } from '../../platform/workspace-defaults.js';
import { insertPipeline } from './pipelines.service.js';

/** The pipeline every new workspace starts with, named in the workspace's language. */
export function defaultPipeline(locale: Locale): CreatePipelineInput {
  const zh = locale === 'zh-CN';
  const stage = (
    zhName: string,
    enName: string,
    probability: number,
    kind: 'open' | 'won' | 'lost',
    requiredFields: CreatePipelineInput['stages'][number]['requiredFields'] = [],
  ) => ({ name: zh ? zhName : enName, probability, kind, requiredFields });
  return {
    name: zh ? '新客户销售' : 'New business',
    stages: [
      stage('初步接洽', 'Qualification', 10, 'open'),
      stage('需求分析', 'Needs analysis', 25, 'open'),
      stage('方案报价', 'Proposal/Quote', 50, 'open', ['amount']),
      stage('商务谈判', 'Negotiation', 75, 'open', ['amount', 'expectedCloseDate']),
      stage('赢单', 'Won', 100, 'won', ['amount']),
      stage('输单', 'Lost', 0, 'lost', ['lossReason']),
    ],
  };
}

export function registerDefaultPipeline() {
  registerWorkspaceDefaults('opportunities', (tx, workspace) =>
    insertPipeline(
      tx,
      workspace.workspaceId,
      { ...defaultPipeline(workspace.locale), position: 0 },
      workspace.now,
    ).then(() => undefined),
  );
}
