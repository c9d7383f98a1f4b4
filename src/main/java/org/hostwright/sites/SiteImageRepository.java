package org.hostwright.sites;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hostwright.sites.SiteImages.Content;
import org.hostwright.sites.SiteImages.Image;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code website_images} table: each image's bytes with its website. */
@Repository
class SiteImageRepository {

	private final JdbcClient jdbc;

	SiteImageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long websiteId, String name, String originalName, String contentType, byte[] data, Instant at) {
		jdbc.sql("""
				INSERT INTO website_images (website_id, name, original_name, content_type, size_bytes, data, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(websiteId, name, originalName, contentType, data.length, data, Timestamp.from(at))
			.update();
	}

	List<Image> list(long websiteId) {
		return jdbc.sql("""
				SELECT id, website_id, name, original_name, content_type, size_bytes, created_at FROM website_images
				WHERE website_id = ? ORDER BY id DESC""")
			.param(websiteId)
			.query((rs, n) -> new Image(rs.getLong("id"), rs.getLong("website_id"), rs.getString("name"),
					rs.getString("original_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	Optional<Content> content(long websiteId, String name) {
		return jdbc.sql("SELECT content_type, data FROM website_images WHERE website_id = ? AND name = ?")
			.params(websiteId, name)
			.query((rs, n) -> new Content(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	void delete(long websiteId, long imageId) {
		jdbc.sql("DELETE FROM website_images WHERE website_id = ? AND id = ?").params(websiteId, imageId).update();
	}

}
