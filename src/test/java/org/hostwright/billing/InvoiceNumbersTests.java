package org.hostwright.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year's counter on a pool of its own (embedded H2): the first number of a year is
 * taken with the issuing transaction's one connection, and first issues racing each other
 * still get consecutive numbers.
 */
class InvoiceNumbersTests {

	private HikariDataSource pool;

	private InvoiceNumbers numbers(int connections) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:numbers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		config.setMaximumPoolSize(connections);
		config.setConnectionTimeout(500);
		pool = new HikariDataSource(config);
		JdbcClient.create(pool).sql("""
				CREATE TABLE invoice_counters (number_year INT NOT NULL, prefix VARCHAR(20) NOT NULL,
				  last_number BIGINT NOT NULL, PRIMARY KEY (number_year, prefix))""").update();
		return new InvoiceNumbers(JdbcClient.create(pool), pool);
	}

	private static long next(TransactionTemplate tx, InvoiceNumbers numbers, int year, String prefix) {
		Long number = tx.execute(s -> numbers.next(year, prefix));
		return number == null ? 0 : number;
	}

	@AfterEach
	void close() {
		pool.close();
	}

	@Test
	void theFirstNumberOfAYearNeedsNoSecondConnection() {
		InvoiceNumbers numbers = numbers(1);
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));

		// before: the year's row was created in a transaction of its own, which waited
		// for a second connection (under a sale, every checkout did, and the pool ran
		// dry)
		assertThat(next(tx, numbers, 2031, "INV-")).isEqualTo(1L);
		assertThat(next(tx, numbers, 2031, "INV-")).isEqualTo(2L);
		assertThat(next(tx, numbers, 2032, "INV-")).isEqualTo(1L);
		assertThat(next(tx, numbers, 2031, "CN-")).isEqualTo(1L);
		// a batch of renewals locks a counter the year has not started yet, the same way
		InvoiceNumbers.Block block = tx.execute(s -> numbers.lock(2034, "INV-"));
		assertThat(block).extracting(InvoiceNumbers.Block::last).isEqualTo(0L);
		assertThat(next(tx, numbers, 2034, "INV-")).isEqualTo(1L);
	}

	@Test
	void firstIssuesOfAYearAtOnceGetConsecutiveNumbers() throws Exception {
		InvoiceNumbers numbers = numbers(8);
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
		List<Callable<Long>> issues = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			issues.add(() -> tx.execute(s -> numbers.next(2033, "INV-")));
		}
		List<Long> given = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (Future<Long> f : threads.invokeAll(issues)) {
				given.add(f.get());
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(given).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
	}

}
