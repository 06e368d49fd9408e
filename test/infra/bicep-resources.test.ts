import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COSMOS_CONTAINERS } from '../../src/store/cosmos/containers';
import { bicepModules, bicepParams, blockAfter, readInfra, topLevelEntries } from './bicep-text';

/** The resources in infra/, checked as text: names agree with the adapter, security settings are there. */
const main = readInfra('main.bicep');
const cosmos = readInfra('modules/cosmos.bicep');
const web = readInfra('modules/app-service.bicep');
const bot = readInfra('modules/bot.bicep');
const monitoring = readInfra('modules/monitoring.bicep');

describe('Cosmos DB in the template', () => {
  it('has exactly the containers, partition keys and indexing policies of containers.ts', () => {
    const expected = Object.values(COSMOS_CONTAINERS).map((c) => ({ name: c.name, partitionKey: c.partitionKey, indexingPolicy: c.indexingPolicy }));
    const inTemplate: unknown = JSON.parse(readInfra('modules/cosmos-containers.json'));
    // On failure, paste JSON.stringify(expected, null, 2) into infra/modules/cosmos-containers.json.
    expect(inTemplate).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('creates each container from that file with its name, partition key and indexing policy', () => {
    expect(cosmos).toContain("var containers = loadJsonContent('cosmos-containers.json')");
    expect(cosmos).toMatch(/'Microsoft\.DocumentDB\/databaseAccounts\/sqlDatabases\/containers@[\d-]+' = \[for container in containers: \{/);
    const loop = blockAfter(cosmos, "'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@");
    const resource = blockAfter(loop, 'resource: {');
    expect(resource).toMatch(/id: container\.name/);
    expect(resource).toMatch(/paths: \[\s*container\.partitionKey\s*\]/);
    expect(resource).toMatch(/indexingPolicy: container\.indexingPolicy/);
  });

  it('turns key auth off, keeps continuous backup and offers serverless or autoscale', () => {
    expect(cosmos).toMatch(/disableLocalAuth: true/);
    expect(cosmos).toMatch(/backupPolicy: \{\s*type: 'Continuous'/);
    expect(cosmos).toMatch(/name: 'EnableServerless'/);
    expect(cosmos).toMatch(/autoscaleSettings: \{\s*maxThroughput: autoscaleMaxThroughput/);
    expect(bicepParams(main).get('cosmosThroughputMode')?.allowed).toEqual(['serverless', 'autoscale']);
  });

  it('gives the app identity the built-in Data Contributor role through sqlRoleAssignments', () => {
    expect(cosmos).toContain("var dataContributorRoleDefinitionId = '00000000-0000-0000-0000-000000000002'");
    const assignment = blockAfter(cosmos, "'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@");
    expect(assignment).toContain("roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleDefinitionId}'");
    expect(main).toMatch(/dataContributorPrincipalIds: union\(\[identity\.properties\.principalId\], operatorPrincipalIds\)/);
  });
});

describe('the Web App in the template', () => {
  const site = blockAfter(web, "resource site 'Microsoft.Web/sites@");
  const siteConfig = topLevelEntries(blockAfter(site, 'siteConfig: {'));

  it('is HTTPS only, TLS 1.2 or later, FTP off, health-checked on /readyz', () => {
    expect(topLevelEntries(blockAfter(site, 'properties: {')).get('httpsOnly')).toBe('true');
    expect(siteConfig.get('minTlsVersion')).toBe("'1.2'");
    expect(siteConfig.get('ftpsState')).toBe("'Disabled'");
    expect(siteConfig.get('healthCheckPath')).toBe("'/readyz'");
    expect(siteConfig.get('alwaysOn')).toBe('true');
  });

  it('runs a Node LTS that package.json engines allow', () => {
    const major = Number(/^'NODE\|(\d+)-lts'$/.exec(siteConfig.get('linuxFxVersion') ?? '')?.[1]);
    const engines = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const [, low, high] = /^>=(\d+) <(\d+)$/.exec(engines) ?? [];
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(Number(low));
    expect(major).toBeLessThan(Number(high));
  });

  it('allows two or more instances and runs as the user-assigned identity', () => {
    expect(Number(bicepParams(main).get('minimumInstances')?.defaultExpression)).toBeGreaterThanOrEqual(2);
    expect(web).toMatch(/capacity: minimumInstances/);
    expect(web).toMatch(/minimum: string\(minimumInstances\)\s*maximum: string\(maximumInstances\)/);
    expect(site).toMatch(/type: 'UserAssigned'\s*userAssignedIdentities: \{\s*'\$\{identityId\}': \{\}/);
  });
});

describe('the Azure Bot in the template', () => {
  it('authenticates as the managed identity and calls the app at /api/messages', () => {
    const properties = topLevelEntries(blockAfter(bot, 'properties: {'));
    expect(properties.get('msaAppType')).toBe("'UserAssignedMSI'");
    expect(properties.get('msaAppId')).toBe('identityClientId');
    expect(properties.get('msaAppMSIResourceId')).toBe('identityId');
    expect(properties.get('msaAppTenantId')).toBe('identityTenantId');
    expect(properties.get('endpoint')).toBe("'https://${appHostName}/api/messages'");
    const passed = topLevelEntries(blockAfter(blockAfter(main, "module bot 'modules/bot.bicep' = {"), 'params: {'));
    expect(passed.get('appHostName')).toBe('web.outputs.hostName');
    expect(passed.get('identityClientId')).toBe('identity.properties.clientId');
  });

  it('enables the Microsoft Teams channel', () => {
    const channel = blockAfter(bot, "'Microsoft.BotService/botServices/channels@");
    expect(channel).toMatch(/name: 'MsTeamsChannel'/);
    expect(channel).toMatch(/channelName: 'MsTeamsChannel'/);
  });
});

describe('monitoring in the template', () => {
  it('puts Application Insights on a Log Analytics workspace, with Entra-only ingestion the identity may use', () => {
    expect(monitoring).toMatch(/WorkspaceResourceId: workspace\.id/);
    expect(monitoring).toMatch(/DisableLocalAuth: true/);
    expect(monitoring).toContain("'3913510d-42f4-4e42-8a64-420c390055eb'");
    expect(main).toMatch(/publisherPrincipalId: identity\.properties\.principalId/);
  });
});

describe('template wiring', () => {
  it('passes every module exactly the parameters it declares', () => {
    const modules = bicepModules(main);
    expect(modules.map((m) => m.path).sort()).toEqual(['modules/app-service.bicep', 'modules/bot.bicep', 'modules/cosmos.bicep', 'modules/monitoring.bicep']);
    for (const module of modules) {
      const declared = [...bicepParams(readInfra(module.path)).keys()].sort();
      expect({ module: module.path, passed: [...module.passed].sort() }).toEqual({ module: module.path, passed: declared });
    }
  });
});
