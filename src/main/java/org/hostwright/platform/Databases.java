package org.hostwright.platform;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which database the application runs on, for the few statements written once per dialect
 * (PostgreSQL's upserts and data-modifying CTEs, H2's MERGE).
 */
public final class Databases {

	private Databases() {
	}

	/** Whether {@code dataSource} is PostgreSQL (else the embedded H2). */
	public static boolean isPostgreSql(DataSource dataSource) {
		try {
			return "PostgreSQL"
				.equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("cannot tell which database the application runs on", ex);
		}
	}

}
