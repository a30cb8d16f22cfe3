// Node's module hooks for scripts/lib-loader/register.mjs: the tsconfig's "@/" paths, extensionless imports of
// .ts files, and "server-only" (which throws outside React Server Components) as an empty module; .ts files
// are stripped of their types by TypeScript's own transpiler (a devDependency already), one file at a time.
import { readFile } from "node:fs/promises";
import { statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const EMPTY_MODULE = "data:text/javascript,export%20{}";

const isFile = (file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true;

export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: EMPTY_MODULE, shortCircuit: true };
  const fromTs = context.parentURL?.endsWith(".ts") && /^\.\.?\//.test(specifier);
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : fromTs
      ? path.resolve(path.dirname(fileURLToPath(context.parentURL)), specifier)
      : null;
  if (base !== null) {
    const file = [base, `${base}.ts`, path.join(base, "index.ts")].find(isFile);
    if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return next(url, context);
  const file = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(file, "utf8"), {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      isolatedModules: true,
      sourceMap: false,
    },
  });
  return { format: "module", source: outputText, shortCircuit: true };
}
