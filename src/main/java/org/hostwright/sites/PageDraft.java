package org.hostwright.sites;

/** What an editor submits for a page; the slug is made from the title when left blank. */
public record PageDraft(String title, String slug, String bodyMarkdown, int sortOrder) {
}
