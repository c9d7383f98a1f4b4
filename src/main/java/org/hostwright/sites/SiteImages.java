package org.hostwright.sites;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.hostwright.platform.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Images uploaded for a website, stored in the database (so every node serves them and
 * backups hold them). The type is decided by the file's first bytes, never by its name or
 * the browser's claim: only PNG, JPEG, GIF and WebP are kept, up to
 * {@code hostwright.sites.max-image-size}.
 */
@Service
class SiteImages {

	/**
	 * An image as listed in the editor; {@code path} is site-relative, ready for
	 * Markdown.
	 */
	record Image(long id, long websiteId, String name, String originalName, String contentType, int sizeBytes,
			Instant createdAt) {

		public String path() {
			return "/images/" + name;
		}

	}

	record Content(String contentType, byte[] data) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SiteImageRepository images;

	private final SitesProperties properties;

	private final Clock clock;

	SiteImages(SiteImageRepository images, SitesProperties properties, Clock clock) {
		this.images = images;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	Image upload(long websiteId, String originalName, byte[] data) {
		if (data == null || data.length == 0) {
			throw new InvalidInputException("file", "sites.image.empty", "Choose an image to upload.");
		}
		if (data.length > properties.maxImageSize().toBytes()) {
			throw new InvalidInputException("file", "sites.image.tooLarge",
					"This image is too large: at most " + readable(properties.maxImageSize().toBytes()) + ".");
		}
		String type = sniff(data).orElseThrow(
				() -> new InvalidInputException("file", "sites.image.type", "Upload a PNG, JPEG, GIF or WebP image."));
		byte[] random = new byte[12];
		RANDOM.nextBytes(random);
		String name = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "."
				+ type.substring(6).replace("jpeg", "jpg");
		String original = originalName == null ? null
				: originalName.strip().length() > 200 ? originalName.strip().substring(0, 200) : originalName.strip();
		images.insert(websiteId, name, original, type, data, Instant.now(clock));
		return list(websiteId).stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
	}

	List<Image> list(long websiteId) {
		return images.list(websiteId);
	}

	Optional<Content> content(long websiteId, String name) {
		return images.content(websiteId, name);
	}

	@Transactional
	void delete(long websiteId, long imageId) {
		images.delete(websiteId, imageId);
	}

	static String readable(long bytes) {
		return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
	}

	/** The image type its first bytes announce, whatever the file is called. */
	static Optional<String> sniff(byte[] d) {
		if (startsWith(d, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (startsWith(d, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(d, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(d, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return Optional.of("image/gif");
		}
		if (startsWith(d, 0, 'R', 'I', 'F', 'F') && startsWith(d, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] data, int offset, int... expected) {
		if (data.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((data[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
