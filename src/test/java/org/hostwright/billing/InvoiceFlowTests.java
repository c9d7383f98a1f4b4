package org.hostwright.billing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hostwright.accounts.Account;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Invoices from checkout to payment, credit, one-off invoices and bad input. */
class InvoiceFlowTests extends BillingTestSupport {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EventSerializer serializer;

	@Test
	void checkoutIssuesTheOrdersInvoiceAndPayingTheOrderPaysIt() {
		Account c = customer("0754000201");
		ApiClient me = signedIn(c);
		var placed = me.post("/api/checkout", json(Map.of("plan_slug", "hollyn-lite", "phone", "0754123456")));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		long invoiceId = placed.json().get("invoice_id").asLong();
		long price = placed.json().get("price_cents").asLong();
		var invoice = me.get("/api/invoices/" + invoiceId).json();
		assertThat(invoice.get("status").asString()).isEqualTo("unpaid");
		assertThat(invoice.get("total_cents").asLong()).isEqualTo(price);
		assertThat(invoice.get("balance_cents").asLong()).isEqualTo(price);
		assertThat(invoice.get("lines").get(0).get("tax_rate").asInt()).isEqualTo(18);
		assertThat(invoice.get("tax_cents").asLong()).isEqualTo(price - new TaxRule(1800, true).of(price).net());
		assertThat(me.get("/api/me/invoices").json().get("items").get(0).get("id").asLong()).isEqualTo(invoiceId);
		assertThat(signedIn(customer("0754000202")).get("/api/invoices/" + invoiceId).status()).isEqualTo(404);

		String order = placed.json().get("order_uuid").asString();
		assertThat(me.post("/api/orders/" + order + "/pay", null).status()).isEqualTo(202);
		await().atMost(patience())
			.pollInterval(Duration.ofMillis(200))
			.until(() -> "paid".equals(me.get("/api/invoices/" + invoiceId).json().get("status").asString()));
		assertThat(me.get("/api/invoices/" + invoiceId).json().get("balance_cents").asLong()).isZero();
		// the hosting service starts renewing: its period, next due date and price
		await().atMost(patience())
			.until(() -> me.get("/api/me/services").json().size() == 1
					&& !me.get("/api/me/services").json().get(0).get("next_due_date").isNull());
		var service = me.get("/api/me/services").json().get(0);
		assertThat(service.get("billing_period").asString()).isEqualTo("monthly");
		assertThat(service.get("price_cents").asLong()).isEqualTo(price);
		assertThat(service.get("currency").asString()).isEqualTo("TZS");
		// the invoice's line now names the service the order created, and its period
		var line = me.get("/api/invoices/" + invoiceId).json().get("lines").get(0);
		assertThat(line.get("service_id").asLong()).isEqualTo(service.get("id").asLong());
		assertThat(line.get("service_kind").asString()).isEqualTo("hosting");
		assertThat(line.get("period_start").asString()).isEqualTo(billing.today().toString());
		assertThat(line.get("period_end").isNull()).isFalse();
	}

