export { readDirectories, readTargets, readInspectors, readHistory, dateSerialOf } from './readDirectories';
export type { Directories, HistoryEntry, InspectorEntry, TargetEntry } from './readDirectories';
