import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WarmStart } from '../commands/warm-start';
import { ProjectionsService } from '../projections/projections.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly warmStart: WarmStart,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Is the database reachable, where is the log, how far behind are the read models, and have the organizations been folded since the start?',
  })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'ok',
        database: 'up',
        logPosition: 1234,
        projections: { ledger: { position: 1230, lag: 4 } },
        warmStart: { state: 'done', organizations: 9580 },
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
        warmStart: this.warmStart.status,
      };
    } catch (error) {
      throw new ServiceUnavailableException(`Database unreachable: ${(error as Error).message}`);
    }
  }
}
