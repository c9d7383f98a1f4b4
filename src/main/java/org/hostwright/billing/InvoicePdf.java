package org.hostwright.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.hostwright.platform.LanguagePreferences;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An invoice as a PDF or a printable HTML page, from one template, in the customer's
 * stored language whoever asks for it (the admin downloading it sees what the customer
 * received); the requester's language only when the customer never chose one.
 */
@Component
class InvoicePdf {

	private final SpringTemplateEngine templates;

	private final SettingsStore settings;

	private final BusinessCalendar calendar;

	private final ApplicationContext application;

	private final String brandName;

	private final LanguagePreferences languages;

	InvoicePdf(SpringTemplateEngine templates, SettingsStore settings, BusinessCalendar calendar,
			ApplicationContext application, @Value("${hostwright.brand-name:Hostwright}") String brandName,
			LanguagePreferences languages) {
		this.languages = languages;
		this.application = application;
		this.brandName = brandName;
		this.templates = templates;
		this.settings = settings;
		this.calendar = calendar;
	}

	/** The language the invoice is written in: the customer's, else {@code fallback}. */
	Locale languageOf(Invoice invoice, Locale fallback) {
		return languages.of(invoice.customerId()).orElse(fallback);
	}

	byte[] render(Invoice invoice, Locale fallback) {
		String html = html(invoice, fallback);
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

	/** The invoice as a standalone HTML page (what the PDF is made from). */
	String html(Invoice invoice, Locale fallback) {
		Locale language = languageOf(invoice, fallback);
		// @fmt formats dates and money in the thread's locale: the customer's, for this
		// document, whoever is asking
		LocaleContext asking = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(language);
		try {
			return process(invoice, language);
		}
		finally {
			LocaleContextHolder.setLocaleContext(asking);
		}
	}

	private String process(Invoice invoice, Locale language) {
		Context context = new Context(language);
		context.setVariable("invoice", invoice);
		context.setVariable("settings", settings.current());
		context.setVariable("today", calendar.today());
		context.setVariable("brandName", brandName);
		// lets the template call beans (@fmt) outside a web request
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(application, null));
		return templates.process("billing/pdf", context);
	}

}
