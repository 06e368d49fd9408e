// SEND Front Door in production: one resource group holding the bot's managed identity, the
// Azure Bot (Teams channel), the Web App, Cosmos DB and monitoring. No secrets: the app, the bot
// and telemetry all authenticate as the user-assigned managed identity.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p @infra/main.parameters.json
// (see docs/DEPLOY.md).

targetScope = 'resourceGroup'

@description('Azure region for every regional resource (the bot registration itself is global).')
param location string = resourceGroup().location

@description('Short lower-case prefix for resource names, e.g. sendfd.')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Microsoft 365 tenant ids of schools and partners in other organisations whose users may use the bot. The tenant this is deployed to is always allowed.')
param allowedTenantIds array = []

@description('App Service plan SKU (Premium v3 for autoscale and zone redundancy).')
param appServiceSku string = 'P0v3'

@description('Instances always running; two or more keeps the bot up while one restarts.')
@minValue(1)
param minimumInstances int = 2

@description('Most instances autoscale may run.')
@minValue(2)
@maxValue(30)
param maximumInstances int = 4

@description('Cosmos DB capacity: serverless (pay per request, suits a local authority\'s volume) or autoscale (shared database throughput).')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosThroughputMode string = 'serverless'

@description('Autoscale ceiling in RU/s for the database (autoscale mode only).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Point-in-time restore window: Continuous7Days or Continuous30Days.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param cosmosBackupTier string = 'Continuous30Days'

@description('Zone-redundant Cosmos DB replicas (only in regions with availability zones).')
param cosmosZoneRedundant bool = false

@description('Cosmos DB database name.')
param cosmosDatabaseName string = 'frontdoor'

@description('Object ids of people or pipelines that may read and write Cosmos DB data (e.g. to run npm run migrate:cosmos). Leave empty normally.')
param operatorPrincipalIds array = []

@description('Azure Bot SKU; the Teams channel is free on both.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name the bot has in the Azure portal.')
param botDisplayName string = 'SEND Front Door'

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('App log level: debug, info, warn or error.')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('Tags for every resource.')
param tags object = {
  service: 'send-front-door'
}

var prefix = toLower(namePrefix)
var suffix = take(uniqueString(resourceGroup().id), 6)
var names = {
  identity: '${prefix}-id-${suffix}'
  workspace: '${prefix}-log-${suffix}'
  appInsights: '${prefix}-ai-${suffix}'
  cosmos: '${prefix}-cosmos-${suffix}'
  plan: '${prefix}-plan-${suffix}'
  webApp: '${prefix}-app-${suffix}'
  bot: '${prefix}-bot-${suffix}'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
    publisherPrincipalId: identity.properties.principalId
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: names.cosmos
    databaseName: cosmosDatabaseName
    throughputMode: cosmosThroughputMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    continuousBackupTier: cosmosBackupTier
    zoneRedundant: cosmosZoneRedundant
    dataContributorPrincipalIds: union([identity.properties.principalId], operatorPrincipalIds)
    tags: tags
  }
}

// Every setting src/config.ts needs in production (test/infra/bicep-template.test.ts checks them).
var appSettings = {
  APP_MODE: 'production'
  STORE: 'cosmos'
  MICROSOFT_APP_ID: identity.properties.clientId
  MICROSOFT_APP_TYPE: 'UserAssignedMSI'
  MICROSOFT_APP_TENANT_ID: identity.properties.tenantId
  AZURE_CLIENT_ID: identity.properties.clientId
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: cosmosDatabaseName
  COSMOS_CREATE_IF_MISSING: 'false'
  ALLOWED_TENANT_IDS: join(union([tenant().tenantId], allowedTenantIds), ',')
  REFERENCE_DATA_DIR: './data'
  LOG_LEVEL: logLevel
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: 'disabled'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

module web 'modules/app-service.bicep' = {
  name: 'web'
  params: {
    location: location
    planName: names.plan
    webAppName: names.webApp
    skuName: appServiceSku
    minimumInstances: minimumInstances
    maximumInstances: maximumInstances
    identityId: identity.id
    appSettings: appSettings
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: names.bot
    displayName: botDisplayName
    appHostName: web.outputs.hostName
    identityClientId: identity.properties.clientId
    identityId: identity.id
    identityTenantId: identity.properties.tenantId
    sku: botSku
    tags: tags
  }
}

@description('Web App name, for az webapp deploy.')
output webAppName string = web.outputs.name

@description('Bot host name: BOT_DOMAIN for npm run package:app.')
output botDomain string = web.outputs.hostName

@description('Client id of the managed identity: BOT_ID for npm run package:app.')
output botId string = identity.properties.clientId

@description('The messaging endpoint registered with Azure Bot Service.')
output messagingEndpoint string = bot.outputs.messagingEndpoint

@description('Cosmos DB endpoint, for npm run migrate:cosmos.')
output cosmosEndpoint string = cosmos.outputs.endpoint

@description('Cosmos DB account name, for backup and restore commands.')
output cosmosAccountName string = cosmos.outputs.accountName

@description('Allowed tenant ids as the app sees them.')
output allowedTenantIds string = appSettings.ALLOWED_TENANT_IDS
