export { DuplicateMatches, LIST_PATH } from './DuplicateMatches';
export { DuplicateRulesEditor } from './DuplicateRulesEditor';
export { MergeButton, type MergeSetup } from './MergeDialog';
export { RecordPicker } from './RecordPicker';
