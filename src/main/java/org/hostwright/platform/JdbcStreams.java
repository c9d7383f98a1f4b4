package org.hostwright.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams large result sets (CSV exports of a million orders) row by row: a read-only
 * transaction with a fetch size, so the PostgreSQL driver uses a cursor instead of
 * loading every row in memory.
 */
@Repository
public class JdbcStreams {

	public interface RowHandler {

		void handle(ResultSet rs) throws SQLException;

	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	JdbcStreams(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(1000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	public void stream(String sql, List<Object> args, RowHandler handler) {
		readOnly.executeWithoutResult(status -> jdbc.query(sql, rs -> {
			handler.handle(rs);
		}, args.toArray()));
	}

}
