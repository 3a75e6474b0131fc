import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, Kind, print } from 'graphql';
import { CandorApiError } from './candor-api-error';
import type { CandorResponse, GraphQLErrorItem, ResponseExtensions } from './graphql-response';

export interface CandorClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:3000/graphql`. */
  url: string;
  /** An access token or an API key (`ck_…`), sent as `Authorization: Bearer`. */
  token?: string;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** Operations without required variables may leave them out. */
export type VariablesArgs<TVars> =
  Record<string, never> extends TVars ? [variables?: TVars] : [variables: TVars];

export interface CandorClient {
  /** Runs one operation and returns its typed data; any GraphQL error throws a CandorApiError. */
  request<TResult, TVars>(
    document: TypedDocumentNode<TResult, TVars>,
    ...variables: VariablesArgs<NoInfer<TVars>>
  ): Promise<TResult>;
  /**
   * Runs one operation and returns the whole response (data, errors, extensions, status,
   * headers) without throwing on GraphQL errors; an answer that is not GraphQL still throws.
   */
  execute<TResult, TVars>(
    document: TypedDocumentNode<TResult, TVars>,
    ...variables: VariablesArgs<NoInfer<TVars>>
  ): Promise<CandorResponse<TResult>>;
  /** The same client acting as someone else (or anonymously with undefined). */
  withToken(token: string | undefined): CandorClient;
}

// Generated documents are module constants, so each is printed once.
const printed = new WeakMap<DocumentNode, string>();
function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorItem[];
  extensions?: ResponseExtensions;
}

function isGraphQLBody(body: unknown): body is GraphQLBody {
  return typeof body === 'object' && body !== null && ('data' in body || 'errors' in body);
}

/** A small typed client for Candor's GraphQL API over `fetch` (one operation per POST). */
export function createCandorClient(options: CandorClientOptions): CandorClient {
  const doFetch = options.fetch ?? fetch;

  async function execute<TResult, TVars>(
    document: TypedDocumentNode<TResult, TVars>,
    ...[variables]: VariablesArgs<TVars>
  ): Promise<CandorResponse<TResult>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options.headers,
    };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    const res = await doFetch(options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        operationName: operationName(document),
        query: queryText(document),
        variables: variables ?? {},
      }),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!isGraphQLBody(body)) {
      throw new CandorApiError(
        { status: res.status, headers: res.headers, errors: [], data: null, extensions: undefined },
        `HTTP ${res.status} from ${options.url} is not a GraphQL response: ${text.slice(0, 200)}`,
      );
    }
    return {
      status: res.status,
      headers: res.headers,
      data: body.data as TResult | null | undefined,
      errors: body.errors,
      extensions: body.extensions,
    };
  }

  async function request<TResult, TVars>(
    document: TypedDocumentNode<TResult, TVars>,
    ...variables: VariablesArgs<NoInfer<TVars>>
  ): Promise<TResult> {
    const res = await execute(document, ...variables);
    if (res.errors?.length || res.data == null) {
      throw new CandorApiError(
        {
          status: res.status,
          headers: res.headers,
          errors: res.errors ?? [],
          data: res.data ?? null,
          extensions: res.extensions,
        },
        res.errors?.length ? undefined : `HTTP ${res.status}: a GraphQL response without data`,
      );
    }
    return res.data;
  }

  return {
    request,
    execute,
    withToken: (token) => createCandorClient({ ...options, token }),
  };
}
