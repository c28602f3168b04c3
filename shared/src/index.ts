export * from './enums';
export * from './labels';
export * from './regions';
export * from './id-number';
export * from './money';
export * from './mask';
export * from './relationships';
export * from './policy';
