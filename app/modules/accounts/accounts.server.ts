import { RateLimitedError } from "~/utils/rate-limit.server";
import { type Actor, ForbiddenError, NotFoundError } from "./actor";
import { safeRedirect } from "./policy";
import type { Viewer } from "./viewer";

export { getActor, getViewer, requireActor, workspacePath } from "./auth.server";
export { authenticatePassword, type LoginResult, login, logout, postLoginPath } from "./login.server";
export {
  type AcceptResult,
  acceptInvitation,
  getInvitation,
  type InviteResult,
  inviteMember,
  listMembers,
  removeMember,
  revokeInvitation,
} from "./members.server";
export { getPlatformMetrics, type PlatformMetrics } from "./metrics.server";
export {
  decideOrganization,
  getOrganizationForOperator,
  listOrganizationsForAdmin,
  listVerificationQueue,
  type OperatorDecision,
  type OperatorOrganizationFilters,
  type OrganizationState,
  type OrganizationStatusFilter,
  REASON_MAX,
  REASON_REQUIRED,
  RECENT_DECISION_DAYS,
  restoreOrganization,
  suspendOrganization,
  unverifyOrganization,
  type VerificationQueueFilters,
  type VerificationQueueStatus,
  verifyOrganization,
} from "./operator.server";
export { createOperator } from "./operators.server";
export {
  activeOrganizationWhere,
  getOrganizationSettings,
  isOrganizationActive,
  isOrganizationVerified,
  updateOrganizationSettings,
} from "./organizations.server";
export { isResetTokenValid, type ResetResult, requestPasswordReset, resetPassword } from "./password-reset.server";
export { type ChangePasswordResult, changePassword, getAccount, updateProfile } from "./profile.server";
export { type RequestContext, requestContext } from "./request-context.server";
export {
  resendVerification,
  type SignupInvitation,
  type SignupResult,
  signUp,
  verifyEmailByCode,
  verifyEmailByToken,
} from "./signup.server";
export {
  listSessions,
  logoutEverywhere,
  pruneAccounts,
  revokeSession,
  switchOrganization,
} from "./user-sessions.server";
export type { Actor, Viewer };
export { ForbiddenError, NotFoundError, RateLimitedError, safeRedirect };
/**
 * PUBLIC SURFACE OF THE ACCOUNTS MODULE: identity, sessions, organisations, memberships, invitations, the operator.
 * Every use case that acts for someone takes an Actor and scopes its queries to the actor's organisation. The use cases
 * live in one file per concern (auth, login, signup, password-reset, profile, sessions, organizations, members); the
 * operator console's are in `operator.server` and `metrics.server`. This file is their door.
 */
