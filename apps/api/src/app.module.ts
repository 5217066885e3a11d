import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { DatabaseModule, LedgerConfig } from '@ledger/database';
import { CommandsModule } from './commands/commands.module';
import { CorrectionsModule } from './corrections/corrections.module';
import { DisciplineCasesModule } from './discipline-cases/discipline-cases.module';
import { HealthController } from './health/health.controller';
import { MembersModule } from './members/members.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ProjectionsModule } from './projections/projections.module';
import { WorklistModule } from './worklist/worklist.module';

export interface AppOptions {
  config: LedgerConfig;
  /** The database `openDatabase` chose: the configured one or the embedded one. */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Already validated by validateConfig in main; exposed to providers through ConfigService.
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...options.config })] }),
        CqrsModule.forRoot(),
        DatabaseModule.forRoot({ url: options.databaseUrl }),
        CommandsModule,
        OrganizationsModule,
        MembersModule,
        ProjectionsModule,
        CorrectionsModule,
        WorklistModule,
        DisciplineCasesModule,
      ],
      controllers: [HealthController],
    };
  }
}
