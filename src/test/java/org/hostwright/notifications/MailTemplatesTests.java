package org.hostwright.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTests {

	@Test
	void plainTextKeepsLinkAddressesDropsTagsAndTheHead() {
		String html = """
				<html><head><title>Reset your Hostwright password</title><style>p{color:red}</style></head>
				<body><table><tr><td>
				<p>Hello Asha,</p>
				<p>Someone asked to reset your password.</p>
				<p><a href="https://host.example/password/reset?token=abc&amp;x=1" style="color:#fff">Choose a new password</a></p>
				<p>Line one<br>line two &amp; more</p>
				</td></tr></table></body></html>""";
		String text = MailTemplates.toText(html);
		assertThat(text).startsWith("Hello Asha,")
			.contains("Choose a new password (https://host.example/password/reset?token=abc&x=1)")
			.contains("Line one\nline two & more")
			.doesNotContain("<")
			.doesNotContain("color:red")
			.doesNotContain("Reset your Hostwright password")
			.doesNotContain("\n\n\n");
	}

	@Test
	void indentationAndRunsOfBlankLinesAreFolded() {
		String text = MailTemplates.toText("<div>\n\n\n\n      <p>   A   </p>\n\n\n\n<p>B</p></div>");
		assertThat(text).isEqualTo("A\n\nB");
	}

	@Test
	void tableCellsAndTermsKeepASpaceBetweenLabelAndValue() {
		String text = MailTemplates.toText("""
				<table><tr><td style="color:#6b6780;">Amount</td><td style="font-weight:bold;">TZS&nbsp;15,000</td></tr>
				<tr><td>Order</td><td>3F2A9C1B</td></tr></table><dl><dt>Plan</dt><dd>Starter</dd></dl>""");
		assertThat(text).contains("Amount TZS\u00A015,000").contains("Order 3F2A9C1B").contains("Plan Starter");
	}

	@Test
	void theHeadGoesWholeAndALinkWithMarkupInsideKeepsItsTextAndAddress() {
		String text = MailTemplates
			.toText("""
					<html><head><title>T</title><style>td > a { color: red; }</style></head><body>
					<p>Pay <a class="btn" href="https://h.example/pay?i=1&amp;x=2"><strong>now</strong> online</a> today.</p>
					<p>a <> b <a name="x">anchor</a> <a href="">empty</a></p>
					<p>Unclosed <b""");
		assertThat(text)
			.isEqualTo("Pay now online (https://h.example/pay?i=1&x=2) today.\n\na <> b anchor empty\n\nUnclosed <b");
	}

}
