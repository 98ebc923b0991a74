/** Teams: list and get (`tasks.read`), create, change, add and remove members (`teams.manage`). */
import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { Id, MemberInput, NewTeamInput, TeamCode, TeamDto, TeamPatchInput, teamTags as tags } from './tasks.schema.js';
import * as teams from './teams.service.js';
import { destinationPolicy, destinationProblem } from '../../platform/http/destination.js';
import { Invalid } from '../../platform/http/errors.js';

const Params = z.object({ code: TeamCode });

export function teamRoutes(app: App, { db, config }: AppContext) {
  // A robot URL is a destination Wareloop will POST to from inside the network: the webhook rule applies.
  const robots = destinationPolicy(config);
  const checkRobot = async (url: string | null | undefined) => {
    const problem = url ? await destinationProblem(robots, url) : undefined;
    if (problem) throw new Invalid('chatWebhookUrl', problem);
  };
  app.get(
    '/api/v1/teams',
    {
      config: { permission: 'tasks.read' },
      schema: { tags, summary: 'Teams with their members', querystring: PageQuery, response: { 200: page(TeamDto) } },
    },
    async (req) => teams.listTeams(db, req.query),
  );

  app.get(
    '/api/v1/teams/:code',
    {
      config: { permission: 'tasks.read' },
      schema: { tags, summary: 'A team with its members', params: Params, response: { 200: TeamDto } },
    },
    async (req) => teams.getTeam(db, req.params.code),
  );

  app.post(
    '/api/v1/teams',
    {
      config: { permission: 'teams.manage' },
      schema: {
        tags,
        summary: 'Create a team (code, names in zh-CN and en, optional group-chat robot URL and its message format)',
        body: NewTeamInput,
        response: { 201: TeamDto },
      },
    },
    async (req, reply) => {
      await checkRobot(req.body.chatWebhookUrl);
      return idempotent(db, req, reply, 201, (tx) => teams.createTeam(tx, principal(req).actor, req.body));
    },
  );

  app.patch(
    '/api/v1/teams/:code',
    {
      config: { permission: 'teams.manage' },
      schema: {
        tags,
        summary: 'Change a team’s names or its group chat (null removes the robot URL)',
        params: Params,
        body: TeamPatchInput,
        response: { 200: TeamDto },
      },
    },
    async (req) => {
      await checkRobot(req.body.chatWebhookUrl);
      return db.transaction((tx) => teams.updateTeam(tx, principal(req).actor, req.params.code, req.body));
    },
  );

  app.post(
    '/api/v1/teams/:code/members',
    {
      config: { permission: 'teams.manage' },
      schema: {
        tags,
        summary: 'Add a user to the team (one already in it is no change); 422 names userId when the user does not exist or is deactivated',
        params: Params,
        body: MemberInput,
        response: { 200: TeamDto },
      },
    },
    async (req) => db.transaction((tx) => teams.addTeamMember(tx, principal(req).actor, req.params.code, req.body.userId)),
  );

  app.delete(
    '/api/v1/teams/:code/members/:userId',
    {
      config: { permission: 'teams.manage' },
      schema: { tags, summary: 'Remove a user from the team', params: Params.extend({ userId: Id }), response: { 200: TeamDto } },
    },
    async (req) => db.transaction((tx) => teams.removeTeamMember(tx, principal(req).actor, req.params.code, req.params.userId)),
  );
}
