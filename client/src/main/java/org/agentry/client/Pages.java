package org.agentry.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Iterates every item of a cursor-paged list: fetches the first page, then the next one with the
 * previous page's cursor whenever the items run out, until a page comes without a cursor. Pages are
 * fetched lazily, so stopping early (e.g. {@code limit(10)} on the stream) fetches no more.
 */
final class Pages<T> implements Iterator<T> {

  /** One page: its items and the cursor of the next one, or null on the last. */
  record Page<T>(List<T> items, String next) {}

  private final Function<String, Page<T>> fetch;
  private Iterator<T> current = List.<T>of().iterator();
  private String cursor;
  private boolean last;

  private Pages(Function<String, Page<T>> fetch) {
    this.fetch = fetch;
  }

  /** A lazy, sequential stream of every item; {@code fetch} gets null for the first page. */
  static <T> Stream<T> stream(Function<String, Page<T>> fetch) {
    Iterable<T> items = () -> new Pages<>(fetch);
    return StreamSupport.stream(items.spliterator(), false);
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && !last) {
      var page = fetch.apply(cursor);
      current = page.items() == null ? List.<T>of().iterator() : page.items().iterator();
      cursor = page.next();
      last = cursor == null || cursor.isEmpty();
    }
    return current.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
