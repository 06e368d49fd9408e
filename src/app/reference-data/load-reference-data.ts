import type { ReferenceData } from '../../domain/reference';
import { FRONT_DOOR_FILE, parseFrontDoor } from './load-front-door';
import { parsePeople, PEOPLE_FILE } from './load-people';
import { parseRota, ROTA_FILE } from './load-rota';
import { parseServices, SERVICES_FILE } from './load-services';
import { EARLY_YEARS_FILE, parseEarlyYearsProviders, parseGiasSettings, SETTINGS_FILE, uniqueSettings } from './load-settings';
import { ProblemList, ReferenceDataError } from './problems';
import { readText, readYaml } from './read-files';

export { ReferenceDataError } from './problems';

/**
 * Reads, validates and cross-checks every reference data file in `dir`.
 * Throws one ReferenceDataError listing every problem found, each as `file:path: problem`.
 */
export async function loadReferenceData(dir: string): Promise<ReferenceData> {
  const problems = new ProblemList();
  const [settingsText, earlyYearsText, servicesRaw, peopleRaw, rotaRaw, frontDoorRaw] = await Promise.all([
    readText(dir, SETTINGS_FILE, problems),
    readText(dir, EARLY_YEARS_FILE, problems, true),
    readYaml(dir, SERVICES_FILE, problems),
    readYaml(dir, PEOPLE_FILE, problems),
    readYaml(dir, ROTA_FILE, problems),
    readYaml(dir, FRONT_DOOR_FILE, problems),
  ]);
  const schools = settingsText === undefined ? undefined : parseGiasSettings(settingsText, problems);
  const earlyYears = earlyYearsText === undefined ? [] : parseEarlyYearsProviders(earlyYearsText, problems);
  const settings = uniqueSettings([...(schools ?? []), ...(earlyYears ?? [])], problems);
  const settingsReadable = schools !== undefined && earlyYears !== undefined;
  const services = parseServices(servicesRaw, problems);
  // A file that could not be read at all is one problem, not a cascade of unknown ids in the files that refer to it.
  const people = parsePeople(peopleRaw, settingsReadable ? settings : undefined, problems);
  const knownPeople = peopleRaw === undefined ? undefined : people;
  const rota = parseRota(rotaRaw, knownPeople, problems);
  const frontDoor = parseFrontDoor(frontDoorRaw, knownPeople, problems);
  if (problems.items.length > 0 || frontDoor === undefined) {
    throw new ReferenceDataError(problems.items.length > 0 ? problems.items : [`${FRONT_DOOR_FILE}: could not be read`]);
  }
  return { settings, services, people, rota, frontDoor };
}
