// What a layer's code may use, checked on the names it uses, in the spirit of VS Code's layersChecker. Neither tsc
// nor eslint catches it: the contract's types come from db/, whose files are compiled with Node's types, and those
// leak into the renderer's program, so `process.env`, `Buffer.from` and `import ... from 'node:fs'` type-check there.
// One program (the renderer's options, with Node's types in on purpose so the check does not depend on how they
// leak) holds the renderer and db/domain; each name is resolved to its declarations, and a name none of whose
// declarations the layer may use is reported.
import path from 'node:path';
import ts from 'typescript';

export interface LayerTypeUse {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  name: string;
}

export interface LayerTypeReport {
  /** The files looked at (tests excluded: they run in Node under vitest). */
  checked: string[];
  uses: LayerTypeUse[];
}

const nodeTypes = /[\\/]node_modules[\\/]@types[\\/]node[\\/]/;
const ecmaScriptLib = /[\\/]node_modules[\\/]typescript[\\/]lib[\\/]lib\.(es|decorators)/;
const zod = /[\\/]node_modules[\\/]zod[\\/]/;

interface Layer {
  dir: string;
  /** May code in this layer use a name declared in this file? */
  mayUse(declaredIn: string): boolean;
}

/** The renderer is a browser page: anything but Node. db/domain is pure: ECMAScript, itself and zod, no Node, no DOM. */
const layers = (root: string): Layer[] => {
  const domainDir = path.join(root, 'db', 'domain');
  return [
    { dir: path.join(root, 'renderer'), mayUse: (file) => !nodeTypes.test(file) },
    { dir: domainDir, mayUse: (file) => ecmaScriptLib.test(file) || zod.test(file) || isInside(domainDir, file) },
  ];
};

const isInside = (dir: string, file: string): boolean => !path.relative(dir, file).startsWith('..');
const isProduct = (file: string): boolean => !file.endsWith('.d.ts') && !/\.test\.tsx?$/.test(file);

/**
 * Checks the renderer and db/domain in `root`. `planted` adds files (relative path -> text) that exist only in memory,
 * for tests that plant a violation without writing into a tree others are working in.
 */
export function findLayerTypeUses(root: string, planted: Record<string, string> = {}): LayerTypeReport {
  const fail = (diagnostic: ts.Diagnostic): never => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  };
  const rendererConfig = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'renderer', 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail },
  );
  const domainFiles = ts.sys.readDirectory(path.join(root, 'db', 'domain'), ['.ts']);
  if (!rendererConfig) throw new Error('renderer/tsconfig.json could not be read');
  // Sources, not the references' declaration outputs (which may be stale or unbuilt); no emit, so no composite rules.
  const options: ts.CompilerOptions = {
    ...rendererConfig.options,
    types: [...(rendererConfig.options.types ?? []), 'node'],
    composite: false,
    declaration: false,
    noEmit: true,
  };

  const plantedFiles = new Map(Object.entries(planted).map(([file, text]) => [path.join(root, file), text]));
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => plantedFiles.has(path.normalize(file)) || fileExists.call(host, file);
  host.readFile = (file) => plantedFiles.get(path.normalize(file)) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = plantedFiles.get(path.normalize(file));
    return text === undefined ? getSourceFile.call(host, file, language, ...rest) : ts.createSourceFile(file, text, language, true);
  };

  const rootNames = [...new Set([...rendererConfig.fileNames, ...domainFiles, ...plantedFiles.keys()])];
  const program = ts.createProgram({ rootNames, options, host });
  const checker = program.getTypeChecker();
  const relative = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const report: LayerTypeReport = { checked: [], uses: [] };

  const forbidden = (layer: Layer, location: ts.Node): boolean => {
    let symbol = checker.getSymbolAtLocation(location);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations = symbol?.declarations ?? [];
    return declarations.length > 0 && !declarations.some((declaration) => layer.mayUse(declaration.getSourceFile().fileName));
  };

  const checkedLayers = layers(root);
  for (const source of program.getSourceFiles()) {
    const layer = checkedLayers.find(({ dir }) => isInside(dir, source.fileName));
    if (!layer || !isProduct(source.fileName)) continue;
    report.checked.push(relative(source.fileName));
    const visit = (node: ts.Node): void => {
      // Names, and the module of an import or export (`import 'node:fs'` names nothing else).
      const isName = ts.isIdentifier(node) || (ts.isStringLiteral(node) && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)));
      if (isName && forbidden(layer, node)) {
        const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
        report.uses.push({ file: relative(source.fileName), line: line + 1, column: character + 1, name: node.getText(source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return report;
}
