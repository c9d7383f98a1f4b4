package org.hostwright.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretVaultTests {

	@TempDir
	Path dir;

	private SecretVault fileVault() {
		return new SecretVault("", dir.resolve("keyset.json").toString());
	}

	@Test
	void encryptsSoOnlyTheSameContextDecrypts() {
		SecretVault vault = fileVault();
		String sealed = vault.encrypt("panel-pass-123", "service:42");
		assertThat(sealed).doesNotContain("panel-pass-123");
		assertThat(vault.encrypt("panel-pass-123", "service:42")).isNotEqualTo(sealed);
		assertThat(vault.decrypt(sealed, "service:42")).isEqualTo("panel-pass-123");
		assertThatThrownBy(() -> vault.decrypt(sealed, "service:43")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("wrong key or context");
	}

	@Test
	void theGeneratedKeysetIsKeptSoARestartStillDecrypts() throws Exception {
		String sealed = fileVault().encrypt("s3cret", "server:1");
		assertThat(Files.exists(dir.resolve("keyset.json"))).isTrue();
		assertThat(fileVault().decrypt(sealed, "server:1")).isEqualTo("s3cret");
	}

	@Test
	void rotationAddsAPrimaryKeyAndOldCiphertextStillDecrypts() {
		SecretVault vault = fileVault();
		String before = vault.encrypt("old secret", "service:7");
		assertThat(vault.keyCount()).isEqualTo(1);
		vault.rotate();
		assertThat(vault.keyCount()).isEqualTo(2);
		String after = vault.encrypt("new secret", "service:7");
		assertThat(vault.decrypt(before, "service:7")).isEqualTo("old secret");
		assertThat(vault.decrypt(after, "service:7")).isEqualTo("new secret");
		// the rotated keyset was written: a restarted node reads both
		SecretVault restarted = fileVault();
		assertThat(restarted.keyCount()).isEqualTo(2);
		assertThat(restarted.decrypt(before, "service:7")).isEqualTo("old secret");
		assertThat(restarted.decrypt(after, "service:7")).isEqualTo("new secret");
	}

	@Test
	void aKeysetFromTheEnvironmentIsUsedAndNotRotatedHere() throws Exception {
		SecretVault source = fileVault();
		String json = Files.readString(dir.resolve("keyset.json"));
		String sealed = source.encrypt("x", "ctx");
		SecretVault fromEnv = new SecretVault(json, dir.resolve("unused.json").toString());
		assertThat(fromEnv.decrypt(sealed, "ctx")).isEqualTo("x");
		assertThat(Files.exists(dir.resolve("unused.json"))).isFalse();
		assertThatThrownBy(fromEnv::rotate).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("HOSTWRIGHT_KEYSET");
	}

	@Test
	void anotherKeysetCannotDecrypt() {
		String sealed = fileVault().encrypt("x", "ctx");
		SecretVault stranger = new SecretVault("", dir.resolve("other.json").toString());
		assertThatThrownBy(() -> stranger.decrypt(sealed, "ctx")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void anInvalidKeysetStopsStartUpWithAClearMessage() {
		assertThatThrownBy(() -> new SecretVault("{\"not\":\"a keyset\"}", dir.resolve("k.json").toString()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("keyset");
	}

}
