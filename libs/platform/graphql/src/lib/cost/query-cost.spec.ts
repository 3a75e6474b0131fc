import { buildSchema, Kind, parse, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './query-cost';

const schema = buildSchema(`
  type Query { viewer: Viewer!, stores(first: Int, after: String, last: Int): StoreConnection!, ping: String }
  type Mutation { updateStore(name: String!): Store!, signOut: Boolean! }
  type Viewer { id: ID!, name: String!, home: Store }
  type StoreConnection { totalCount: Int!, edges: [StoreEdge!]!, pageInfo: PageInfo! }
  type StoreEdge { cursor: String!, node: Store! }
  type PageInfo { hasNextPage: Boolean! }
  type Store { id: ID!, name: String!, agents(first: Int): AgentConnection! }
  type AgentConnection { nodes: [Agent!]! }
  type Agent { id: ID!, name: String! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const doc = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let op;
  for (const def of doc.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) op = def;
  }
  return measureOperation(schema, op!, fragments, variables);
}

describe('measureOperation', () => {
  it('charges 1 per object and nothing for scalars', () => {
    expect(measure('{ ping viewer { id name home { id } } }')).toMatchObject({
      cost: 2,
      depth: 3,
      fields: 6,
    });
  });

  it('multiplies what a page selects by the page size asked for, plus 2', () => {
    const q = '{ stores(first: 50) { totalCount edges { node { id name } } } }';
    // edges (1) + node (1) per item: 2 + 50 × 2
    expect(measure(q).cost).toBe(102);
  });

  it('reads the page size from variables and uses the default page size when none is given', () => {
    const q = 'query($n: Int) { stores(first: $n) { edges { node { id } } } }';
    expect(measure(q, { n: 10 }).cost).toBe(22);
    expect(measure(q, {}).cost).toBe(2 + 20 * 2);
  });

  it('multiplies nested pages, so a wide-and-deep query costs what it would really load', () => {
    const q = '{ stores(first: 10) { edges { node { agents(first: 10) { nodes { id } } } } } }';
    // per store: edges 1 + node 1 + agents (2 + 10 × nodes 1) = 14; 2 + 10 × 14
    expect(measure(q).cost).toBe(142);
  });

  it('caps a page size above the maximum at the maximum', () => {
    expect(measure('{ stores(first: 100000) { edges { cursor } } }').cost).toBe(2 + 100 * 1);
  });

  it('expands fragments and counts aliases', () => {
    const q = `{ a: viewer { ...V } b: viewer { ...V } }
      fragment V on Viewer { home { id } }`;
    expect(measure(q)).toMatchObject({ cost: 4, aliases: 2, depth: 3 });
  });

  it('adds the write cost of each mutation field', () => {
    expect(measure('mutation { updateStore(name: "x") { id } signOut }').cost).toBe(1 + 10 + 10);
  });
});
