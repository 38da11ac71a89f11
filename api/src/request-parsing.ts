import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * A GET's `variables` or `extensions` that is not JSON is the client's mistake: yoga's GET parser
 * lets `JSON.parse` throw, which would be masked as an internal error; answer 400 `BAD_REQUEST`.
 */
export function requestParsingPlugin(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError('request parameters sent invalid JSON.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
