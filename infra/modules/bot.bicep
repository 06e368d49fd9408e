// Azure Bot registration using the user-assigned managed identity (no app secret), with the
// Microsoft Teams channel and the Web App's /api/messages as its messaging endpoint.

@description('Azure Bot resource name (globally unique).')
param botName string

@description('Name shown for the bot in the Azure portal.')
param displayName string

@description('The Web App host name, without https://.')
param appHostName string

@description('Client id of the user-assigned managed identity (the bot\'s Microsoft App ID).')
param identityClientId string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Entra tenant of the managed identity.')
param identityTenantId string

@description('F0 (free, standard channels such as Teams are free) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Tags for every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${appHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: identityTenantId
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('The messaging endpoint Azure Bot Service calls.')
output messagingEndpoint string = bot.properties.endpoint
