export { ConsistencyChecker, type ProgressListener } from './consistency-checker.service';
export type { CompareTotals, ConsistencyReport, DriftKind } from './consistency-report';
export { ConsistencyReports } from './consistency-reports.service';
export { ConsistencyModule, ConsistencyReportsModule } from './consistency.module';
