package org.agentry.approval.entity;

import java.util.Locale;

/** An approval's state: {@code pending → approved | denied | expired}. */
public enum ApprovalStatus {
  PENDING,
  APPROVED,
  DENIED,
  /** Nobody decided within {@code agentry.approvals.expiry}; the call was denied as expired. */
  EXPIRED,
  /**
   * The task that waited for it was cancelled (or deleted) first; the call never runs and nothing
   * resumes.
   */
  CANCELLED;

  /** The lower-case name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API name.
   *
   * @throws IllegalArgumentException if it names no status
   */
  public static ApprovalStatus fromApiName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'status' must be one of pending, approved, denied, expired, cancelled");
    }
  }
}
