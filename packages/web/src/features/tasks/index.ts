export { tasksApi, useMyTasks } from './api';
export { MyTasksPage } from './MyTasksPage';
export { TaskFormModal } from './TaskForm';
export { TaskPanel } from './TaskPanel';
