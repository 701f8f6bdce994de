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

export class TaxonomySearchHealth {
  @ApiProperty({
    enum: ['ready', 'building'],
    description: 'ready once both taxonomy indexes serve documents',
  })
  status!: 'ready' | 'building';

  @ApiProperty({ example: 3007 })
  occupations!: number;

  @ApiProperty({ example: 13896 })
  skills!: number;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ready', 'not_ready'] })
  status!: 'ready' | 'not_ready';

  @ApiProperty({ type: ServicesHealth })
  services!: ServicesHealth;

  @ApiProperty({ type: TaxonomySearchHealth })
  taxonomySearch!: TaxonomySearchHealth;
}

export class LivenessResponse {
  @ApiProperty({ enum: ['alive'] })
  status!: 'alive';
}
