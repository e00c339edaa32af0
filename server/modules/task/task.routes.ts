import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import { ZCreateTaskRequest, ZTask, ZUpdateTaskRequest } from '@core/schemas/task.schemas';
import { defineRoute } from '../../http/route';
import { presentTask } from './task.presenter';
import type { EditableTask } from './task.service';

const presentEditable = (row: EditableTask) => presentTask(row, { edit: row.canEdit });

const tags = ['Nhiệm vụ'];

export const taskRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:id/tasks',
    operationId: 'createTask',
    summary: 'Thêm nhiệm vụ vào kế hoạch',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZCreateTaskRequest, response: { 201: dataOf(ZTask) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 201,
      body: { data: presentEditable(await services.task.create(meta, params.id, body)) },
    }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/tasks/:id',
    operationId: 'updateTask',
    summary: 'Sửa nhiệm vụ',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZUpdateTaskRequest, response: { 200: dataOf(ZTask) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: presentEditable(await services.task.update(meta, params.id, body)) },
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/tasks/:id',
    operationId: 'deleteTask',
    summary: 'Xóa nhiệm vụ',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, response: { 204: null } },
    handler: async ({ params, meta }, { services }) => {
      await services.task.remove(meta, params.id);
      return { status: 204 };
    },
  }),
];
