import {
  CreatePipelineInput,
  CreateStageInput,
  IdParamsSchema,
  PipelineSchema,
  PipelineStageParamsSchema,
  ProblemSchema,
  ReorderStagesInput,
  UpdatePipelineInput,
  UpdateStageInput,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addStage,
  createPipeline,
  deletePipeline,
  deleteStage,
  getPipeline,
  listPipelines,
  reorderStages,
  updatePipeline,
  updateStage,
} from './pipelines.service.js';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const TAG = 'Pipelines';
const ADMINS = 'Workspace administrators only; audited.';

export async function pipelineRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/pipelines', {
    schema: {
      tags: [TAG],
      summary: 'Pipelines with their stages, in order (the first is the default)',
      description: 'For everyone who may read opportunities.',
      response: { 200: z.object({ data: z.array(PipelineSchema) }), ...problems },
    },
    handler: async (req) => ({ data: await listPipelines(req.ctx) }),
  });
  r.post('/pipelines', {
    schema: {
      tags: [TAG],
      summary: 'Create a pipeline with its stages',
      description: `Exactly one won stage, at least one lost and one open stage. ${ADMINS}`,
      body: CreatePipelineInput,
      response: { 201: PipelineSchema, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(await createPipeline(req.ctx, req.body)),
  });
  r.get('/pipelines/:id', {
    schema: {
      tags: [TAG],
      summary: 'Get a pipeline',
      params: IdParamsSchema,
      response: { 200: PipelineSchema, ...problems },
    },
    handler: (req) => getPipeline(req.ctx, req.params.id),
  });
  r.patch('/pipelines/:id', {
    schema: {
      tags: [TAG],
      summary: 'Rename or move a pipeline',
      description: ADMINS,
      params: IdParamsSchema,
      body: UpdatePipelineInput,
      response: { 200: PipelineSchema, ...problems },
    },
    handler: (req) => updatePipeline(req.ctx, { id: req.params.id, data: req.body }),
  });
  r.delete('/pipelines/:id', {
    schema: {
      tags: [TAG],
      summary: 'Delete a pipeline',
      description: `Refused (409) while it holds opportunities, or when it is the last one. ${ADMINS}`,
      params: IdParamsSchema,
      response: { 204: z.null(), ...problems },
    },
    handler: async (req, reply) => {
      await deletePipeline(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
  r.post('/pipelines/:id/stages', {
    schema: {
      tags: [TAG],
      summary: 'Add a stage (at `position`, else at the end)',
      description: ADMINS,
      params: IdParamsSchema,
      body: CreateStageInput,
      response: { 201: PipelineSchema, ...problems },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await addStage(req.ctx, { id: req.params.id, data: req.body })),
  });
  r.patch('/pipelines/:id/stages/:stageId', {
    schema: {
      tags: [TAG],
      summary: 'Change a stage (name, probability, kind, required fields)',
      description: `A kind change is refused (409) while the stage holds opportunities. ${ADMINS}`,
      params: PipelineStageParamsSchema,
      body: UpdateStageInput,
      response: { 200: PipelineSchema, ...problems },
    },
    handler: (req) =>
      updateStage(req.ctx, { id: req.params.id, stageId: req.params.stageId, data: req.body }),
  });
  r.delete('/pipelines/:id/stages/:stageId', {
    schema: {
      tags: [TAG],
      summary: 'Delete a stage',
      description: `Refused (409) while it holds opportunities. ${ADMINS}`,
      params: PipelineStageParamsSchema,
      response: { 200: PipelineSchema, ...problems },
    },
    handler: (req) => deleteStage(req.ctx, { id: req.params.id, stageId: req.params.stageId }),
  });
  r.put('/pipelines/:id/stage-order', {
    schema: {
      tags: [TAG],
      summary: "Reorder a pipeline's stages",
      description: `\`stageIds\` lists every stage of the pipeline once, in the new order. ${ADMINS}`,
      params: IdParamsSchema,
      body: ReorderStagesInput,
      response: { 200: PipelineSchema, ...problems },
    },
    handler: (req) => reorderStages(req.ctx, { id: req.params.id, data: req.body }),
  });
}
