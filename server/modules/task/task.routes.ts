import { ZIdParams } from '@core/schemas/common.schemas';
import {
  ZAssignTasksRequest,
  ZAssignTasksResponse,
  ZCreateTaskRequest,
  ZTask,
  ZUpdateTaskRequest,
} from '@core/schemas/task.schemas';
import { serviceRoute } from '../../http/route';
import { presentTask } from './task.presenter';
import type { EditableTask } from './task.service';

const presentEditable = (row: EditableTask) => presentTask(row, { edit: row.canEdit });

const tags = ['Nhiệm vụ'];

export const taskRoutes = [
  serviceRoute({
    method: 'POST',
    path: '/api/v1/plans/:id/tasks',
    operationId: 'createTask',
    summary: 'Thêm nhiệm vụ vào kế hoạch',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZCreateTaskRequest },
    data: ZTask,
    status: 201,
    handler: async ({ params, body, meta }, { services }) =>
      presentEditable(await services.task.create(meta, params.id, body)),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/plans/:id/tasks/assign',
    operationId: 'assignTasks',
    summary: 'Giao đơn vị chủ trì (và phối hợp) cho nhiều nhiệm vụ cùng lúc',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZAssignTasksRequest },
    data: ZAssignTasksResponse,
    handler: async ({ params, body, meta }, { services }) => {
      const { tasks, changed } = await services.task.assign(meta, params.id, body);
      return { tasks: tasks.map(presentEditable), changed };
    },
  }),
  serviceRoute({
    method: 'PATCH',
    path: '/api/v1/tasks/:id',
    operationId: 'updateTask',
    summary: 'Sửa nhiệm vụ',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZUpdateTaskRequest },
    data: ZTask,
    handler: async ({ params, body, meta }, { services }) =>
      presentEditable(await services.task.update(meta, params.id, body)),
  }),
  serviceRoute({
    method: 'DELETE',
    path: '/api/v1/tasks/:id',
    operationId: 'deleteTask',
    summary: 'Xóa nhiệm vụ',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams },
    status: 204,
    handler: ({ params, meta }, { services }) => services.task.remove(meta, params.id),
  }),
];
