package org.agentry.platform.rest;

/** Checks paging query parameters: offset ≥ 0, after ≥ 0, limit 1–200. */
public final class Paging {

  /** Default page size. */
  public static final int DEFAULT_LIMIT = 50;

  private Paging() {}

  /**
   * @throws ApiException 400 if the offset is negative
   */
  public static int offset(Integer offset) {
    if (offset == null) {
      return 0;
    }
    if (offset < 0) {
      throw ApiException.validation("'offset' must be 0 or more.");
    }
    return offset;
  }

  /**
   * An {@code after} cursor (an id): 0 when absent.
   *
   * @throws ApiException 400 if it is negative
   */
  public static long after(Long after) {
    if (after == null) {
      return 0;
    }
    if (after < 0) {
      throw ApiException.validation("'after' must be 0 or more.");
    }
    return after;
  }

  /**
   * @throws ApiException 400 if the limit is outside 1–200
   */
  public static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > 200) {
      throw ApiException.validation("'limit' must be 1 to 200.");
    }
    return limit;
  }
}
