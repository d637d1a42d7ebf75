// Render one JSON Resume with one theme package: node render.mjs <modules dir> <theme package> <resume.json> <out.html>
// Themes are CommonJS or ES modules and render synchronously or return a promise; both are handled.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [modulesDir, theme, resumePath, outPath] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modulesDir), "package.json"));
const resume = JSON.parse(readFileSync(resumePath, "utf8"));
let mod;
try {
  mod = require(theme);
} catch (err) {
  // An ES-module-only package: import its "import" export (or "module"/"main") directly.
  const dir = path.join(path.resolve(modulesDir), "node_modules", theme);
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  let exp = pkg.exports && (pkg.exports["."] || pkg.exports);
  while (exp && typeof exp === "object") exp = exp.import || exp.default || exp.node;
  mod = await import(pathToFileURL(path.join(dir, exp || pkg.module || pkg.main || "index.js")).href);
}
const render = mod.render || (mod.default && (mod.default.render || mod.default));
if (typeof render !== "function") throw new Error(`${theme} exports no render()`);
const html = await render(resume);
writeFileSync(outPath, String(html));
