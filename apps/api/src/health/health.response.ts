import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyHealth {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ example: 3 })
  latencyMs!: number;

  @ApiPropertyOptional({ example: 'connection refused' })
  error?: string;
}

export class ServicesHealth {
  @ApiProperty({ type: DependencyHealth })
  postgres!: DependencyHealth;

  @ApiProperty({ type: DependencyHealth })
  redis!: DependencyHealth;

  @ApiProperty({ type: DependencyHealth })
  meilisearch!: DependencyHealth;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status!: 'ok' | 'degraded';

  @ApiProperty({ type: ServicesHealth })
  services!: ServicesHealth;
}
