/**
 * What every command line of the project shares (commander): `--help` lists the options, the
 * environment variables the command reads (from src/config.ts, the one place they are
 * documented) and examples, and exits without starting anything; an unknown option or argument
 * is one line of error and the usage line, exit 2.
 */
import { Command } from 'commander';
import { describeConfig } from '../config.ts';

export interface ProgramSpec {
  /** How the user runs it, e.g. `npm start --`. */
  readonly usage: string;
  readonly summary: string;
  /** Environment variables the command reads, in the order help lists them. */
  readonly variables: readonly string[];
  /** `[command, what it does]` pairs. */
  readonly examples: readonly (readonly [string, string])[];
}

/** A commander program with the project's help layout and error behaviour. */
export function program(spec: ProgramSpec): Command {
  const docs = new Map(describeConfig().map((d) => [d.env, d]));
  const width = Math.max(...spec.variables.map((v) => v.length));
  const variables = spec.variables.map((name) => {
    const doc = docs.get(name);
    if (doc === undefined) throw new Error(`src/config.ts documents no variable ${name}`);
    return wrap(`${doc.doc} Default: ${doc.byDefault}.`, 96 - width - 4)
      .map((line, i) => `  ${(i === 0 ? name : '').padEnd(width)}  ${line}`)
      .join('\n');
  });
  const exampleWidth = Math.max(...spec.examples.map(([c]) => c.length));
  const examples = spec.examples.map(([c, what]) => `  ${c.padEnd(exampleWidth)}  # ${what}`);
  return (
    new Command()
      .name(spec.usage)
      .description(spec.summary)
      .helpOption('-h, --help', 'show this help and exit (nothing is started)')
      // An option that stands for a variable, "(PORT; …)", shows that variable's default; commander's
      // own .default() is not used, as it would make the option override the environment.
      .configureHelp({
        optionDescription: (option) => {
          const variable = /\(([A-Z][A-Z0-9_]+)[;)]/.exec(option.description)?.[1];
          const doc = variable === undefined ? undefined : docs.get(variable);
          return doc === undefined ? option.description : `${option.description} (default: ${doc.byDefault})`;
        },
      })
      .allowExcessArguments(false)
      .showHelpAfterError(
        `usage: ${spec.usage} [options]   (${spec.usage} --help for options, variables and examples)`,
      )
      .configureOutput({
        // One line of error, then the usage line; never a stack.
        outputError: (text, write) => write(text.replace(/^error: /, `${spec.usage.replace(/ --$/, '')}: `)),
      })
      .exitOverride((error) => {
        process.exit(error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? 0 : 2);
      })
      .addHelpText(
        'after',
        [
          '',
          'Environment variables (options above override them; a bad value stops the start with the',
          'variable, the expected form and the value found):',
          ...variables,
          '',
          'Examples:',
          ...examples,
        ].join('\n'),
      )
  );
}

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** Variables set from options: an option given on the command line wins over the environment. */
export function withOptions(
  env: NodeJS.ProcessEnv,
  options: Record<string, string | undefined>,
): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) out[key] = value;
  return out;
}
