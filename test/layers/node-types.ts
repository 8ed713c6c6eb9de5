// Renderer code may not use what only Node's types declare, in the spirit of VS Code's layersChecker. Neither tsc nor
// eslint catches it: the contract's types come from db/, whose files are compiled with Node's types, and those leak
// into the renderer's program, so `process.env`, `Buffer.from` and `import ... from 'node:fs'` all type-check there.
// This builds the renderer's program with Node's types in on purpose (so the check does not depend on how they leak)
// and reports every name in a renderer file whose every declaration is in @types/node.
import path from 'node:path';
import ts from 'typescript';

export interface NodeTypeUse {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  name: string;
}

export interface NodeTypeReport {
  /** The renderer files looked at (tests excluded: they run in Node). */
  checked: string[];
  uses: NodeTypeUse[];
}

const isNodeDeclaration = (declaration: ts.Declaration): boolean => /[\\/]node_modules[\\/]@types[\\/]node[\\/]/.test(declaration.getSourceFile().fileName);
const isRendererProduct = (file: string): boolean => !file.endsWith('.d.ts') && !/\.test\.tsx?$/.test(file);

/**
 * Checks the renderer in `root`. `planted` adds files (relative path -> text) that exist only in memory, for tests that
 * plant a violation without writing into a tree others are working in.
 */
export function findNodeTypeUses(root: string, planted: Record<string, string> = {}): NodeTypeReport {
  const rendererDir = path.join(root, 'renderer');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(rendererDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!config) throw new Error('renderer/tsconfig.json could not be read');
  // Sources, not the references' declaration outputs (which may be stale or unbuilt); no emit, so no composite rules.
  const options: ts.CompilerOptions = { ...config.options, types: [...(config.options.types ?? []), 'node'], composite: false, declaration: false, noEmit: true };

  const plantedFiles = new Map(Object.entries(planted).map(([file, text]) => [path.join(root, file), text]));
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => plantedFiles.has(path.normalize(file)) || fileExists.call(host, file);
  host.readFile = (file) => plantedFiles.get(path.normalize(file)) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = plantedFiles.get(path.normalize(file));
    return text === undefined ? getSourceFile.call(host, file, language, ...rest) : ts.createSourceFile(file, text, language, true);
  };

  const program = ts.createProgram({ rootNames: [...config.fileNames, ...plantedFiles.keys()], options, host });
  const checker = program.getTypeChecker();
  const relative = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const report: NodeTypeReport = { checked: [], uses: [] };

  const nodeOnly = (location: ts.Node): boolean => {
    let symbol = checker.getSymbolAtLocation(location);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations = symbol?.declarations ?? [];
    return declarations.length > 0 && declarations.every(isNodeDeclaration);
  };

  for (const source of program.getSourceFiles()) {
    const inRenderer = !path.relative(rendererDir, source.fileName).startsWith('..');
    if (!inRenderer || !isRendererProduct(source.fileName)) continue;
    report.checked.push(relative(source.fileName));
    const visit = (node: ts.Node): void => {
      // Names, and the module of an import or export (`import 'node:fs'` names nothing else).
      const checked = ts.isIdentifier(node) || (ts.isStringLiteral(node) && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)));
      if (checked && nodeOnly(node)) {
        const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
        report.uses.push({ file: relative(source.fileName), line: line + 1, column: character + 1, name: node.getText(source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return report;
}
