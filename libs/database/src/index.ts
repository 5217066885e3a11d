export * from './config';
export * from './embedded-postgres';
export * from './open-database';
export * from './startup-error';
export * from './migrations';
export * from './database.module';
