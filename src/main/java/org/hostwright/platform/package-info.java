/**
 * The shared kernel every module stands on: configuration, sandbox mode, the clock,
 * durable jobs, the secret vault, money and formatting, domain errors and the web chrome
 * (layouts, flash, errors). It is an open module: it depends on no business module, and
 * every module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		displayName = "Platform")
package org.hostwright.platform;
