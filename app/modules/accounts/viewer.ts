import type { MemberRole, OrgKind } from "~/generated/prisma/enums";

/** Who is looking at a page: the signed-in user and the organisation they act for. Safe to send to the browser. */
export interface Viewer {
  userId: string;
  name: string;
  email: string;
  isOperator: boolean;
  emailVerified: boolean;
  organization: {
    id: string;
    kind: OrgKind;
    shortName: string;
    slug: string;
    role: MemberRole;
    verified: boolean;
  } | null;
  organizations: { id: string; kind: OrgKind; shortName: string; role: MemberRole }[];
}
