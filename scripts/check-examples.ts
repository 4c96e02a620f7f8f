// Type-checks every ```ts block of every `@example` in the TSDoc of faultline's public API (what the
// package entry points export, and their members) as code a user would write: each block becomes a
// file importing from 'faultline', 'faultline/testing', … and is checked in one TypeScript program.
// `npm run examples:check` (tsx) prints what fails; test/tsdoc-examples.test.ts fails when any does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One fenced block of an `@example`, and where it was found. */
export interface TsdocExample {
  /** `src/core/fault.ts:201`, the line of the opening fence. */
  readonly where: string;
  /** The documented declaration: `FaultError`, `FaultError.[Symbol.hasInstance]`. */
  readonly symbol: string;
  readonly code: string;
}

/** The outcome of checking every example. */
export interface ExamplesReport {
  readonly examples: readonly TsdocExample[];
  /** One line per compile error: `src/core/fault.ts:201 (FaultError): line 3: Cannot find name 'x'.` */
  readonly errors: readonly string[];
}

/**
 * Free names the examples use as stand-ins for the reader's own values (a response, the call being
 * protected, a policy built earlier). Declared once, globally, so a fragment reads as it would in a
 * user's code; anything else an example needs, it declares itself.
 */
export const FREE_NAMES = `
type Attempt = import('faultline').AttemptContext;
// What the reader has at hand: a response and its text, a body to send, an error caught earlier.
declare const response: Response;
declare const text: string;
declare const url: string;
declare const request: Request;
declare const signal: AbortSignal;
declare const fault: import('faultline').Fault;
declare const body: string;
declare const job: { readonly prompt: string };
declare const original: unknown;
declare const cachedValue: { readonly items: readonly unknown[] };
// The calls a policy protects.
declare function call(context?: Attempt): Promise<Response>;
declare function callApi(context: Attempt): Promise<Response>;
declare function fetchOrThrow(url: string, init?: RequestInit): Promise<Response>;
declare function fetchList(context: Attempt): Promise<{ items: unknown[]; stale?: boolean; reason?: string }>;
declare function loadUser(context: Attempt): Promise<{ readonly id: string; readonly name: string }>;
declare function callPayments(signal: AbortSignal): Promise<Response>;
// Policies, a store and a chaos server built earlier in the reader's code.
declare const policy: import('faultline').RetryPolicy;
declare const breaker: import('faultline').CircuitBreakerPolicy;
declare const limiter: import('faultline').RateLimiterPolicy;
declare const store: import('faultline').StateStore;
declare const server: import('faultline/testing').ChaosServer;
declare const api: import('faultline').FaultlineFetch;
declare const acmeProfile: import('faultline').VendorProfile;
// The reader's own logging, metrics, UI and test runner.
declare const log: ((...args: unknown[]) => void) & { readonly warn: (...args: unknown[]) => void };
declare const metrics: {
  count(name: string, tags?: object): void;
  gauge(name: string, value: number, tags?: object): void;
  histogram(name: string, value: number, tags?: object): void;
};
declare function showBanner(): void;
declare function topUp(): void;
declare function it(name: string, test: () => unknown): void;
`;

function compilerOptions(): ts.CompilerOptions {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  return { ...options, noEmit: true, declaration: false };
}

/** The package's entry points, as the tsconfig paths map them: `faultline` → src/index.ts, …. */
function entryPoints(options: ts.CompilerOptions): readonly (readonly [string, string])[] {
  return Object.entries(options.paths ?? {}).map(([name, [target]]) => [name, join(options.pathsBasePath as string, target as string)] as const);
}

