package org.voiceai.providers.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.voiceai.tenant.DomainId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Where the AES key comes from: the property, an existing key file, or a newly created one. */
class SecretKeyLoaderTest {

	static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	static final byte[] FILE_KEY = SecretCipherTest.sequence(32, 0);

	static final byte[] CONFIGURED_KEY = SecretCipherTest.sequence(32, 100);

	@TempDir
	Path dir;

	@Test
	void configuredKeyWinsOverTheKeyFile() throws IOException {
		Path keyFile = write("secret.key", base64(FILE_KEY) + "\n");

		SecretCipher loaded = SecretKeyLoader.load(base64(CONFIGURED_KEY), keyFile);

		assertThat(usesKey(loaded, CONFIGURED_KEY)).isTrue();
		assertThat(usesKey(loaded, FILE_KEY)).isFalse();
		assertThat(Files.readString(keyFile)).isEqualTo(base64(FILE_KEY) + "\n");
	}

	@Test
	void configuredKeyIsUsedWithoutTouchingAMissingKeyFile() {
		Path keyFile = this.dir.resolve("absent/secret.key");

		SecretCipher loaded = SecretKeyLoader.load(base64(CONFIGURED_KEY), keyFile);

		assertThat(usesKey(loaded, CONFIGURED_KEY)).isTrue();
		assertThat(keyFile.getParent()).doesNotExist();
	}

	@Test
	void existingKeyFileWithTrailingNewlineIsRead() throws IOException {
		Path keyFile = write("secret.key", base64(FILE_KEY) + "\n");

		assertThat(usesKey(SecretKeyLoader.load(null, keyFile), FILE_KEY)).isTrue();
	}

	@Test
	void blankConfiguredKeyFallsBackToTheKeyFile() throws IOException {
		Path keyFile = write("secret.key", "  " + base64(FILE_KEY) + "\r\n");

		assertThat(usesKey(SecretKeyLoader.load("  ", keyFile), FILE_KEY)).isTrue();
		assertThat(usesKey(SecretKeyLoader.load("", keyFile), FILE_KEY)).isTrue();
	}

	@Test
	void missingKeyFileIsCreatedWithANew32ByteKeyReadableOnlyByTheOwner() throws IOException {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		Path keyFile = this.dir.resolve("etc/voice-ai/secret.key");

		SecretCipher loaded = SecretKeyLoader.load(null, keyFile);

		assertThat(keyFile).isRegularFile();
		String content = Files.readString(keyFile, StandardCharsets.US_ASCII);
		assertThat(content).endsWith("\n");
		byte[] key = Base64.getDecoder().decode(content.trim());
		assertThat(key).hasSize(32);
		assertThat(usesKey(loaded, key)).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		try (Stream<Path> files = Files.list(keyFile.getParent())) {
			assertThat(files).containsExactly(keyFile);
		}
	}

	@Test
	void twoNewKeyFilesGetDifferentKeys() throws IOException {
		SecretKeyLoader.load(null, this.dir.resolve("a.key"));
		SecretKeyLoader.load(null, this.dir.resolve("b.key"));

		assertThat(Files.readString(this.dir.resolve("a.key"))).isNotEqualTo(Files.readString(this.dir.resolve("b.key")));
	}

	@Test
	void secondLoadReadsTheKeyTheFirstOneCreated() throws IOException {
		Path keyFile = this.dir.resolve("secret.key");
		SecretCipher first = SecretKeyLoader.load(null, keyFile);
		String content = Files.readString(keyFile);

		SecretCipher second = SecretKeyLoader.load(null, keyFile);

		assertThat(second.decrypt(first.encrypt("sk-live-123", DOMAIN), DOMAIN)).isEqualTo("sk-live-123");
		assertThat(Files.readString(keyFile)).isEqualTo(content);
	}

	@Test
	void invalidConfiguredKeyFailsEvenWhenTheFileIsValid() throws IOException {
		Path keyFile = write("secret.key", base64(FILE_KEY) + "\n");
		String shortKey = base64(SecretCipherTest.sequence(31, 0));

		assertThatIllegalArgumentException().isThrownBy(() -> SecretKeyLoader.load(shortKey, keyFile))
			.withMessage("The secret key must decode to 32 bytes, got 31");
	}

	@Test
	void invalidConfiguredKeyFailsWithoutCreatingAKeyFile() {
		Path keyFile = this.dir.resolve("secret.key");

		assertThatIllegalArgumentException().isThrownBy(() -> SecretKeyLoader.load("not base64 at all!", keyFile))
			.withMessage("The secret key is not valid base64");
		assertThat(keyFile).doesNotExist();
	}

	@Test
	void invalidKeyFileFailsAndIsLeftAsItIs() throws IOException {
		String aes128Key = base64(SecretCipherTest.sequence(16, 0)) + "\n";
		Path keyFile = write("secret.key", aes128Key);

		assertThatIllegalArgumentException().isThrownBy(() -> SecretKeyLoader.load(null, keyFile))
			.withMessage("The secret key must decode to 32 bytes, got 16");
		assertThat(Files.readString(keyFile)).isEqualTo(aes128Key);
	}

	@Test
	void keyFileThatIsNotBase64Fails() throws IOException {
		Path keyFile = write("secret.key", "not-a-key\n");

		assertThatIllegalArgumentException().isThrownBy(() -> SecretKeyLoader.load(null, keyFile))
			.withMessage("The secret key is not valid base64");
	}

	@Test
	void keyFilePathThatIsADirectoryFailsWithAHintAndLeavesNoTemporaryFile() throws IOException {
		Path keyFile = Files.createDirectory(this.dir.resolve("secret.key"));

		assertThatThrownBy(() -> SecretKeyLoader.load(null, keyFile)).isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining(keyFile.toString())
			.hasMessageContaining("set VOICE_AI_SECRET_KEY instead");
		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files).containsExactly(keyFile);
		}
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content, StandardCharsets.US_ASCII);
	}

	private static String base64(byte[] key) {
		return Base64.getEncoder().encodeToString(key);
	}

	/** Whether {@code cipher} uses {@code key}: it decrypts what a cipher with that key encrypted. */
	private static boolean usesKey(SecretCipher cipher, byte[] key) {
		String encrypted = new SecretCipher(key).encrypt("probe", DOMAIN);
		try {
			return "probe".equals(cipher.decrypt(encrypted, DOMAIN));
		}
		catch (SecretDecryptionException ex) {
			return false;
		}
	}

}
