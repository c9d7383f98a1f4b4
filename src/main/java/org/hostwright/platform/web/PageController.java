package org.hostwright.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders pages, the only kind the layout's advices (the signed-in
 * user, the agency client, the brand, the sandbox bar, the current path) work for.
 * {@code @ControllerAdvice(annotations = Controller.class)} would also select every
 * {@code @RestController}, which is itself annotated with {@code @Controller}: each
 * webhook and API call then computed a page's chrome, a database query included, for a
 * JSON body that never shows it. {@code ArchitectureTests} keeps plain
 * {@code @Controller} out, so a new page cannot lose its layout by accident.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

	/** The bean name, as for {@link Controller#value()}. */
	@AliasFor(annotation = Controller.class)
	String value() default "";

}
