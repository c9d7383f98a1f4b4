package org.hostwright.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (control-panel passwords, panel server credentials) with a
 * Tink AES-GCM keyset. The keyset comes from {@code HOSTWRIGHT_KEYSET} (JSON) or from the
 * keyset file; for the quick start a keyset is generated into the data folder. A keyset
 * can hold several keys: the primary encrypts, all of them decrypt, so {@link #rotate()}
 * never makes old ciphertext unreadable.
 */
@Component
public class SecretVault {

	private static final Logger log = LoggerFactory.getLogger(SecretVault.class);

	private final Path keysetFile;

	private final boolean fromEnvironment;

	private volatile KeysetHandle keyset;

	private volatile Aead aead;

	@Autowired
	SecretVault(VaultProperties properties) {
		this(properties.keyset() == null ? "" : properties.keyset(), properties.keysetFile());
	}

	SecretVault(String keysetJson, String keysetFile) {
		this.keysetFile = Path.of(keysetFile);
		this.fromEnvironment = !keysetJson.isBlank();
		try {
			AeadConfig.register();
			use(fromEnvironment ? parse(keysetJson) : loadOrCreate());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The secret keyset is not valid: " + ex.getMessage(), ex);
		}
	}

	/** Encrypts; the context (e.g. {@code service:42}) must be given again to decrypt. */
	public String encrypt(String plaintext, String context) {
		try {
			byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ad(context));
			return Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(String ciphertext, String context) {
		try {
			byte[] opened = aead.decrypt(Base64.getDecoder().decode(ciphertext), ad(context));
			return new String(opened, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("decryption failed (wrong key or context)", ex);
		}
	}

	/**
	 * Adds a fresh key and makes it primary; earlier keys stay for decryption. Only a
	 * file keyset can be rotated here: a keyset given in the environment is rotated by
	 * whoever manages it.
	 */
	public synchronized void rotate() {
		if (fromEnvironment) {
			throw new IllegalStateException("HOSTWRIGHT_KEYSET is set: rotate that keyset and redeploy");
		}
		try {
			KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			write(rotated);
			use(rotated);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("key rotation failed", ex);
		}
	}

	/** How many keys the keyset holds (rotation adds one). */
	public int keyCount() {
		return keyset.size();
	}

	private void use(KeysetHandle handle) throws GeneralSecurityException {
		this.keyset = handle;
		this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	private KeysetHandle loadOrCreate() throws GeneralSecurityException {
		try {
			if (Files.exists(keysetFile)) {
				return parse(Files.readString(keysetFile));
			}
			KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			write(created);
			log.warn("Generated a new secret keyset at {}: back it up, secrets cannot be read without it",
					keysetFile.toAbsolutePath());
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the keyset " + keysetFile, ex);
		}
	}

	private void write(KeysetHandle handle) throws GeneralSecurityException {
		try {
			Path dir = keysetFile.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path tmp = Files.createTempFile(dir, "keyset", ".tmp");
			try {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system
			}
			Files.writeString(tmp, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
			Files.move(tmp, keysetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the keyset " + keysetFile, ex);
		}
	}

	private static KeysetHandle parse(String json) throws GeneralSecurityException {
		return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
	}

	private static byte[] ad(String context) {
		return context.getBytes(StandardCharsets.UTF_8);
	}

}
