package org.hostwright.platform.web;

import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout's model attributes (the signed-in user, the agency client and its query, the
 * brand, the current path) are computed for pages only: never for an API call, whose JSON
 * never shows them (webhooks are not served by Spring MVC at all), and still for every
 * page, Spring Boot's error pages included. The check asks each advice the same question
 * Spring MVC asks before it calls the advice's model attribute methods for a handler.
 */
class LayoutAdviceTests extends IntegrationTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	Accounts accounts;

	@Test
	void apiCallsRunNoneOfTheLayoutsModelAttributes() throws Exception {
		List<ControllerAdviceBean> layout = layoutAdvices();
		assertThat(layout).extracting(advice -> advice.getBeanType().getSimpleName())
			.contains("ChromeAdvice", "AccountChromeAdvice", "AgencyClientAdvice");

		for (String[] call : List.of(new String[] { "GET", "/api/me/services" },
				new String[] { "GET", "/api/plans" })) {
			Class<?> handler = handlerType(call[0], call[1]);
			assertThat(AnnotatedElementUtils.hasAnnotation(handler, RestController.class)).as(call[1]).isTrue();
			assertThat(layout).as(call[1]).noneMatch(advice -> advice.isApplicableToBeanType(handler));
		}
	}

	@Test
	void everyPageAndNoRestControllerGetsTheLayout() {
		List<ControllerAdviceBean> layout = layoutAdvices();
		Map<?, HandlerMethod> handlers = mapping.getHandlerMethods();
		assertThat(handlers).isNotEmpty();
		handlers.values().forEach(method -> {
			Class<?> type = method.getBeanType();
			if (AnnotatedElementUtils.hasAnnotation(type, RestController.class)) {
				assertThat(layout).as(type.getName()).noneMatch(advice -> advice.isApplicableToBeanType(type));
			}
			// a library's own page (springdoc's redirect to its UI) renders no layout
			else if (type.getName().startsWith("org.hostwright.") || ErrorController.class.isAssignableFrom(type)) {
				assertThat(layout).as(type.getName()).allMatch(advice -> advice.isApplicableToBeanType(type));
			}
		});
	}

	@Test
	void signedInPagesAndErrorPagesStillShowTheNavigation() {
		String email = uniqueEmail("layout");
		accounts.register(NewAccount.customer("Asha Layout", email, null, PASSWORD));
		WebSession browser = web();
		browser.signIn(email, PASSWORD);

		assertThat(browser.get("/me/services").body()).contains("id=\"nav-services\"");
		WebSession.Page missing = browser.get("/no-such-page-" + System.nanoTime());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("id=\"nav-services\"");

		ApiClient api = api().signIn(email, PASSWORD);
		assertThat(api.get("/api/me/services").status()).isEqualTo(200);
	}

	/**
	 * The advices that add model attributes (exception handlers cost nothing per call).
	 */
	private List<ControllerAdviceBean> layoutAdvices() {
		return ControllerAdviceBean.findAnnotatedBeans(context)
			.stream()
			.filter(advice -> !MethodIntrospector
				.selectMethods(advice.getBeanType(),
						(MethodIntrospector.MetadataLookup<Boolean>) m -> AnnotatedElementUtils.hasAnnotation(m,
								ModelAttribute.class) ? Boolean.TRUE : null)
				.isEmpty())
			.toList();
	}

	private Class<?> handlerType(String method, String path) throws Exception {
		HandlerExecutionChain chain = mapping.getHandler(new MockHttpServletRequest(method, path));
		assertThat(chain).as(path).isNotNull();
		return ((HandlerMethod) chain.getHandler()).getBeanType();
	}

}
