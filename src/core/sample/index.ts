export { buildSampleBook, SAMPLE_SHEETS } from './buildSampleBook';
export type { SampleBook, SampleInspector, SampleOptions, SampleTarget } from './buildSampleBook';
