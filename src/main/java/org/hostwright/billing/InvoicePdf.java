package org.hostwright.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * An invoice as a PDF: the page's own document fragment, rendered in the customer's
 * language.
 */
@Component
class InvoicePdf {

	private final SpringTemplateEngine templates;

	private final SettingsStore settings;

	private final BusinessCalendar calendar;

	private final ApplicationContext application;

	private final String brandName;

	InvoicePdf(SpringTemplateEngine templates, SettingsStore settings, BusinessCalendar calendar,
			ApplicationContext application, @Value("${hostwright.brand-name:Hostwright}") String brandName) {
		this.application = application;
		this.brandName = brandName;
		this.templates = templates;
		this.settings = settings;
		this.calendar = calendar;
	}

	byte[] render(Invoice invoice, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("invoice", invoice);
		context.setVariable("settings", settings.current());
		context.setVariable("today", calendar.today());
		context.setVariable("brandName", brandName);
		// lets the template call beans (@fmt) outside a web request
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(application, null));
		String html = templates.process("billing/pdf", context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			// the template is written as well-formed XHTML, which the renderer parses as
			// it is
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
