import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotAuthConfig } from '../config';

/**
 * The Bot Framework adapter. Local mode runs with no app id, which the SDK treats as
 * authentication disabled (the HTTP layer then accepts loopback callers only). Production uses
 * botbuilder's configuration-based authentication, including a user-assigned managed identity.
 */
export function createTeamsAdapter(auth: BotAuthConfig): TeamsAdapter {
  if (auth.kind === 'anonymous') return new TeamsAdapter({});
  const settings = {
    MicrosoftAppId: auth.appId,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
    MicrosoftAppPassword: auth.password,
  };
  return new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