/** The ```ts blocks after `@example` tags in a TSDoc comment, with their line offsets in it. */
function examplesIn(comment: string): { code: string; line: number }[] {
  const lines = comment.split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/\s*$/, ''));
  const found: { code: string; line: number }[] = [];
  let inExample = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    if (/^@\w+/.test(text)) inExample = text.startsWith('@example');
    if (!inExample || !/^```(ts|typescript)\s*$/.test(text)) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] as string); i++) body.push(lines[i] as string);
    found.push({ code: body.join('\n'), line: start });
  }
  return found;
}

function docCommentsOf(node: ts.Node, sf: ts.SourceFile): { text: string; line: number }[] {
  return (ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc) as ts.JSDoc[]).map((doc) => ({
    text: sf.text.slice(doc.pos, doc.end),
    line: sf.getLineAndCharacterOfPosition(doc.pos).line,
  }));
}

function isInternal(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal');
}

/** Every example of every declaration the entry points export, and of their members. */
function collect(program: ts.Program, entries: readonly (readonly [string, string])[]): { examples: TsdocExample[]; imports: Map<string, { from: string; type: boolean }> } {
  const checker = program.getTypeChecker();
  const examples: TsdocExample[] = [];
  const imports = new Map<string, { from: string; type: boolean }>();
  const seen = new Set<ts.Node>();
  const add = (node: ts.Node, symbol: string): void => {
    if (seen.has(node) || isInternal(node)) return;
    seen.add(node);
    const sf = node.getSourceFile();
    for (const doc of docCommentsOf(node, sf)) {
      for (const { code, line } of examplesIn(doc.text)) {
        examples.push({ where: `${relative(root, sf.fileName)}:${doc.line + line + 1}`, symbol, code });
      }
    }
  };
  for (const [name, file] of entries) {
    const sf = program.getSourceFile(file);
    const moduleSymbol = sf === undefined ? undefined : checker.getSymbolAtLocation(sf);
    if (moduleSymbol === undefined) throw new Error(`no module for ${name} (${file})`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!imports.has(exported.name)) imports.set(exported.name, { from: name, type: (target.flags & ts.SymbolFlags.Value) === 0 });
      for (const decl of target.declarations ?? []) {
        // A `const x = …` carries its TSDoc on the statement.
        const documented = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
        add(documented, exported.name);
        if (ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)) {
          for (const member of decl.members) {
            const memberName = member.name === undefined ? '(member)' : member.name.getText();
            add(member, `${exported.name}.${memberName}`);
          }
        }
      }
    }
  }
  return { examples, imports };
}

const IMPORT_LINE = /^import\s[\s\S]*?from\s+['"][^'"]+['"];?\s*$|^import\s+['"][^'"]+['"];?\s*$/;

/** The file an example becomes: its imports, the public names it does not import itself, then its body in a function. */
function exampleFile(example: TsdocExample, imports: Map<string, { from: string; type: boolean }>): string {
  const own: string[] = [];
  const hoisted: string[] = [];
  const body: string[] = [];
  const lines = example.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^import\s/.test(line)) {
      let statement = line;
      while (!IMPORT_LINE.test(statement) && i + 1 < lines.length) statement += `\n${lines[++i] as string}`;
      own.push(statement);
    } else if (/^declare\s/.test(line)) {
      hoisted.push(line);
    } else {
      body.push(line);
    }
  }
  const taken = new Set(own.flatMap((s) => [...s.matchAll(/\b(?:as\s+)?(\w+)\s*(?=[,}]|\s+from)/g)].map((m) => m[1] as string)));
  const byEntry = new Map<string, string[]>();
  const words = new Set(example.code.match(/[A-Za-z_$][\w$]*/g));
  for (const [name, { from, type }] of imports) {
    // Only the public names the example mentions: a smaller program, and a file that reads like the reader's.
    if (taken.has(name) || !words.has(name)) continue;
    byEntry.set(from, [...(byEntry.get(from) ?? []), type ? `type ${name}` : name]);
  }
  return [
    `// ${example.where} (${example.symbol})`,
    ...own,
    ...[...byEntry].map(([from, names]) => `import { ${names.join(', ')} } from '${from}';`),
    ...hoisted,
    'export async function example(): Promise<void> {',
    ...body,
    '}',
    '',
  ].join('\n');
}

/** Collects every example, writes each as a file, and type-checks them all in one program. */
export function checkExamples(): ExamplesReport {
  const options = compilerOptions();
  const entries = entryPoints(options);
  const source = ts.createProgram({ rootNames: entries.map(([, file]) => file), options });
  const { examples, imports } = collect(source, entries);
  // Inside node_modules/.cache so the examples resolve the peer packages (zod, ioredis, …) as a user
  // would; a fresh folder per run, as node_modules may be shared by several checkouts.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'faultline-tsdoc-examples-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'free-names.d.ts'), FREE_NAMES);
  const files = examples.map((example, i) => {
    const file = join(dir, `example-${String(i).padStart(3, '0')}.ts`);
    writeFileSync(file, exampleFile(example, imports));
    return file;
  });
  const program = ts.createProgram({ rootNames: [...files, join(dir, 'free-names.d.ts')], options, oldProgram: source });
  const errors: string[] = [];
  for (const [i, file] of files.entries()) {
    const sf = program.getSourceFile(file);
    if (sf === undefined) continue;
    const example = examples[i] as TsdocExample;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line + 1;
      errors.push(`${example.where} (${example.symbol}): line ${line} of ${relative(root, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  for (const d of program.getSemanticDiagnostics(program.getSourceFile(join(dir, 'free-names.d.ts')))) {
    errors.push(`free names: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  // Kept when something fails, so the files the errors name can be read.
  if (errors.length === 0) rmSync(dir, { recursive: true, force: true });
  return { examples, errors };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { examples, errors } = checkExamples();
  for (const error of errors) console.error(error);
  console.log(`${examples.length} TSDoc examples, ${errors.length} errors`);
  process.exitCode = errors.length === 0 ? 0 : 1;
}
