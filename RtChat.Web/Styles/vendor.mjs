// Copies the browser builds of our npm front-end dependencies into wwwroot/lib,
// so the app (and its tests) run without Node or a CDN. Run via `npm run vendor`
// (part of `npm run build`). The output is committed; node_modules is not.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const lib = join(root, "wwwroot", "lib");

// package: npm name; dir: folder under wwwroot/lib; file: name the layout references;
// from: candidate files in the package, first existing wins (minified build preferred).
const vendored = [
  { package: "htmx.org", dir: "htmx", file: "htmx.min.js", from: ["dist/htmx.min.js"] },
  { package: "htmx-ext-ws", dir: "htmx-ext-ws", file: "ws.min.js", from: ["dist/ws.min.js", "ws.min.js", "dist/ws.js", "ws.js"] },
  { package: "hyperscript.org", dir: "hyperscript", file: "_hyperscript.min.js", from: ["dist/_hyperscript.min.js"] },
];

const licenseNames = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "license"];

function firstExisting(base, candidates, what) {
  const found = candidates.map((c) => join(base, c)).find((p) => existsSync(p));
  if (!found) throw new Error(`${what}: none of ${candidates.join(", ")} found in ${base}`);
  return found;
}

let failed = false;
for (const v of vendored) {
  try {
    const pkgDir = join(modules, v.package);
    if (!existsSync(pkgDir)) throw new Error(`${v.package} is not installed; run \`npm install\` first`);
    const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    const source = firstExisting(pkgDir, v.from, v.package);
    const license = firstExisting(pkgDir, licenseNames, `${v.package} license`);

    const out = join(lib, v.dir);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    copyFileSync(source, join(out, v.file));
    copyFileSync(license, join(out, "LICENSE"));

    const note = source.endsWith(".min.js") ? "" : " (unminified source, copied under the .min.js name)";
    const kb = (statSync(join(out, v.file)).size / 1024).toFixed(1);
    console.log(`${v.package}@${version}: ${relative(pkgDir, source)} -> ${relative(root, join(out, v.file))} (${kb} KiB)${note}`);
  } catch (err) {
    failed = true;
    console.error(`vendor: ${err.message}`);
  }
}
process.exit(failed ? 1 : 0);
