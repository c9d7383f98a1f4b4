package org.hostwright.agency;

import org.hostwright.platform.SandboxMode;
import org.hostwright.sites.PageDraft;
import org.hostwright.sites.Websites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In sandbox mode on a database without hosted sites: one prospect and one hosted site at
 * {@code poc_ready} with a three-page website, so the pipeline can be explored at once.
 */
@Component
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final SandboxMode sandbox;

	private final HostedSites sites;

	private final HostedSitePipeline pipeline;

	private final Prospects prospects;

	private final Websites websites;

	DemoData(SandboxMode sandbox, HostedSites sites, HostedSitePipeline pipeline, Prospects prospects,
			Websites websites) {
		this.sandbox = sandbox;
		this.sites = sites;
		this.pipeline = pipeline;
		this.prospects = prospects;
		this.websites = websites;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!sandbox.enabled() || sites.count() > 0) {
			return;
		}
		Prospect prospect = prospects.create(new ProspectInput("boulangerie-parc.lu", "Boulangerie du Parc",
				"Jean Müller", "jean@boulangerie-parc.lu", "+352 26 123 456",
				"Met at the Saturday market; wants online orders for cakes.", null, null, "qualified"));
		HostedSite site = sites.createFromProspect(prospect.id());
		long home = websites.pages(site.storeId()).get(0).id();
		websites.updatePage(site.storeId(), home, new PageDraft("Home", "home", """
				## Fresh bread every morning since 1962

				The **Boulangerie du Parc** bakes bread, viennoiseries and cakes on site, every day from 5 am.

				> "The best croissants in the neighbourhood." — a regular since 1998
				""", 10));
		websites.addPage(site.storeId(), new PageDraft("Our products", "products", """
				## Breads
				- Country loaf with sourdough
				- Baguette de tradition
				- Rye and walnut

				## Pastries
				- Croissants and pains au chocolat
				- Seasonal fruit tarts
				""", 20));
		websites.addPage(site.storeId(),
				new PageDraft("Contact", "contact",
						"""
								## Visit us
								12 rue du Parc, Luxembourg — Tuesday to Sunday, 6:30 to 18:30.

								Call us on [+352 26 123 456](tel:+35226123456) or write to [jean@boulangerie-parc.lu](mailto:jean@boulangerie-parc.lu).
								""",
						30));
		pipeline.markPocReady(site.id());
		log.info("Sandbox demo: hosted site #{} '{}' at poc_ready, preview at {}", site.id(), site.businessName(),
				HostedSites.previewPath(site));
	}

}
