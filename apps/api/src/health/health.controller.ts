import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionsService } from '../projections/projections.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @ApiOperation({
    summary: 'Is the database reachable, where is the log, and how far behind are the read models?',
  })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'ok',
        database: 'up',
        logPosition: 1234,
        projections: { ledger: { position: 1230, lag: 4 } },
      },
    },
  })
  async health(): Promise<Record<string, unknown>> {
    try {
      const { position, head, lag } = await this.projections.lag();
      return {
        status: 'ok',
        database: 'up',
        logPosition: head,
        projections: { [this.projections.live.name]: { position, lag } },
      };
    } catch (error) {
      throw new ServiceUnavailableException(`Database unreachable: ${(error as Error).message}`);
    }
  }
}
