package org.hostwright.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the encryption keyset comes from, bound from {@code hostwright.keyset} (the
 * keyset itself, as JSON) and {@code hostwright.keyset-file}; the defaults are in
 * application.properties.
 */
@ConfigurationProperties("hostwright")
record VaultProperties(String keyset, String keysetFile) {

	@Override
	public String toString() {
		return "VaultProperties[keyset=[redacted], keysetFile=" + keysetFile + "]";
	}

}
