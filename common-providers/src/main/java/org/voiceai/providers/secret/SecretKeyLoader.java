package org.voiceai.providers.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the AES key for provider secrets: the {@code voice-ai.secrets.key} property (VOICE_AI_SECRET_KEY) first,
 * else the key file. When neither exists it creates the file with a new random key (mode 0600) so a fresh install
 * works, and says loudly that production installs must share one key with the FusionPBX app.
 */
public final class SecretKeyLoader {

	private static final Logger logger = LoggerFactory.getLogger(SecretKeyLoader.class);

	private SecretKeyLoader() {
	}

	public static SecretCipher load(String configuredKey, Path keyFile) {
		if (configuredKey != null && !configuredKey.isBlank()) {
			return SecretCipher.fromBase64(configuredKey);
		}
		try {
			if (Files.isRegularFile(keyFile)) {
				return SecretCipher.fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII));
			}
			return SecretCipher.fromBase64(createKeyFile(keyFile));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the secret key file " + keyFile
					+ "; set VOICE_AI_SECRET_KEY instead", ex);
		}
	}

	private static String createKeyFile(Path keyFile) throws IOException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		String encoded = Base64.getEncoder().encodeToString(key);
		Files.createDirectories(keyFile.toAbsolutePath().getParent());
		Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), ".secret", ".tmp");
		try {
			Files.setPosixFilePermissions(temp, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// Non-POSIX file system: the directory's own permissions must protect the key.
		}
		Files.writeString(temp, encoded + "\n", StandardCharsets.US_ASCII);
		try {
			// link(2) is atomic and fails when the file exists, unlike rename(2) which would replace it.
			Files.createLink(keyFile, temp);
		}
		catch (FileAlreadyExistsException ex) {
			// The other service created it first: use theirs, so both decrypt the same secrets.
			return Files.readString(keyFile, StandardCharsets.US_ASCII);
		}
		finally {
			Files.deleteIfExists(temp);
		}
		logger.warn("No VOICE_AI_SECRET_KEY set: generated a new provider-secret key in {}. In production set "
				+ "VOICE_AI_SECRET_KEY and give the FusionPBX app the same key, or it cannot read secrets you save.",
				keyFile);
		return encoded;
	}

}
