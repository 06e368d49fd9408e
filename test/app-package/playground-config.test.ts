import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LOCAL_TENANT_ID } from '../../src/config';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const readYaml = (file: string): unknown => parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

// The fields the Agents Playground 0.2.28 requires of a user (it refuses `userPrincipalName`).
const user = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    userPrincipleName: z.string().email(),
    aadObjectId: z.string().uuid(),
    givenName: z.string().min(1),
    surname: z.string().min(1),
    email: z.string().email(),
  })
  .strict();
const playgroundConfig = z.object({
  version: z.literal('0.1.1'),
  tenantId: z.string(),
  bot: z.object({ id: z.string(), name: z.string().max(42) }),
  currentUser: user,
  users: z.array(user),
  personalChat: z.object({ id: z.string() }),
  groupChat: z.object({ id: z.string(), name: z.string() }),
  team: z.object({ id: z.string(), name: z.string(), aadGroupId: z.string(), channels: z.array(z.object({ id: z.string(), name: z.string() })).max(1) }),
});
const people = z.object({ people: z.array(z.object({ id: z.string().optional(), upn: z.string().optional() }).passthrough()) });
const frontDoor = z.object({ teams: z.object({ teamId: z.string(), dutyChannelId: z.string(), panelChannelId: z.string() }) }).passthrough();

const config = playgroundConfig.parse(readYaml('.m365agentsplayground.yml'));

describe('the local Teams client config (.m365agentsplayground.yml)', () => {
  it('uses the local tenant the bot accepts by default', () => {
    expect(config.tenantId).toBe(LOCAL_TENANT_ID);
  });

  it('signs in Alex Morgan and has exactly the five local colleagues, all distinct', () => {
    expect(config.currentUser).toMatchObject({ name: 'Alex Morgan', aadObjectId: '00000000-0000-0000-0000-000000000100' });
    expect(config.users.map((u) => [u.name, u.aadObjectId])).toEqual([
      ['Priya Shah', '00000000-0000-0000-0000-000000000101'],
      ['Sam Patel', '00000000-0000-0000-0000-000000000102'],
      ['Jo Okafor', '00000000-0000-0000-0000-000000000103'],
      ['Chris Evans', '00000000-0000-0000-0000-000000000104'],
      ['Dana Reid', '00000000-0000-0000-0000-000000000105'],
    ]);
    const ids = [config.currentUser, ...config.users].map((u) => u.id);
    expect(new Set(ids).size).toBe(6);
  });

  it('has the Inclusion & SEND team with the Duty channel the bot posts to', () => {
    const teams = frontDoor.parse(readYaml('data/front-door.yaml')).teams;
    expect(config.team.name).toBe('Inclusion & SEND');
    expect(config.team.id).toBe(teams.teamId);
    expect(config.team.channels).toEqual([{ id: teams.dutyChannelId, name: 'Front Door – Duty' }]);
    // The Playground's General channel has the team's id: the Panel works there locally.
    expect(teams.panelChannelId).toBe(config.team.id);
  });

  it('lists only people the bot knows, by the same Entra object id and principal name', () => {
    const known = people.parse(readYaml('data/people.yaml')).people;
    for (const u of [config.currentUser, ...config.users]) {
      const person = known.find((p) => p.id === u.aadObjectId);
      expect(person?.upn?.toLowerCase()).toBe(u.userPrincipleName.toLowerCase());
    }
  });
});