	/**
	 * A new order's invoice never suspended a service nor carried an upgrade, so its
	 * payment stores no publication for the listeners that restore services and apply
	 * plan changes (in a sale, two of every order's three publications, each three
	 * transactions); any other invoice's payment stores both. Read inside the paying
	 * transaction, where the publications are written, and rolled back.
	 */
	@Test
	void payingAnOrdersInvoiceStoresNoPublicationForRestorationsOrPlanChanges() {
		Account c = customer("0754000209");
		OrderView order = orders.place(new PlaceOrder(c.id(), hostingPlan(9_000), "+255712345678", null, "test"));
		long orderInvoice = billing.invoiceOfOrder(order.id()).orElseThrow();
		long oneOff = billing.issue(c.id(), "TZS", billing.today().plusDays(7),
				List.of(LineDraft.simple("Support", 1, 1_000)));
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			billing.payOrder(order.id(), order.priceMinor(), PaymentMethod.MANUAL, "T-" + order.id());
			billing.pay(oneOff, 1_000, PaymentMethod.MANUAL, "T-one-off-" + oneOff, null);

			assertThat(invoicePaidListeners(orderInvoice)).isEmpty();
			assertThat(invoicePaidListeners(oneOff)).hasSize(2)
				.anyMatch(l -> l.contains("RestorationStep"))
				.anyMatch(l -> l.contains("PlanChanges"));
			tx.setRollbackOnly();
		});
	}

	/**
	 * A publication stored before the event named its order (an upgrade's payment in
	 * flight across an update) is read as any invoice's, so both listeners still run.
	 */
	@Test
	void anInvoicePaidStoredBeforeItNamedItsOrderStillReachesItsListeners() {
		assertThat(serializer.deserialize("{\"invoice_id\":7,\"customer_id\":8}", InvoicePaid.class))
			.isEqualTo(new InvoicePaid(7, 8, null));
	}

	private List<String> invoicePaidListeners(long invoiceId) {
		return jdbc.sql("""
				SELECT listener_id FROM event_publication
				WHERE event_type = ? AND serialized_event LIKE ?""")
			.params(InvoicePaid.class.getName(), "%\"invoice_id\":" + invoiceId + ",%")
			.query(String.class)
			.list();
	}

	@Test
	void overpaymentsAndSecondPaymentsBecomeCreditThatPaysTheNextInvoice() {
		Account c = customer("0754000203");
		ApiClient admin = admin();
		long first = oneOff(admin, c, 5_000);
		var paid = admin.post("/api/admin/invoices/" + first + "/payments",
				json(Map.of("amount_cents", 7_000, "method", "cash")));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().get("status").asString()).isEqualTo("paid");
		var credit = admin.get("/api/admin/customers/" + c.id() + "/credit").json();
		assertThat(credit.get("balances").get(0).get("amount_cents").asLong()).isEqualTo(2_000);

		// credit is used on the next invoice as it is issued (the setting is on by
		// default)
		long second = oneOff(admin, c, 3_000);
		var next = signedIn(c).get("/api/invoices/" + second).json();
		assertThat(next.get("amount_paid_cents").asLong()).isEqualTo(2_000);
		assertThat(next.get("balance_cents").asLong()).isEqualTo(1_000);
		assertThat(billing.creditOf(c.id(), "TZS")).isZero();

		// a refund to credit pays the rest from the customer's own page
		assertThat(admin.post("/api/admin/invoices/" + first + "/refund", "{}").json().get("status").asString())
			.isEqualTo("refunded");
		var fromCredit = signedIn(c).post("/api/invoices/" + second + "/pay-from-credit", null);
		assertThat(fromCredit.json().get("status").asString()).isEqualTo("paid");
		assertThat(billing.creditOf(c.id(), "TZS")).isEqualTo(5_000 - 1_000);
	}

	@Test
	void anUnpaidInvoiceIsCancelledKeepingItsNumberAndAPaidOneCannotBe() {
		Account c = customer("0754000204");
		ApiClient admin = admin();
		long id = oneOff(admin, c, 1_000);
		String number = admin.get("/api/admin/invoices/" + id).json().get("number").asString();
		var cancelled = admin.post("/api/admin/invoices/" + id + "/cancel", null);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.json().get("number").asString()).isEqualTo(number);
		assertThat(admin.post("/api/admin/invoices/" + id + "/cancel", null).status()).isEqualTo(409);
		assertThat(admin.get("/api/admin/invoices?q=" + number).json().get("items").get(0).get("id").asLong())
			.isEqualTo(id);
		assertThat(admin.get("/api/admin/invoices?status=cancelled&customer_id=" + c.id()).json().get("items").size())
			.isEqualTo(1);
	}

	@Test
	void invoiceNumbersHaveNoGapsWhenIssuedConcurrently() throws Exception {
		Account c = customer("0754000205");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Long>> issued = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				issued.add(pool.submit(() -> billing.issue(c.id(), "TZS", billing.today(),
						List.of(LineDraft.simple("Support hour", 1, 1_000)))));
			}
			for (Future<Long> f : issued) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertNoGaps();
	}

	@Test
	void anIssueRolledBackGivesItsNumberBackAndWhatIsSettledAtIssueNamesTheNumber() {
		Account c = customer("0754000207");
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			billing.issue(c.id(), "TZS", billing.today(), List.of(LineDraft.simple("Support hour", 1, 1_000)));
			status.setRollbackOnly();
		});
		assertNoGaps();

		// the number is taken after the invoice and its lines are written; what needs it
		// (the ledger's text, the free invoice settled) comes after it
		long free = billing.issue(c.id(), "TZS", billing.today(), List.of(LineDraft.simple("Welcome hour", 1, 0)));
		assertThat(billing.require(free).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(billing.require(free).number()).isNotNull();
		billing.credit(c.id(), "TZS", 400, "goodwill");
		long partly = billing.issue(c.id(), "TZS", billing.today(),
				List.of(LineDraft.simple("Support hour", 1, 1_000)));
		Invoice paidFromCredit = billing.require(partly);
		assertThat(paidFromCredit.amountPaidMinor()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT reason FROM credit_ledger WHERE invoice_id = ? AND amount_minor < 0")
			.param(partly)
			.query(String.class)
			.single()).isEqualTo("credit used on invoice " + paidFromCredit.number());
		assertNoGaps();
	}

	@Test
	void badInputIsA400WithFieldErrorsNeverA500() {
		ApiClient admin = admin();
		var empty = admin.post("/api/admin/invoices", "{}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("customer_id", "currency", "due_date", "lines");
		var badLine = admin.post("/api/admin/invoices", json(Map.of("customer_id", 1, "currency", "TZS", "due_date",
				"2026-13-01", "lines", List.of(Map.of("description", "", "quantity", 0, "unit_price_cents", -1)))));
		assertThat(badLine.status()).isEqualTo(400);
		assertThat(badLine.body()).contains("due_date", "lines[0].description", "lines[0].quantity",
				"lines[0].unit_price_cents");
		assertThat(admin.post("/api/admin/invoices", "not json").status()).isEqualTo(400);
		Account c = customer("0754000206");
		long id = oneOff(admin, c, 1_000);
		var badPayment = admin.post("/api/admin/invoices/" + id + "/payments",
				json(Map.of("amount_cents", 0, "method", "gold")));
		assertThat(badPayment.status()).isEqualTo(400);
		assertThat(badPayment.body()).contains("amount_cents", "method");
		assertThat(admin.get("/api/admin/invoices?status=lost").status()).isEqualTo(400);
		assertThat(admin.post("/api/admin/billing/run", json(Map.of("date", "tomorrow"))).status()).isEqualTo(400);
		assertThat(admin.get("/api/admin/billing/preview?date=2026-02-30").status()).isEqualTo(400);
		assertThat(admin.get("/api/admin/invoices/abc").status()).isEqualTo(400);
		assertThat(signedIn(c).post("/api/invoices/" + id + "/pay", json(Map.of("phone", "12"))).status())
			.isEqualTo(400);
		assertThat(admin
			.post("/api/admin/invoices/" + id + "/payments",
					json(Map.of("amount_cents", 100, "method", "bank_transfer", "reference", "DUP-" + id)))
			.status()).isEqualTo(201);
		assertThat(admin
			.post("/api/admin/invoices/" + id + "/payments",
					json(Map.of("amount_cents", 100, "method", "bank_transfer", "reference", "DUP-" + id)))
			.status()).isEqualTo(409);
	}

	@Autowired
	InvoiceStore invoiceStore;

	@Autowired
	InvoiceNumbers invoiceNumbers;

	@Test
	void anInvoiceNumberWrittenWithItsCounterKeepsItsFormatPastAMillion() {
		// a year and prefix of their own, so this year's numbers stay gapless for the
		// other tests
		Account c = customer("0754000209");
		jdbc.sql("INSERT INTO invoice_counters (number_year, prefix, last_number) VALUES (2099, 'TST-', 999998)")
			.update();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long id = tx.execute(s -> {
				long invoice = invoiceStore
					.insert(new InvoiceStore.NewInvoice(c.id(), "TZS", 100, 0, 100, java.time.Instant.now(),
							billing.today(), null, true, new Invoice.Party(c.name(), c.email(), null, null, null),
							new Invoice.Party("Test", null, null, null, null)));
				invoiceNumbers.numberInvoice(invoice, 2099, "TST-");
				return invoice;
			});
			ids.add(id);
		}
		assertThat(ids.stream().map(id -> billing.require(id).number()))
			.containsExactly("TST-2099-999999", "TST-2099-1000000", "TST-2099-1000001")
			.containsExactly(InvoiceNumbers.format("TST-", 2099, 999_999),
					InvoiceNumbers.format("TST-", 2099, 1_000_000), InvoiceNumbers.format("TST-", 2099, 1_000_001));
		assertThat(
				jdbc.sql("SELECT number_seq FROM invoices WHERE id = ?").param(ids.get(2)).query(Long.class).single())
			.isEqualTo(1_000_001L);
		assertThat(jdbc.sql("SELECT last_number FROM invoice_counters WHERE number_year = 2099 AND prefix = 'TST-'")
			.query(Long.class)
			.single()).isEqualTo(1_000_001L);
	}

	private long oneOff(ApiClient admin, Account c, long price) {
		var r = admin.post("/api/admin/invoices",
				json(Map.of("customer_id", c.id(), "currency", "TZS", "due_date",
						billing.today().plusDays(7).toString(), "lines",
						List.of(Map.of("description", "Design work", "quantity", 1, "unit_price_cents", price)))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

}
