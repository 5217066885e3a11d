import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { StartupError } from './startup-error';

/**
 * The environment the app reads, validated once at boot. Libraries never read process.env:
 * they receive this object.
 */
export class LedgerConfig {
  /** postgres://user:password@host:port/database — when unset, an embedded PostgreSQL is started. */
  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded PostgreSQL keeps its data. */
  @IsString()
  DATA_DIR: string = './data';

  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  PORT: number = 3000;
}

export function validateConfig(env: Record<string, unknown>): LedgerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(LedgerConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new StartupError(`Invalid configuration: ${[...new Set(messages)].join('; ')}`);
  }
  return config;
}
