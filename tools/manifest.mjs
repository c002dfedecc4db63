// Writes pkg/package.json from the committed pkg.json, taking the version from
// Cargo.toml so the npm package and the crate never disagree, and checks that
// every file the manifest lists was built.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('pkg.json', root), 'utf8'));
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('Cargo.toml: no [package] version');
manifest.version = version;

const missing = manifest.files.filter((file) => !existsSync(new URL(`pkg/${file}`, root)));
if (missing.length) throw new Error(`pkg/ lacks ${missing.join(', ')}: run make build`);

writeFileSync(new URL('pkg/package.json', root), `${JSON.stringify(manifest, null, 2)}\n`);
