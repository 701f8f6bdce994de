import type { Page, PageRequest } from '@app/common';
/** Who did it: an account (with the role it acted in), an anonymous caller, or the platform itself. */
export interface AuditActor {
  accountId: string | null;
  role: string;
}

export const ANONYMOUS_ACTOR: AuditActor = Object.freeze({ accountId: null, role: 'anonymous' });
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ accountId: null, role: 'system' });

export interface AuditEntry {
  actor: AuditActor;
  /** Dotted lower-case name, e.g. `auth.login_succeeded`. */
  action: string;
  target?: { type: string; id: string };
  requestId?: string;
  /** Ids and outcomes only: no personal data in clear. */
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  id: string;
  occurredAt: Date;
  actorAccountId: string | null;
  actorRole: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery extends PageRequest {
  actorAccountId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** Newest first. */
export type AuditPage = Page<AuditEvent>;
