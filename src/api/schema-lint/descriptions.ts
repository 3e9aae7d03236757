/**
 * The schema documents itself: every type, field, argument, input field and enum value of the
 * SDL carries a description, which the playground's docs pane shows. `undocumented()` lists what
 * lacks one; `npm test` fails on any (test/unit/schema-descriptions.test.ts).
 */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/** Schema coordinates (Type, Type.field, Type.field(arg:), Enum.VALUE) without a description. */
export function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (d: string | null | undefined) => d === null || d === undefined || d.trim() === '';
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    // Built-in scalars (String, Int, …) come documented by graphql-js.
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing;
}

/** The same over SDL text. */
export function undocumentedInSdl(sdl: string): string[] {
  return undocumented(buildSchema(sdl));
}
