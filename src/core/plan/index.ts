export * from './planGenerators';
export * from './appendTask';
