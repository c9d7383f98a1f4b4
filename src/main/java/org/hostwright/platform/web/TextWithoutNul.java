package org.hostwright.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON text with a NUL character is refused when it is read (a 400 naming the field):
 * PostgreSQL cannot store it, and no field of ours has a use for it. Request parameters
 * get the same answer from {@link RequestTextFilter}.
 */
final class TextWithoutNul extends StringDeserializer {

	static SimpleModule module() {
		return new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul());
	}

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
		String text = super.deserialize(p, ctxt);
		if (text != null && text.indexOf('\u0000') >= 0) {
			throw ctxt.weirdStringException("", String.class, "contains a NUL character");
		}
		return text;
	}

}
