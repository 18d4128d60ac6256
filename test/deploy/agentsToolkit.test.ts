/**
 * The Microsoft 365 Agents Toolkit files (m365agents.yml, m365agents.local.yml, env/) against the
 * toolkit's own published YAML schema, read from the npm package that ships it
 * (@microsoft/teamsfx-core, which @microsoft/m365agentstoolkit-cli runs on), never from the web.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { APP_PACKAGE_DIR, placeholderValues, TEMPLATE_FILE } from '../../scripts/appPackage';
import { loadPackageConfig } from '../../bot/config';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const PLACEHOLDER = /\$\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}/g;

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ToolkitProject {
  version: string;
  environmentFolderPath: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

/** The schema of a project file's version, as the toolkit's package ships it. */
function toolkitSchema(version: string): object {
  const root = path.dirname(require.resolve('@microsoft/teamsfx-core/package.json'));
  return JSON.parse(readFileSync(path.join(root, 'resource', 'yaml-schema', version, 'yaml.schema.json'), 'utf8')) as object;
}

function schemaErrors(doc: unknown, version: string): string[] {
  // The toolkit's schema uses keywords and formats of its editor (markdownDescription, …): not strict.
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(toolkitSchema(version));
  return validate(doc) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`);
}

/** NAME=value lines of an env file. */
function envNames(file: string): Set<string> {
  return new Set([...read(file).matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
}

const steps = (project: ToolkitProject) => [...(project.provision ?? []), ...(project.deploy ?? []), ...(project.publish ?? [])];

const PROJECTS = [
  { file: 'm365agents.yml', env: 'env/.env.dev' },
  { file: 'm365agents.local.yml', env: 'env/.env.local' },
];

describe('Microsoft 365 Agents Toolkit layout (m365agents.yml, env/, manifest/)', () => {
  for (const { file, env } of PROJECTS) {
    describe(file, () => {
      const text = read(file);
      const project = parse(text) as ToolkitProject;

      it("validates against the toolkit's published schema of its version, with no error", () => {
        assert.match(project.version, /^v1\.\d+$/);
        // The editor's schema comment names the same version.
        assert.ok(text.startsWith(`# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${project.version}/yaml.schema.json\n`), text.split('\n')[0]);
        assert.deepEqual(schemaErrors(project, project.version), []);
        assert.equal(project.environmentFolderPath, './env');
      });

      it('builds the app package from manifest/manifest.json, the template npm run package fills', () => {
        const zips = steps(project).filter((s) => s.uses === 'teamsApp/zipAppPackage');
        assert.ok(zips.length > 0);
        for (const zip of zips) assert.equal(path.resolve(ROOT, String(zip.with?.manifestPath)), path.join(APP_PACKAGE_DIR, TEMPLATE_FILE));
      });

      it('registers the bot with the Microsoft Teams channel only', () => {
        const bots = steps(project).filter((s) => s.uses === 'botFramework/create');
        assert.equal(bots.length, 1);
        assert.deepEqual(bots[0].with?.channels, [{ name: 'msteams' }]);
        assert.equal(bots[0].with?.messagingEndpoint, '${{BOT_ENDPOINT}}/api/messages');
      });

      it(`names in ${env} every variable it and the manifest template use, unless a step writes it or it is a secret`, () => {
        const declared = envNames(env);
        const written = new Set(steps(project).flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})));
        const used = new Set([...text.matchAll(PLACEHOLDER), ...read('manifest/manifest.json').matchAll(PLACEHOLDER)].map((m) => m[1]));
        const missing = [...used].filter((name) => !declared.has(name) && !written.has(name) && !name.startsWith('SECRET_'));
        assert.deepEqual(missing, []);
        // Secrets stay out of the committed env file.
        assert.deepEqual(
          [...declared].filter((name) => name.startsWith('SECRET_')),
          [],
        );
      });
    });
  }

  it('fills, with npm run package, every placeholder the manifest template has', () => {
    const known = Object.keys(placeholderValues(loadPackageConfig({})));
    const used = [...new Set([...read('manifest/manifest.json').matchAll(PLACEHOLDER)].map((m) => m[1]))];
    assert.deepEqual(
      used.filter((name) => !known.includes(name)),
      [],
    );
    assert.ok(used.includes('TEAMS_APP_ID') && used.includes('BOT_ID'), used.join());
  });

  it('catches what the toolkit would refuse: an unknown action, a step without its required parameters, a wrong version', () => {
    const project = parse(read('m365agents.yml')) as ToolkitProject;
    const broken = structuredClone(project);
    broken.provision![0].uses = 'teamsApp/createe';
    delete broken.deploy![0].with;
    const errors = schemaErrors(broken, project.version);
    assert.ok(
      errors.some((e) => e.startsWith('/provision/0')),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => e.startsWith('/deploy/0')),
      errors.join('\n'),
    );
    assert.ok(schemaErrors({ ...project, version: 'v1.10' }, project.version).some((e) => e.startsWith('/version')));
  });
});
