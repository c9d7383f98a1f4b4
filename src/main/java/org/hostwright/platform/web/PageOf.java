package org.hostwright.platform.web;

import java.util.List;
import java.util.function.Function;

import org.hostwright.platform.Slice;

/**
 * A {@link Slice} as the JSON API answers it: pages numbered from 1 and bounded
 * ({@value Slice#MAX_PAGE} pages); {@code total} is exact up to {@value Slice#COUNT_CAP},
 * beyond which {@code total_is_lower_bound} is true.
 */
public record PageOf<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalIsLowerBound) {

	public static <R, T> PageOf<T> of(Slice<R> s, Function<R, T> item) {
		return new PageOf<>(s.items().stream().map(item).toList(), s.page(), s.size(), s.hasNext(), s.total(),
				s.totalCapped());
	}

}
