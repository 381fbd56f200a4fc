import { DomainError, ERROR_CODES } from '@ocop/domain';

/** Longest search text accepted: nobody types more, and reading it stays cheap. */
export const MAX_SEARCH_LENGTH = 200;

/** Refuses a search text longer than MAX_SEARCH_LENGTH, saying what to send instead. */
export function checkSearchLength(search: string | null | undefined): void {
  if (search && search.length > MAX_SEARCH_LENGTH) {
    throw DomainError.field(
      ERROR_CODES.VALIDATION_FAILED,
      `The search text is ${search.length} characters long; search with at most ${MAX_SEARCH_LENGTH} (a few words work best).`,
      'search',
    );
  }
}
