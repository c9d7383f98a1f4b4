package org.hostwright.agency;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every site created before preview links became tokens its own token at start-up
 * (the migration cannot draw secure random values the same way on H2 and PostgreSQL).
 */
@Component
@Order(0)
class PreviewTokens implements ApplicationRunner {

	private final HostedSiteRepository repository;

	PreviewTokens(HostedSiteRepository repository) {
		this.repository = repository;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (long id : repository.withoutPreviewToken()) {
			repository.setPreviewToken(id, HostedSites.newPreviewToken());
		}
	}

}
