import { protectedProcedure, router } from "../trpc/init";
import { ROLE_PERMISSIONS } from "../auth/permissions";
import { getWorkspaceOverview, listMembers } from "./get-workspace-overview";

export const workspacesRouter = router({
  /** The signed-in member: who they are, their role and permissions, the workspace's teams. */
  me: protectedProcedure.query(async ({ ctx }) => {
    const overview = await getWorkspaceOverview(ctx.db, ctx.actor);
    return {
      user: { id: ctx.actor.userId, name: ctx.actor.name, email: ctx.actor.email },
      role: ctx.actor.role,
      accessUntil: ctx.actor.accessUntil,
      permissions: [...ROLE_PERMISSIONS[ctx.actor.role]],
      workspace: { id: ctx.actor.workspaceId, name: ctx.actor.workspaceName },
      teams: overview.teams,
      channelKinds: overview.channelKinds,
    };
  }),

  /** Active members, for the assignee picker and @mentions. */
  members: protectedProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.actor)),
});
