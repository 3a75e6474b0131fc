import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

function literalValue(
  node: ValueNode,
  variables: Record<string, unknown> | null | undefined,
): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => literalValue(v, variables));
    case Kind.OBJECT: {
      const out: Record<string, unknown> = {};
      for (const field of node.fields) out[field.name.value] = literalValue(field.value, variables);
      return out;
    }
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default:
      throw new GraphQLError('JSONObject: enums are not JSON values');
  }
}

function objectOrError(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) throw new GraphQLError('JSONObject: must be a JSON object ({…})');
  return value;
}

/**
 * Documents whose shape depends on something else (a connector's settings by its kind, a grading
 * policy's overrides) travel as one JSON object each and are validated by the service that owns
 * them, with field paths, not by the schema. One scalar for the whole API (a second one of the
 * same name would break the schema).
 */
export const JSONObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description:
    'A JSON object (`{…}`), e.g. connector settings or grading policy overrides; its shape is ' +
    'described where it is used.',
  serialize: (value) => objectOrError(value),
  parseValue: (value) => objectOrError(value),
  parseLiteral: (node, variables) => objectOrError(literalValue(node, variables)),
});
