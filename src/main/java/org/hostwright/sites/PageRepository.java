package org.hostwright.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PageRepository {

	private final JdbcClient jdbc;

	PageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long websiteId, PageDraft p, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO website_pages (website_id, title, slug, body_markdown, sort_order, created_at, updated_at)
				VALUES (:site, :title, :slug, :body, :sort, :now, :now)""")
			.param("site", websiteId)
			.param("title", p.title())
			.param("slug", p.slug())
			.param("body", p.bodyMarkdown())
			.param("sort", p.sortOrder())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long pageId, PageDraft p, Instant now) {
		jdbc.sql("""
				UPDATE website_pages SET title = :title, slug = :slug, body_markdown = :body, sort_order = :sort,
				updated_at = :now WHERE id = :id""")
			.param("title", p.title())
			.param("slug", p.slug())
			.param("body", p.bodyMarkdown())
			.param("sort", p.sortOrder())
			.param("now", Timestamp.from(now))
			.param("id", pageId)
			.update();
	}

	void delete(long pageId) {
		jdbc.sql("DELETE FROM website_pages WHERE id = ?").param(pageId).update();
	}

	List<WebsitePage> list(long websiteId) {
		return jdbc.sql("SELECT * FROM website_pages WHERE website_id = ? ORDER BY sort_order, id")
			.param(websiteId)
			.query(PageRepository::map)
			.list();
	}

	Optional<WebsitePage> find(long websiteId, long pageId) {
		return jdbc.sql("SELECT * FROM website_pages WHERE website_id = ? AND id = ?")
			.params(websiteId, pageId)
			.query(PageRepository::map)
			.optional();
	}

	boolean slugTaken(long websiteId, String slug, Long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM website_pages WHERE website_id = ? AND slug = ? AND id <> ?")
			.params(websiteId, slug, exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	int nextSortOrder(long websiteId) {
		return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 10 FROM website_pages WHERE website_id = ?")
			.param(websiteId)
			.query(Integer.class)
			.single();
	}

	private static WebsitePage map(ResultSet rs, int n) throws SQLException {
		return new WebsitePage(rs.getLong("id"), rs.getLong("website_id"), rs.getString("title"), rs.getString("slug"),
				rs.getString("body_markdown"), rs.getInt("sort_order"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
