export * from './planGenerators';
