import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { PG_POOL } from '@ledger/database';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiOperation({ summary: 'Is the database reachable, and where is the log?' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up', logPosition: 1234 } } })
  async health(): Promise<Record<string, unknown>> {
    try {
      const head = await this.pool.query<{ global_position: string }>(
        'SELECT global_position FROM ledger_head',
      );
      return { status: 'ok', database: 'up', logPosition: Number(head.rows[0].global_position) };
    } catch (error) {
      throw new ServiceUnavailableException(`Database unreachable: ${(error as Error).message}`);
    }
  }
}
