package org.hostwright.payments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ZenoPay account, bound from {@code hostwright.zenopay.*}; the defaults and
 * environment variables are in application.properties (and the README's table), nowhere
 * else. Public so the sandbox simulator checks the very key the client sends.
 */
@ConfigurationProperties("hostwright.zenopay")
public record ZenoPayProperties(String baseUrl, String apiKey, String webhookUrl, Duration connectTimeout,
		Duration readTimeout) {

	@Override
	public String toString() {
		return "ZenoPayProperties[baseUrl=" + baseUrl + ", apiKey=[redacted], webhookUrl=" + webhookUrl + "]";
	}

}
