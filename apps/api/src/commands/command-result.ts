import { ApiProperty } from '@nestjs/swagger';

/** The answer to every command: the entity, its stream's new version, and the log position of the last event. */
export class CommandResult {
  @ApiProperty({ example: '3f2c8a4e-1b7d-4c55-9a0e-2d6f1e8b9c10' })
  id!: string;
  @ApiProperty({ example: 2, description: 'the stream version after the command: send it back as If-Match' })
  version!: number;
  @ApiProperty({ example: 1042, description: 'global log position of the last event appended' })
  position!: number;
}
