/** Injection token of the application's TypeORM data source (connected as the app role). */
export const APP_DATA_SOURCE = Symbol('APP_DATA_SOURCE');
