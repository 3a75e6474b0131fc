import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Where a page sits in a connection (Relay cursor pagination).' })
export class PageInfo {
  @Field({ description: 'True when more items follow the last edge of this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when more items precede the first edge of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge.' })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items after \`after\` (1–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to page forward from.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Items before \`before\` (1–${MAX_PAGE_SIZE}).`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to page backward from.' })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, with cursors.' })
    edges!: EdgeType[];

    @Field(() => [node], { description: 'The items of this page (shortcut for edges.node).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole connection.' })
    totalCount!: number;
  }
  return ConnectionType;
}
