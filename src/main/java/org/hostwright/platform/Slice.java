package org.hostwright.platform;

import java.util.List;

import org.hostwright.platform.web.Pager;

/**
 * One page of a long list (the admin's users, orders and services), as each owning
 * module's directory returns it. Pagination is bounded: at most {@link #MAX_PAGE} pages,
 * and the total is counted only up to {@link #COUNT_CAP} rows ({@code totalCapped} then
 * says "at least"), so no page view ever counts a million rows.
 */
public record Slice<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalCapped) {

	public static final int MAX_PAGE = 200;

	public static final int COUNT_CAP = 10_000;

	public static final int DEFAULT_SIZE = 25;

	/** The total of a text search, which is not counted. */
	public static final long UNKNOWN = -1;

	public static int page(Integer requested) {
		return requested == null ? 1 : Math.max(1, Math.min(requested, MAX_PAGE));
	}

	public static int size(Integer requested) {
		return requested == null ? DEFAULT_SIZE : Math.max(1, Math.min(requested, 100));
	}

	public static int offset(int page, int size) {
		return (page - 1) * size;
	}

	/** Builds the slice from a query that fetched {@code size + 1} rows. */
	public static <T> Slice<T> of(List<T> rows, int page, int size, long boundedTotal) {
		boolean more = rows.size() > size && page < MAX_PAGE;
		return new Slice<>(rows.size() > size ? rows.subList(0, size) : rows, page, size, more,
				boundedTotal < 0 ? UNKNOWN : Math.min(boundedTotal, COUNT_CAP), boundedTotal > COUNT_CAP);
	}

	public int from() {
		return items.isEmpty() ? 0 : (page - 1) * size + 1;
	}

	public int to() {
		return (page - 1) * size + items.size();
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	/** What the pager fragment shows for this slice. */
	public Pager pager() {
		return new Pager(page, size, items.size(), hasNext, total, totalCapped);
	}

}
