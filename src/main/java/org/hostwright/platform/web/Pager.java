package org.hostwright.platform.web;

/**
 * The one paging vocabulary of the list pages, read by the one pager fragment
 * ({@code fragments/pager :: pager(pager, url)}): the 1-based page, its size, how many
 * rows it shows, whether another page follows, and the total ({@link #UNKNOWN} when a
 * search is not counted; {@code totalCapped} when it was counted only up to a bound,
 * shown as "at least").
 */
public record Pager(int page, int size, int shown, boolean hasNext, long total, boolean totalCapped) {

	public static final long UNKNOWN = -1;

	/** A page of a list whose total is known. */
	public static Pager counted(int page, int size, int shown, long total) {
		return new Pager(page, size, shown, (long) page * size < total, total, false);
	}

	public int from() {
		return shown == 0 ? 0 : (page - 1) * size + 1;
	}

	public int to() {
		return (page - 1) * size + shown;
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	/** More than one page: the previous/next links are worth showing. */
	public boolean paged() {
		return hasPrevious() || hasNext;
	}

}
