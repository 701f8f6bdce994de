import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class ConsistencyCheckRequest {
  @ApiPropertyOptional({ default: false, description: 'Also record the jobs that repair the drift found' })
  @IsOptional()
  @IsBoolean()
  repair?: boolean;
}
