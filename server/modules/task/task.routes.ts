import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import {
  ZAssignTasksRequest,
  ZAssignTasksResponse,
  ZCreateTaskRequest,
  ZTask,
  ZUpdateTaskRequest,
} from '@core/schemas/task.schemas';
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
    method: 'POST',
    path: '/api/v1/plans/:id/tasks/assign',
    operationId: 'assignTasks',
    summary: 'Giao đơn vị chủ trì (và phối hợp) cho nhiều nhiệm vụ cùng lúc',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZAssignTasksRequest, response: { 200: dataOf(ZAssignTasksResponse) } },
    handler: async ({ params, body, meta }, { services }) => {
      const { tasks, changed } = await services.task.assign(meta, params.id, body);
      return { status: 200, body: { data: { tasks: tasks.map(presentEditable), changed } } };
    },
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
