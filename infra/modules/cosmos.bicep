// Cosmos DB for NoSQL: key auth off, continuous backup, the database and the containers the
// adapter uses, and the built-in Data Contributor role for the app's managed identity.
// Containers, partition keys and indexing policies come from cosmos-containers.json, a copy of
// src/store/cosmos/containers.ts that test/infra/bicep-template.test.ts keeps equal to it.

@description('Azure region.')
param location string

@description('Cosmos DB account name (globally unique, lower case).')
@minLength(3)
@maxLength(44)
param accountName string

@description('Database name (COSMOS_DATABASE).')
param databaseName string

@description('serverless: pay per request. autoscale: shared database throughput that scales between 10% and 100% of autoscaleMaxThroughput.')
@allowed([
  'serverless'
  'autoscale'
])
param throughputMode string

@description('Autoscale ceiling in RU/s for the whole database (autoscale only).')
@minValue(1000)
param autoscaleMaxThroughput int

@description('Continuous backup tier: point-in-time restore over the last 7 or 30 days.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param continuousBackupTier string

@description('Zone-redundant replicas in the region (where the region has availability zones).')
param zoneRedundant bool

@description('Principal ids given Cosmos DB Built-in Data Contributor on the database: the app identity, plus any operators running npm run migrate:cosmos.')
param dataContributorPrincipalIds array

@description('Tags for every resource.')
param tags object

// Cosmos DB Built-in Data Contributor: read and write items, no account or container management.
var dataContributorRoleDefinitionId = '00000000-0000-0000-0000-000000000002'
var containers = loadJsonContent('cosmos-containers.json')

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
    ]
    capabilities: throughputMode == 'serverless' ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: continuousBackupTier
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: throughputMode == 'autoscale' ? {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    } : {}
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for container in containers: {
  parent: database
  name: container.name
  properties: {
    resource: {
      id: container.name
      partitionKey: {
        paths: [
          container.partitionKey
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: container.indexingPolicy
    }
    options: {}
  }
}]

resource dataContributors 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [for principalId in dataContributorPrincipalIds: {
  parent: account
  name: guid(account.id, databaseName, principalId, dataContributorRoleDefinitionId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleDefinitionId}'
    principalId: principalId
    scope: '${account.id}/dbs/${databaseName}'
  }
  dependsOn: [
    database
  ]
}]

@description('Cosmos DB endpoint (COSMOS_ENDPOINT).')
output endpoint string = account.properties.documentEndpoint

@description('Cosmos DB account name.')
output accountName string = account.name
