import { describe, expect, it } from "vitest";
import { createMember, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";

const db = testDb();

describe("workspace.me", () => {
  it("refuses an anonymous caller", async () => {
    await expect(callerAs(null).workspace.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a session for a workspace the user is not a member of", async () => {
    const a = await createWorkspaceWithRoles(db);
    const b = await createWorkspaceWithRoles(db);
    await expect(callerAs({ userId: a.members.agent.user.id, workspaceId: b.workspace.id }).workspace.me()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses a volunteer once their access window has passed", async () => {
    const { workspace } = await createWorkspaceWithRoles(db);
    const late = await createMember(db, { workspaceId: workspace.id, role: "VOLUNTEER", accessUntil: new Date(Date.now() - 1000) });
    await expect(callerAs(late).workspace.me()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("returns the member's role, permissions and the teams they can open", async () => {
    const { members, teams, channel } = await createWorkspaceWithRoles(db);
    const agent = await callerAs(members.agent).workspace.me();
    expect(agent.channelKinds).toEqual([channel.kind]);
    expect(agent.role).toBe("AGENT");
    expect(agent.permissions).toContain("conversations.readAll");
    expect(agent.teams.map((t) => t.id).sort()).toEqual([teams.support.id, teams.returns.id].sort());

    const volunteer = await callerAs(members.volunteer).workspace.me();
    expect(volunteer.role).toBe("VOLUNTEER");
    expect(volunteer.permissions).not.toContain("settings.read");
    expect(volunteer.teams.map((t) => t.id)).toEqual([teams.returns.id]);
  });
});
