import { isMediaWikiApiError, type MediaWikiApiError } from "../MediaWikiApiError";

/** For tests: the MediaWikiApiError a promise rejects with; anything else (or no rejection) fails. */
export async function rejection(promise: Promise<unknown>): Promise<MediaWikiApiError> {
  try {
    await promise;
  } catch (error) {
    if (isMediaWikiApiError(error)) return error;
    throw error;
  }
  throw new Error("expected a MediaWikiApiError");
}
