export { ActivityTimeline } from './ActivityTimeline';
export { activitiesApi, linkFilter, type RecordLink } from './api';
export { LogActivityModal } from './LogActivityModal';
export { RecordRef, recordPath } from './record-ref';
