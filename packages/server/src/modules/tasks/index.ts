// Importing the module registers its reminder job and its merge relinkers.
import './reminders.js';
import './relinks.js';

export { relinkLeadTasks } from './relinks.js';
export { transferOpenTasks } from './task-owners.js';
export { taskRoutes } from './tasks.routes.js';
export { createTask, getTask, listTasks, updateTask } from './tasks.service.js';
