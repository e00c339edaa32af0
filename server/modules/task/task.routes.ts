import {
  ZAssignTasksRequest,
  ZAssignTasksResponse,
  ZCreateTaskRequest,
  ZTask,
  ZUpdateTaskRequest,
} from '@core/schemas/task.schemas';
import { routesOf } from '../../http/route-shapes';
import { presentTask } from './task.presenter';
import type { EditableTask } from './task.service';

const presentEditable = (row: EditableTask) => presentTask(row, { edit: row.canEdit });

const route = routesOf(['Nhiệm vụ'], { answers: ZTask });

export const taskRoutes = [
  route.create({
    path: '/api/v1/plans/:id/tasks',
    operationId: 'createTask',
    summary: 'Thêm nhiệm vụ vào kế hoạch',
    permission: 'plan:write',
    body: ZCreateTaskRequest,
    call: async ({ params, body, meta }, { task }) =>
      presentEditable(await task.create(meta, params.id, body)),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/plans/:id/tasks/assign',
    operationId: 'assignTasks',
    summary: 'Giao đơn vị chủ trì (và phối hợp) cho nhiều nhiệm vụ cùng lúc',
    permission: 'plan:write',
    body: ZAssignTasksRequest,
    data: ZAssignTasksResponse,
    call: async ({ params, body, meta }, { task }) => {
      const { tasks, changed } = await task.assign(meta, params.id, body);
      return { tasks: tasks.map(presentEditable), changed };
    },
  }),
  route.change({
    method: 'PATCH',
    path: '/api/v1/tasks/:id',
    operationId: 'updateTask',
    summary: 'Sửa nhiệm vụ',
    permission: 'plan:write',
    body: ZUpdateTaskRequest,
    call: async ({ params, body, meta }, { task }) =>
      presentEditable(await task.update(meta, params.id, body)),
  }),
  route.remove({
    path: '/api/v1/tasks/:id',
    operationId: 'deleteTask',
    summary: 'Xóa nhiệm vụ',
    permission: 'plan:write',
    call: ({ params, meta }, { task }) => task.remove(meta, params.id),
  }),
];
