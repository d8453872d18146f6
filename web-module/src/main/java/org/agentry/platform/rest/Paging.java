package org.agentry.platform.rest;

/** Checks offset/limit query parameters: offset ≥ 0, limit 1–200. */
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
