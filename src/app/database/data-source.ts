import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../platform/config/app-config';
import { buildDataSourceOptions } from './typeorm-options';

/** The data source the TypeORM CLI uses (`npm run migration:*`). */
export default new DataSource(buildDataSourceOptions(loadAppConfig().databaseUrl));
