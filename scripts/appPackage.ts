/**
 * The Teams app package: manifest/manifest.json, the template Microsoft 365 Agents Toolkit
 * also reads, with its ${{…}} placeholders filled from the deployment's settings, the French
 * strings and the two icons, zipped; and its offline validation with @microsoft/app-manifest's
 * bundled JSON schemas (every error, not just the first).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { PackageConfig } from '../bot/config';

export const APP_PACKAGE_DIR = path.resolve(__dirname, '..', '..', 'manifest');
export const TEMPLATE_FILE = 'manifest.json';

/** Files copied into the zip as they are, beside manifest.json. */
export const PACKAGED_FILES = ['color.png', 'outline.png', 'fr.json'];

export const ICON_SIZES: Record<'color' | 'outline', number> = { color: 192, outline: 32 };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The toolkit's placeholder syntax: ${{NAME}}, spaces allowed inside the braces. */
const PLACEHOLDER = /\$\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}/g;

/**
 * The values of the template's placeholders, under the toolkit's names (env/.env.*): what
 * `npm run package` knows as MicrosoftAppId, TEAMS_APP_ID and PUBLIC_BASE_URL.
 */
export function placeholderValues(cfg: PackageConfig): Record<string, string> {
  return { TEAMS_APP_ID: cfg.teamsAppId, BOT_ID: cfg.botId, BOT_ENDPOINT: cfg.baseUrl, BOT_DOMAIN: cfg.domain };
}

/**
 * Fills every ${{NAME}} of the template; a placeholder with no value is an error, as in the toolkit.
 * developer.mpnId is added when DEVELOPER_MPN_ID is set: the toolkit leaves no placeholder empty,
 * so an optional field cannot be one.
 */
export function renderManifest(templateText: string, cfg: PackageConfig): Record<string, Json> {
  const values = placeholderValues(cfg);
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (_, name: string) => {
        if (!values[name]) throw new Error(`${TEMPLATE_FILE}: no value for the placeholder \${{${name}}}`);
        return values[name];
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  const manifest = fill(JSON.parse(templateText) as Json) as Record<string, Json>;
  if (cfg.mpnId) {
    const { name, ...rest } = manifest.developer as Record<string, Json>;
    manifest.developer = { name, mpnId: cfg.mpnId, ...rest };
  }
  return manifest;
}

export async function buildAppPackage(cfg: PackageConfig, dir = APP_PACKAGE_DIR): Promise<{ zip: Buffer; manifest: Record<string, Json> }> {
  const manifest = renderManifest(readFileSync(path.join(dir, TEMPLATE_FILE), 'utf8'), cfg);
  const zip = new JSZip();
  // A fixed date keeps the zip identical for identical inputs.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const name of PACKAGED_FILES) zip.file(name, readFileSync(path.join(dir, name)), { date });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { zip: buffer, manifest };
}

/** The bundled copy of a developer.microsoft.com Teams schema URL, or null when the package does not ship it (e.g. v1.18). */
export function bundledSchemaPath(schemaUrl: string): string | null {
  const m = /\/json-schemas\/teams\/(v[\w.]+)\/([\w.]+\.schema\.json)$/.exec(schemaUrl);
  if (!m) return null;
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build', 'json-schemas', 'teams', m[1], m[2]);
  return existsSync(file) ? file : null;
}

/**
 * The same clean-up @microsoft/app-manifest applies to the schemas it loads (\\a, \\v), plus one
 * more: the Localization schema's activityTypes patterns end in a bare "]" ("…\\b]\\.description"),
 * which ajv's Unicode regular expressions reject; it means a literal "]", so escape it.
 */
function cleanSchemaText(text: string): string {
  return text
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    .replace(/\\\\b\]/g, '\\\\b\\\\]');
}

async function schemaErrors(file: string, doc: Record<string, unknown>): Promise<string[]> {
  const url = typeof doc.$schema === 'string' ? doc.$schema : '';
  if (!url) return [`${file}: no $schema`];
  const schemaFile = bundledSchemaPath(url);
  // Never fall back to fetching: the package must validate offline.
  if (!schemaFile) return [`${file}: schema ${url} is not bundled with @microsoft/app-manifest, so it cannot be checked offline`];
  const schema = JSON.parse(cleanSchemaText(readFileSync(schemaFile, 'utf8')));
  const errors = await AppManifestUtils.validateAgainstSchema(doc as never, schema);
  return errors.map((e) => `${file}: ${e.trim()}`);
}

function pngErrors(name: string, data: Buffer, size: number, mustBeWhiteOnTransparent: boolean): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (err) {
    return [`${name}: not a PNG (${(err as Error).message})`];
  }
  const errors: string[] = [];
  if (png.width !== size || png.height !== size) errors.push(`${name}: ${png.width}×${png.height}, expected ${size}×${size}`);
  if (mustBeWhiteOnTransparent) {
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) coloured++;
    }
    if (transparent === 0) errors.push(`${name}: no transparent pixel; the outline icon must be white on a transparent background`);
    if (coloured > 0) errors.push(`${name}: ${coloured} visible pixels are not white`);
  }
  return errors;
}

/**
 * Everything wrong with a package, as "<file>: <problem>" lines; empty when it is valid.
 * Checks the manifest and each language file against their bundled schemas, the files
 * they name, and the icons' sizes and transparency.
 */
export async function validateAppPackage(zipData: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(zipData);
  const read = async (name: string) => zip.file(name)?.async('nodebuffer') ?? null;
  const manifestData = await read('manifest.json');
  if (!manifestData) return ['appPackage.zip: no manifest.json at the root'];
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestData.toString('utf8'));
  } catch (err) {
    return [`manifest.json: not JSON (${(err as Error).message})`];
  }
  const errors = await schemaErrors('manifest.json', manifest);

  const icons = (manifest.icons ?? {}) as Record<string, string>;
  for (const kind of ['color', 'outline'] as const) {
    const data = icons[kind] ? await read(icons[kind]) : null;
    if (!data) errors.push(`manifest.json: icons.${kind} names "${icons[kind]}", which is not in the package`);
    else errors.push(...pngErrors(icons[kind], data, ICON_SIZES[kind], kind === 'outline'));
  }

  const loc = manifest.localizationInfo as { additionalLanguages?: { languageTag: string; file: string }[] } | undefined;
  for (const lang of loc?.additionalLanguages ?? []) {
    const data = await read(lang.file);
    if (!data) {
      errors.push(`manifest.json: language ${lang.languageTag} names "${lang.file}", which is not in the package`);
      continue;
    }
    let strings: Record<string, unknown>;
    try {
      strings = JSON.parse(data.toString('utf8'));
    } catch (err) {
      errors.push(`${lang.file}: not JSON (${(err as Error).message})`);
      continue;
    }
    errors.push(...(await schemaErrors(lang.file, strings)));
    for (const key of Object.keys(strings)) {
      if (key !== '$schema' && localizedValue(manifest, key) === undefined) {
        errors.push(`${lang.file}: "${key}" names nothing in manifest.json`);
      }
    }
  }
  return errors;
}

/** The manifest value a localization key such as "bots[0].commandLists[1].commands[2].title" points at. */
export function localizedValue(manifest: Record<string, unknown>, key: string): unknown {
  let node: unknown = manifest;
  for (const part of key.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    node = (node as Record<string, unknown> | undefined)?.[m[1]];
    for (const idx of m[2].match(/\d+/g) ?? []) node = (node as unknown[] | undefined)?.[Number(idx)];
  }
  // "name.short" walks name → short; a dotted key that is a plain property would not, and none exists in the schema.
  return node;
}
