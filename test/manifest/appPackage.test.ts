import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { loadPackageConfig, PackageConfig } from '../../bot/config';
import { recognizeIntent } from '../../bot/features/recognizeIntent';
import { APP_PACKAGE_DIR, buildAppPackage, localizedValue, renderManifest, TEMPLATE_FILE, validateAppPackage } from '../../scripts/appPackage';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const ROOT = path.resolve(__dirname, '../../..');
const packageVersion = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const template = () => readFileSync(path.join(APP_PACKAGE_DIR, TEMPLATE_FILE), 'utf8');
const cfg: PackageConfig = loadPackageConfig({ MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://certlink.contoso.com/' });

interface Command {
  title: string;
  description: string;
}
interface ManifestShape {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: Command[] }[] }[];
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
}

async function rezip(zipData: Buffer, edit: (files: Record<string, unknown>) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(zipData);
  const files: Record<string, unknown> = {
    'manifest.json': JSON.parse(await zip.file('manifest.json')!.async('string')),
    'fr.json': JSON.parse(await zip.file('fr.json')!.async('string')),
  };
  edit(files);
  for (const [name, doc] of Object.entries(files)) zip.file(name, JSON.stringify(doc));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('Teams app package (manifest/, npm run package)', () => {
  let zip: Buffer;
  let manifest: ManifestShape;
  let fr: Record<string, string>;

  before(async () => {
    zip = (await buildAppPackage(cfg)).zip;
    const files = await JSZip.loadAsync(zip);
    manifest = JSON.parse(await files.file('manifest.json')!.async('string'));
    fr = JSON.parse(await files.file('fr.json')!.async('string'));
  });

  it('validates offline against the bundled schema, with no error', async () => {
    assert.deepEqual(await validateAppPackage(zip), []);
  });

  it("fills the ids and the domain, and leaves no placeholder; the version is package.json's", () => {
    const text = JSON.stringify(manifest);
    assert.doesNotMatch(text, /\{\{/);
    // The template is also the toolkit's, which writes its version as it is: a release bumps both.
    assert.equal(manifest.version, packageVersion);
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.bots[0].botId, APP_ID);
    assert.deepEqual(manifest.webApplicationInfo, { id: APP_ID, resource: `api://certlink.contoso.com/${APP_ID}` });
    assert.ok(manifest.validDomains.includes('certlink.contoso.com'));
    assert.equal(manifest.staticTabs[0].contentUrl, 'https://certlink.contoso.com/tab/my-certification.html');
    assert.deepEqual(manifest.bots[0].scopes, ['personal', 'team', 'groupChat']);
  });

  it('has the two tabs: "My certification" (personal) and "Skills report" (personal, and configurable in teams and chats)', () => {
    const names = manifest.staticTabs.filter((t) => t.name).map((t) => [t.entityId, t.name, t.scopes.join()]);
    assert.deepEqual(names, [
      ['myCertification', 'My certification', 'personal'],
      ['skillsReport', 'Skills report', 'personal'],
    ]);
    assert.equal(manifest.configurableTabs[0].configurationUrl, 'https://certlink.contoso.com/tab/config.html');
    assert.deepEqual(manifest.configurableTabs[0].scopes, ['team', 'groupChat']);
    assert.equal(fr['staticTabs[0].name'], 'Ma certification');
  });

  it('reports EVERY schema error of a broken manifest, not only the first', async () => {
    const broken = await rezip(zip, (f) => {
      const m = f['manifest.json'] as Record<string, unknown>;
      delete m.version;
      (m.bots as ManifestShape['bots'])[0].botId = 'not-a-guid';
      m.accentColor = 42;
    });
    const errors = await validateAppPackage(broken);
    assert.ok(
      errors.some((e) => /must have required property 'version'/.test(e)),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => e.includes('/bots/0/botId')),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => e.includes('/accentColor')),
      errors.join('\n'),
    );
  });

  it('checks the French file against its schema and against the manifest', async () => {
    const broken = await rezip(zip, (f) => {
      const strings = f['fr.json'] as Record<string, string>;
      strings['bots[0].commandLists[0].commands[9].title'] = 'rien';
      delete strings['description.short'];
    });
    const errors = await validateAppPackage(broken);
    assert.ok(
      errors.some((e) => e.startsWith('fr.json:') && e.includes("'description.short'")),
      errors.join('\n'),
    );
    assert.ok(errors.includes('fr.json: "bots[0].commandLists[0].commands[9].title" names nothing in manifest.json'), errors.join('\n'));
  });

  it('uses the newest manifest schema that @microsoft/app-manifest bundles', () => {
    const bundled = readdirSync(path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams'))
      .map((dir) => /^v(\d+)\.(\d+)$/.exec(dir))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [Number(m[1]), Number(m[2])])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const newest = bundled[bundled.length - 1].join('.');
    assert.equal(manifest.manifestVersion, newest);
    assert.ok(Number(newest.split('.')[1]) >= 29, `newest bundled schema is only ${newest}`);
    assert.equal(manifest.$schema, `https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
    assert.equal(fr.$schema, `https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.Localization.schema.json`);
  });

  it("shows the publisher's Partner ID (DEVELOPER_MPN_ID) as developer.mpnId only when it is set, and refuses one that is not", async () => {
    assert.equal((manifest as unknown as { developer: Record<string, string> }).developer.mpnId, undefined);
    const withMpn = loadPackageConfig({ MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://certlink.contoso.com', DEVELOPER_MPN_ID: '1234567' });
    const built = await buildAppPackage(withMpn);
    assert.deepEqual(Object.keys(built.manifest.developer as object), ['name', 'mpnId', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl']);
    assert.equal((built.manifest.developer as Record<string, string>).mpnId, '1234567');
    assert.deepEqual(await validateAppPackage(built.zip), []);
    assert.throws(() => loadPackageConfig({ DEVELOPER_MPN_ID: '12345678901' }), /DEVELOPER_MPN_ID must be your Partner ID, up to 10 digits/);
    assert.throws(() => loadPackageConfig({ DEVELOPER_MPN_ID: 'contoso' }), /DEVELOPER_MPN_ID/);
  });

  it("fills the toolkit's ${{NAME}} placeholders, spaces inside the braces too, and refuses one it has no value for", () => {
    assert.match(template(), /"botId": "\$\{\{BOT_ID\}\}"/);
    const filled = renderManifest('{"a": "${{ BOT_DOMAIN }}/x", "b": ["${{BOT_ENDPOINT}}"]}', cfg);
    assert.deepEqual(filled, { a: 'certlink.contoso.com/x', b: ['https://certlink.contoso.com'] });
    assert.throws(() => renderManifest('{"a": "${{AZURE_SUBSCRIPTION_ID}}"}', cfg), /no value for the placeholder \$\{\{AZURE_SUBSCRIPTION_ID\}\}/);
  });

  it('refuses a schema version it cannot check offline (v1.18) instead of fetching it', async () => {
    const old = await rezip(zip, (f) => {
      const m = f['manifest.json'] as Record<string, unknown>;
      m.$schema = 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.18/MicrosoftTeams.schema.json';
    });
    const errors = await validateAppPackage(old);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /v1\.18.*not bundled/);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', async () => {
    const color = PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
    assert.deepEqual([color.width, color.height], [192, 192]);
    const outline = PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        visible++;
        assert.deepEqual([r, g, b], [255, 255, 255], `outline pixel ${i / 4} is not white`);
      }
    }
    assert.ok(transparent > 500 && visible > 50, `transparent ${transparent}, visible ${visible}`);
    // A wrong size in the package is reported.
    const bad = await JSZip.loadAsync(zip);
    bad.file('outline.png', readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
    const errors = await validateAppPackage(await bad.generateAsync({ type: 'nodebuffer' }));
    assert.ok(errors.includes('outline.png: 192×192, expected 32×32'), errors.join('\n'));
    assert.ok(
      errors.some((e) => /outline\.png: no transparent pixel/.test(e)),
      errors.join('\n'),
    );
  });

  it('lists commands for each scope, and the bot understands every one in English and in French (same intent)', () => {
    const lists = manifest.bots[0].commandLists;
    assert.deepEqual(
      lists.map((l) => l.scopes.join()),
      ['personal', 'team', 'groupChat'],
    );
    let checked = 0;
    lists.forEach((list, li) =>
      list.commands.forEach((cmd, ci) => {
        const en = recognizeIntent(cmd.title);
        assert.ok(en.intent, `"${cmd.title}" (${list.scopes}) is not understood by the bot`);
        assert.equal(en.language, 'en', `"${cmd.title}" is read as ${en.language}`);
        const key = `bots[0].commandLists[${li}].commands[${ci}].title`;
        const frTitle = fr[key];
        assert.ok(frTitle, `fr.json has no ${key}`);
        assert.ok(fr[`bots[0].commandLists[${li}].commands[${ci}].description`], `fr.json has no description for ${key}`);
        const frIntent = recognizeIntent(frTitle);
        assert.equal(frIntent.intent, en.intent, `"${frTitle}" should mean the same as "${cmd.title}"`);
        assert.equal(frIntent.language, 'fr', `"${frTitle}" is read as ${frIntent.language}`);
        checked++;
      }),
    );
    assert.ok(checked >= 10);
  });

  it('finds the manifest value a localization key names', () => {
    const m = manifest as unknown as Record<string, unknown>;
    assert.equal(localizedValue(m, 'bots[0].commandLists[1].commands[1].title'), 'list admins');
    assert.equal(localizedValue(m, 'staticTabs[1].name'), 'Skills report');
    assert.equal(localizedValue(m, 'staticTabs[7].name'), undefined);
  });

  it('builds a placeholder package without MicrosoftAppId (local mode), which still validates', async () => {
    const local = loadPackageConfig({});
    assert.equal(local.placeholderIds, true);
    assert.equal(local.domain, 'localhost:3978');
    assert.deepEqual(await validateAppPackage((await buildAppPackage(local)).zip), []);
    assert.throws(() => loadPackageConfig({ MicrosoftAppId: 'abc' }), /MicrosoftAppId must be a GUID/);
  });
});
