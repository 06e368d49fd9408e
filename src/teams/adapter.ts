import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants, ConfigurationServiceClientCredentialFactory, StatusCodes, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { BotAuthConfig } from '../config';

/** jsonwebtoken's errors for a forged or malformed token, which botbuilder lets through as a 500. */
const TOKEN_ERROR_NAMES = new Set(['JsonWebTokenError', 'NotBeforeError']);

/** A Teams adapter that answers every bad token with 401, including a bad signature. */
class TokenCheckingTeamsAdapter extends TeamsAdapter {
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    let checked: AuthenticateRequestResult;
    try {
      checked = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (err) {
      if (err instanceof Error && TOKEN_ERROR_NAMES.has(err.name)) {
        throw new AuthenticationError('Unauthorized. The token is not valid.', StatusCodes.UNAUTHORIZED);
      }
      throw err;
    }
    return super.processActivity(checked, activity, logic);
  }
}

/**
 * botbuilder uses its built-in public-cloud values unless any endpoint is given, and then expects
 * them all: so a custom metadata URL comes with the public cloud's other values.
 */
function channelEndpoints(openIdMetadataUrl: string | undefined): Record<string, string> {
  if (openIdMetadataUrl === undefined) return {};
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

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
    ...channelEndpoints(auth.openIdMetadataUrl),
  };
  return new TokenCheckingTeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
