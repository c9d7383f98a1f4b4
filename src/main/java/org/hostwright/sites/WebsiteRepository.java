package org.hostwright.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class WebsiteRepository {

	private final JdbcClient jdbc;

	WebsiteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String subdomain, String name, String email, String phone, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO websites (subdomain, name, contact_email, contact_phone, published, created_at, updated_at)
				VALUES (:sub, :name, :email, :phone, FALSE, :now, :now)""")
			.param("sub", subdomain)
			.param("name", name)
			.param("email", email)
			.param("phone", phone)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean subdomainTaken(String subdomain) {
		return jdbc.sql("SELECT COUNT(*) FROM websites WHERE subdomain = ?")
			.param(subdomain)
			.query(Long.class)
			.single() > 0;
	}

	boolean liveDomainTaken(String domain, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM websites WHERE live_domain = ? AND id <> ?")
			.params(domain, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Website> find(long id) {
		return jdbc.sql("SELECT * FROM websites WHERE id = ?").param(id).query(WebsiteRepository::map).optional();
	}

	List<Website> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM websites WHERE id IN (:ids)")
			.param("ids", ids)
			.query(WebsiteRepository::map)
			.list();
	}

	Optional<Website> findBySubdomain(String subdomain) {
		return jdbc.sql("SELECT * FROM websites WHERE subdomain = ?")
			.param(subdomain)
			.query(WebsiteRepository::map)
			.optional();
	}

	Optional<String> subdomainForLiveDomain(String domain) {
		return jdbc.sql("SELECT subdomain FROM websites WHERE live_domain = ? AND serving <> 'closed'")
			.param(domain)
			.query(String.class)
			.optional();
	}

	void updateSettings(long id, WebsiteSettings s, Instant now) {
		jdbc.sql(
				"""
						UPDATE websites SET name = :name, logo_url = :logo, primary_color = :color, theme = :theme, tagline = :tagline,
						contact_email = :email, contact_phone = :phone, contact_address = :address, home_page_id = :home,
						updated_at = :now WHERE id = :id""")
			.param("name", s.name())
			.param("logo", s.logoUrl())
			.param("color", s.primaryColor())
			.param("theme", s.theme())
			.param("tagline", s.tagline())
			.param("email", s.contactEmail())
			.param("phone", s.contactPhone())
			.param("address", s.contactAddress())
			.param("home", s.homePageId())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void setColumn(long id, String column, Object value, Instant now) {
		// column names come from this class only, never from input
		jdbc.sql("UPDATE websites SET " + column + " = :v, updated_at = :now WHERE id = :id")
			.param("v", value)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void touch(long id, Instant now) {
		jdbc.sql("UPDATE websites SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM websites WHERE id = ?").param(id).update();
	}

	private static Website map(ResultSet rs, int n) throws SQLException {
		return new Website(rs.getLong("id"), rs.getString("subdomain"), rs.getString("name"), rs.getString("logo_url"),
				rs.getString("primary_color"), rs.getString("theme"), rs.getString("tagline"),
				rs.getString("contact_email"), rs.getString("contact_phone"), rs.getString("contact_address"),
				rs.getObject("home_page_id", Long.class), rs.getObject("owner_id", Long.class),
				rs.getString("live_domain"), Website.Serving.valueOf(rs.getString("serving").toUpperCase(Locale.ROOT)),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getBoolean("published"));
	}

}
