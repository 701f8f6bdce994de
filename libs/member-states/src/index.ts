export * from './member-states.errors';
export { MemberStatesModule } from './member-states.module';
export {
  MemberStates,
  type MemberStateParticipation,
  type ParticipationChange,
} from './member-states.service';
export { addMonths, NOTICE_MONTHS, participationProblems, type Participation } from './participation';
