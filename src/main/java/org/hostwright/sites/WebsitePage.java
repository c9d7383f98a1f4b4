package org.hostwright.sites;

import java.time.Instant;

/** One page of a website; its body is Markdown, rendered and sanitised when served. */
public record WebsitePage(long id, long websiteId, String title, String slug, String bodyMarkdown, int sortOrder,
		Instant createdAt, Instant updatedAt) {
}
